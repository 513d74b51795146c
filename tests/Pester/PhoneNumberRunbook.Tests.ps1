BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    # The README's phone-number runbook, word for word except that the emulator replaces Connect-PolyAi.
    $script:Runbook = @'
$agent = 'PROJECT-58RP822I'

# Import the numbers you hold (numbers.csv has a Number column); an existing number is an error for its row only
$imported = Import-Csv numbers.csv | Import-PolyAiPhoneNumber -AgentId $agent -ClientEnv live -ErrorVariable importFailed

# Route them to a connector: preview (current connector -> new one), then for real
$imported | Set-PolyAiPhoneNumber -ConnectorId conn-main-live -WhatIf
$imported | Set-PolyAiPhoneNumber -ConnectorId conn-main-live -PassThru | Format-Table Number, ConnectorId

# What each connector serves now
Get-PolyAiConnector -AgentId $agent | Get-PolyAiPhoneNumber | Format-Table Number, ConnectorId, ClientEnv

# Release them: exactly one PhoneNumberRemoval or one error (stable id) per number
$released = Import-Csv numbers.csv | Remove-PolyAiPhoneNumber -AgentId $agent -Force -ErrorVariable releaseFailed
$released | Export-Csv released-numbers.csv
$importFailed + $releaseFailed | ForEach-Object { '{0}: {1}' -f $_.TargetObject, $_.FullyQualifiedErrorId }
'@
}

Describe 'The phone-number runbook of the README' {
    BeforeAll {
        Reset-TestEmulator
        Connect-TestEmulator
        'Number', '+447700900001', '+447700900002', '+15550100099' | Set-Content -LiteralPath (Join-Path $TestDrive 'numbers.csv')
        Push-Location -LiteralPath $TestDrive
        try {
            $script:HostText = Get-HostOutput {
                $ErrorActionPreference = 'Continue' # a runbook's default (the suite runs with Stop)
                . ([scriptblock]::Create(($script:Runbook -replace "'PROJECT-58RP822I'", "'PROJECT-DEMO'")))
                $script:Imported = $imported
                $script:Released = $released
            }
        }
        finally { Pop-Location }
    }

    AfterAll { Disconnect-PolyAi }

    It 'imports the new numbers and reports the one that already exists' {
        $script:Imported.Number | Should -Be @('+447700900001', '+447700900002')
        $script:HostText | Should -Match '\+15550100099: PhoneNumberAlreadyExists,PolyAI\.Agents\.Commands\.ImportPolyAiPhoneNumberCommand'
    }

    It 'previews the routing, then routes the imported numbers' {
        $script:HostText | Should -Match "What if: Route phone number '\+447700900001' \(live\) of agent 'PROJECT-DEMO': no connector -> connector 'conn-main-live'\."
        (Get-TestRequest -Method PATCH).Count | Should -Be 2
        $script:HostText | Should -Match '\+447700900002\s+conn-main-live\s+live'
    }

    It 'releases every number of the file and records them' {
        $script:Released.Number | Should -Be @('+447700900001', '+447700900002', '+15550100099')
        (Import-Csv -LiteralPath (Join-Path $TestDrive 'released-numbers.csv')).Number | Should -Be @('+447700900001', '+447700900002', '+15550100099')
        (Get-TestPhoneNumbers).number | Should -Not -Contain '+447700900001'
        (Get-TestRequest -Method DELETE).Count | Should -Be 1
    }
}

Describe 'The telephony output types' {
    It 'PolyAI.Agents.<Name> has a table view' -ForEach @(@{ Name = 'PhoneNumberImport' }, @{ Name = 'PhoneNumberRemoval' }) {
        Get-FormatData -TypeName "PolyAI.Agents.$Name" | Should -Not -BeNullOrEmpty
    }

    It 'every telephony cmdlet takes -Session and declares its output type' -ForEach @(
        @{ Name = 'Set-PolyAiConnector'; Type = 'PolyAI.Agents.Connector' }
        @{ Name = 'Get-PolyAiPhoneNumber'; Type = 'PolyAI.Agents.PhoneNumber' }
        @{ Name = 'Import-PolyAiPhoneNumber'; Type = 'PolyAI.Agents.PhoneNumberImport' }
        @{ Name = 'Set-PolyAiPhoneNumber'; Type = 'PolyAI.Agents.PhoneNumber' }
        @{ Name = 'Remove-PolyAiPhoneNumber'; Type = 'PolyAI.Agents.PhoneNumberRemoval' }
    ) {
        $command = Get-Command $Name
        $command.Parameters.Keys | Should -Contain 'Session'
        $command.OutputType.Name | Should -Be $Type
    }
}

Describe 'The demo runbook (build.ps1 Demo)' {
    BeforeAll { Reset-TestEmulator }
    AfterAll { Reset-TestEmulator }

    It 'runs to the end against the emulator (it stops at the first unexpected error)' {
        $demo = Join-Path $PSScriptRoot '../../examples/Demo.ps1'
        $result = Invoke-TestPwsh -NoImport -Script "& '$demo' -ModulePath '$env:POLYAI_TEST_MODULE' -BaseUri '$env:POLYAI_TEST_EMULATOR_URI' -ApiKey '$env:POLYAI_TEST_EMULATOR_KEY'; 'DEMO DONE'"
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match 'ConnectorNotFound,PolyAI\.Agents\.Commands\.RemovePolyAiConnectorCommand'
        $result.Output | Should -Match 'DEMO DONE'
        Get-TestConnectorIds | Should -Not -Contain 'conn-sbx-1' -Because 'the demo removes the sandbox connectors'
        $result.Output | Should -Match "(?m)^\+ Book, move or cancel appointments, also on Saturdays\." -Because 'the demo previews the new rules as a diff'
        $result.Output | Should -Match 'main now says: We are open Monday to Saturday'
        $result.Output | Should -Match "RealTimeConfigValueInvalid,PolyAI\.Agents\.Commands\.SetPolyAiRealTimeConfigCommand: .*'openingHours' = `"9am to 8pm`"" -Because 'the demo shows a value refused by the schema before sending'
        $result.Output | Should -Match 'What if: Update the live real-time config page .*openingHours "09:00-17:00" -> "09:00-20:00"'
        Connect-TestEmulator
        (Get-PolyAiBranch -AgentId PROJECT-DEMO).BranchId | Should -Be 'main' -Because 'the demo removes its branch after the merge'
        $live = Get-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv live
        $live.Variables.openingHours | Should -Be '09:00-20:00'
        (Get-TestRequest -Method PATCH -PathLike '*/real-time-configs/live/variables').Count | Should -Be 1 -Because 'the refused value was never sent'
        $result.Output | Should -Match "What if: Promote deployment dep-0001 \(version \w+ .*to pre-release, which runs version \w+ since"
        $result.Output | Should -Match "What if: Roll live of agent 'PROJECT-DEMO' back from version \w+ .* to version \w+ \(dep-seed-live"
        $active = Get-PolyAiDeployment -AgentId PROJECT-DEMO -Active
        ($active | Where-Object Environment -EQ 'pre-release').Version | Should -Not -Be ($active | Where-Object Environment -EQ 'live').Version -Because 'live was rolled back, pre-release was not'
        $result.Output | Should -Match 'call OUT-0001: QUEUED'
    }
}
