<#
.SYNOPSIS
    Runs the Pester suite against the built module, with one sandbox API for the whole run.
    Called by build.ps1 Test in a fresh pwsh; writes a JSON summary for the build's total line.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string] $ResultsPath,
    # The local repository that build.ps1 Package published to (for the install round trip).
    [string] $RepositoryPath,
    [string[]] $Path = @(Join-Path $PSScriptRoot 'Pester')
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).Path
$EmulatorPath = (Resolve-Path -LiteralPath $EmulatorPath).Path
Import-Module $PesterPath -Force
Import-Module (Join-Path $PSScriptRoot '../tools/EmulatorHost.psm1') -Force

# The tests read these; the second key lets them prove each runspace sends its own key.
$emulator = Start-PolyAiEmulator -EmulatorPath $EmulatorPath -ApiKey 'emulator-key', 'second-key'
$env:POLYAI_TEST_MODULE = Join-Path $ModulePath 'PolyAI.Agents.psd1'
$env:POLYAI_TEST_EMULATOR_URI = $emulator.BaseUri
$env:POLYAI_TEST_EMULATOR_KEY = 'emulator-key'
$env:POLYAI_TEST_EMULATOR_KEY2 = 'second-key'
$env:POLYAI_EMULATOR_DLL = $EmulatorPath
$env:POLYAI_TEST_REPOSITORY = $RepositoryPath
# <root>/pester/<version>/tools/Pester.psd1: the NuGet package folder, for tests that load other packages.
$env:POLYAI_TEST_NUGET_ROOT = Split-Path (Split-Path (Split-Path (Split-Path (Resolve-Path -LiteralPath $PesterPath).Path)))

try {
    $config = New-PesterConfiguration
    $config.Run.Path = $Path
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $config.Output.RenderMode = 'Plaintext'
    if ($ResultsPath) {
        $config.TestResult.Enabled = $true
        $config.TestResult.OutputPath = $ResultsPath
    }
    $result = Invoke-Pester -Configuration $config
}
finally {
    Stop-PolyAiEmulator -Emulator $emulator
}

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
    ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
"Pester: $($result.PassedCount) passed, $failed failed, $($result.SkippedCount) skipped"
exit ([int]($failed -gt 0))
