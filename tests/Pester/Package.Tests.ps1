# The Gallery path, rehearsed locally: build.ps1 Package published the module to a file repository; here a
# fresh user (a temporary HOME) registers it, installs the module by name with Install-PSResource, and a
# fresh pwsh imports it by name and runs a cmdlet against the emulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $version = (Import-PowerShellDataFile $env:POLYAI_TEST_MODULE).ModuleVersion
}

Describe 'Package and install round trip' -Skip:(-not $env:POLYAI_TEST_REPOSITORY) {
    BeforeAll {
        $userProfile = Enter-TemporaryUserProfile
        $isolatedHome = $userProfile.Folder
    }

    AfterAll { Exit-TemporaryUserProfile $userProfile }

    BeforeEach { Reset-TestEmulator }

    It 'the package is in the local repository' {
        Join-Path $env:POLYAI_TEST_REPOSITORY "PolyAI.Agents.$version.nupkg" | Should -Exist
    }

    It 'installs by name with Install-PSResource into the (temporary) user scope' {
        $result = Invoke-TestPwsh -NoImport -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name PolyAiTest -Uri '$env:POLYAI_TEST_REPOSITORY' -Trusted
Install-PSResource -Name PolyAI.Agents -Repository PolyAiTest -Scope CurrentUser -TrustRepository
`$installed = Get-InstalledPSResource -Name PolyAI.Agents -Scope CurrentUser
"INSTALLED {0} {1}" -f `$installed.Version, `$installed.InstalledLocation
"@
        $result.Output | Should -Match "INSTALLED $([regex]::Escape($version)) "
        $result.Output | Should -Match ([regex]::Escape($isolatedHome))
        $result.ExitCode | Should -Be 0
    }

    It 'a fresh pwsh imports it by name and runs a cmdlet against the emulator' {
        $result = Invoke-TestPwsh -NoImport -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module PolyAI.Agents
`$module = Get-Module PolyAI.Agents
"MODULEBASE {0}" -f `$module.ModuleBase
Connect-PolyAi -BaseUri '$env:POLYAI_TEST_EMULATOR_URI' -ApiKey '$env:POLYAI_TEST_EMULATOR_KEY'
"CONNECTORS {0}" -f @(Get-PolyAiConnector -AgentId PROJECT-DEMO).Count
"@
        $result.Output | Should -Match "MODULEBASE $([regex]::Escape($isolatedHome)).*PolyAI\.Agents.$([regex]::Escape($version))"
        $result.Output | Should -Match 'CONNECTORS 6'
        $result.ExitCode | Should -Be 0
    }
}
