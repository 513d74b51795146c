BeforeDiscovery {
    Import-Module $env:POLYAI_TEST_MODULE -Force
    $script:cmdlets = @(Get-Command -Module PolyAI.Agents | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
}

Describe 'The built module' {
    It 'has a valid manifest whose version matches the assembly' {
        $manifest = Test-ModuleManifest $env:POLYAI_TEST_MODULE
        $assembly = [PolyAI.Agents.Session].Assembly.GetName().Version
        "$($assembly.Major).$($assembly.Minor).$($assembly.Build)" | Should -Be $manifest.Version.ToString()
        $manifest.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $manifest = Import-PowerShellDataFile $env:POLYAI_TEST_MODULE
        (Get-Command -Module PolyAI.Agents).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $manifest.FunctionsToExport | Should -BeNullOrEmpty
        $manifest.VariablesToExport | Should -BeNullOrEmpty
    }

    It 'has a view for every output type its cmdlets declare' {
        Get-PolyAiSession | Out-Null
        $types = @((Get-Command -Module PolyAI.Agents).OutputType.Type | Where-Object { $_.Namespace -like 'PolyAI.Agents*' } | Sort-Object FullName -Unique)
        $types.Count | Should -BeGreaterOrEqual 6
        foreach ($type in $types) {
            Get-FormatData -TypeName $type.FullName | Should -Not -BeNullOrEmpty -Because "$($type.FullName) needs a view"
        }
    }

    It 'shows a variant''s attribute values and a config''s variables as key=value pairs in the default table' {
        Initialize-TestCase
        $variants = Get-PolyAiVariant -AgentId PROJECT-DEMO | Format-Table | Out-String -Width 250
        $variants | Should -Match 'variant-london\s+London\s+True\s+openingHours=09:00-17:00; site=London\s'
        $configs = Get-PolyAiRealTimeConfig -AgentId PROJECT-DEMO | Format-Table | Out-String -Width 250
        $configs | Should -Match 'live\s+openingHours=09:00-17:00; transferNumber=\+442071234500; maxQueueMinutes=10\s'
    }

    It 'adds its views when the first command of a runspace runs, not at import, and once' {
        $result = Invoke-TestPwsh -NoConnect -Script @"
'AT-IMPORT {0}' -f @(Get-FormatData -TypeName PolyAI.Agents.Connector).Count
Get-PolyAiSession | Out-Null
'AFTER-COMMAND {0}' -f @(Get-FormatData -TypeName PolyAI.Agents.Connector).Count
Import-Module '$env:POLYAI_TEST_MODULE' -Force
Get-PolyAiSession | Out-Null
`$ours = @([runspace]::DefaultRunspace.InitialSessionState.Formats | Where-Object { `$_.FormatData.TypeName -like 'PolyAI.Agents.*' })
'ENTRIES {0} {1}' -f `$ours.Count, @(`$ours.FormatData.TypeName | Sort-Object -Unique).Count
"@
        $result.Output | Should -Match 'AT-IMPORT 0'
        $result.Output | Should -Match 'AFTER-COMMAND 1'
        $result.Output | Should -Match 'ENTRIES ([1-9]\d*) \1'
    }

    It 'works in a runspace whose format table cannot change, with PowerShell''s default views' {
        $result = Invoke-TestPwsh -NoImport -Script @"
`$state = [initialsessionstate]::CreateDefault2()
`$state.DisableFormatUpdates = `$true
`$shell = [powershell]::Create(`$state)
`$output = `$shell.AddScript("Import-Module '$env:POLYAI_TEST_MODULE'; Connect-PolyAi -BaseUri '$env:POLYAI_TEST_EMULATOR_URI' -ApiKey '$env:POLYAI_TEST_EMULATOR_KEY'; @(Get-PolyAiConnector -AgentId PROJECT-DEMO).Count; @(Get-FormatData -TypeName PolyAI.Agents.Connector).Count").Invoke()
'CONNECTORS {0} VIEWS {1} ERRORS {2}' -f `$output[0], `$output[1], `$shell.Streams.Error.Count
"@
        $result.Output | Should -Match 'CONNECTORS 6 VIEWS 0 ERRORS 0'
    }

    It 'resolves the output type names as ordinary types, and not the client types' {
        $outputTypes = @((Get-Command -Module PolyAI.Agents).OutputType.Type | Where-Object { $_.Namespace -like 'PolyAI.Agents*' })
        $outputTypes.Count | Should -BeGreaterOrEqual 6
        foreach ($type in $outputTypes) { $type.FullName -as [type] | Should -Be $type }
        $accelerators = [psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')::Get
        @($accelerators.Keys | Where-Object { $_ -like 'PolyAI.Agents.*' }) | Should -BeNullOrEmpty
        'PolyAI.Agents.Client.PolyAiClient' -as [type] | Should -BeNullOrEmpty
    }

    It 'keeps [PolyAI.Agents.*] type names working in another runspace after one runspace removes the module' {
        $result = Invoke-TestPwsh -NoConnect -Script @"
`$other = [powershell]::Create()
`$null = `$other.AddScript("Import-Module '$env:POLYAI_TEST_MODULE'").Invoke()
Remove-Module PolyAI.Agents
`$other.Commands.Clear()
'OTHER ' + `$other.AddScript('[PolyAI.Agents.Connector].FullName').Invoke()[0]
"@
        $result.Output | Should -Match 'OTHER PolyAI\.Agents\.Connector'
    }

    It 'does not load the engine, build an HTTP client or touch the network at import' {
        $result = Invoke-TestPwsh -NoConnect -Script @'
$loaded = [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name
if ($loaded -contains 'Polly.Core') { 'retry pipeline loaded at import'; exit 1 }
if ($loaded -contains 'PolyAI.Agents.Core') { 'engine loaded at import'; exit 1 }
'import clean'
'@
        $result.Output | Should -Match 'import clean'
        $result.ExitCode | Should -Be 0
    }
}

Describe '<Name> follows the cmdlet guidelines' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name
        $attribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
    }

    It 'uses an approved verb and the PolyAi noun prefix' {
        (Get-Verb).Verb | Should -Contain $command.Verb
        $command.Noun | Should -BeLike 'PolyAi*'
    }

    It 'declares its output type' {
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $false) | Should -Not -BeNullOrEmpty
    }

    It 'supports ShouldProcess exactly when it changes something' {
        $attribute.SupportsShouldProcess | Should -Be ($command.Verb -in 'Remove', 'Set', 'Import', 'Disconnect', 'New', 'Copy', 'Merge', 'Publish', 'Restore', 'Invoke')
    }
}

Describe 'Remove-PolyAiConnector' {
    It 'is ConfirmImpact High (the delete cascades to phone numbers)' {
        $attribute = (Get-Command Remove-PolyAiConnector).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }
}
