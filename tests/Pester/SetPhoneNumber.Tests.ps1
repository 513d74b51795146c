BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    function Get-TestRoute {
        param([string] $Number, [string] $AgentId = 'PROJECT-DEMO')
        (Get-TestPhoneNumbers -AgentId $AgentId | Where-Object number -EQ $Number).connectorId
    }
}

Describe 'Set-PolyAiPhoneNumber' {
    BeforeEach { Initialize-TestCase }

    AfterEach { Reset-TestPreference }

    AfterAll { Disconnect-PolyAi }

    Describe 'Set-PolyAiPhoneNumber: route (P7, PATCH .../phone-numbers/{number})' {
        It 'routes an unrouted number with one PATCH; -PassThru returns the number' {
            $number = Set-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100099' -ConnectorId conn-sbx-2 -PassThru
            $number | Should -BeOfType ([PolyAI.Agents.PhoneNumber])
            $number.ConnectorId | Should -Be 'conn-sbx-2'
            $requests = Get-TestRequest
            $requests.Count | Should -Be 1 -Because 'no message is shown, so nothing is read first'
            $requests[0].method, $requests[0].rawTarget, $requests[0].body | Should -Be @('PATCH', '/v1/agents/PROJECT-DEMO/telephony/phone-numbers/+15550100099', '{"connectorId":"conn-sbx-2"}')
            Get-TestRoute '+15550100099' | Should -Be 'conn-sbx-2'
        }

        It 'moves a number from one connector to another; nothing is written without -PassThru' {
            Set-PolyAiPhoneNumber PROJECT-DEMO '+15550100001' conn-sbx-3 | Should -BeNullOrEmpty
            Get-TestRoute '+15550100001' | Should -Be 'conn-sbx-3'
            (Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1).Number | Should -Be '+15550100002'
        }

        It 'Get-PolyAiPhoneNumber | Set-PolyAiPhoneNumber -ConnectorId moves every number of a connector' {
            $moved = Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 | Set-PolyAiPhoneNumber -ConnectorId conn-sbx-2 -PassThru
            $moved.Number | Sort-Object | Should -Be @('+15550100001', '+15550100002')
            $moved.ConnectorId | Should -Be @('conn-sbx-2', 'conn-sbx-2')
            (Get-TestRequest -Method PATCH).Count | Should -Be 2
        }

        It 'routes numbers just imported: Import-PolyAiPhoneNumber | Set-PolyAiPhoneNumber' {
            $routed = Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001', '+447700900002' |
                Set-PolyAiPhoneNumber -ConnectorId conn-main-live -PassThru
            $routed.ConnectorId | Should -Be @('conn-main-live', 'conn-main-live')
        }

        It 'takes number and connector per row from a CSV of routes' {
            $csv = Join-Path $TestDrive 'routes.csv'
            'Number,ConnectorId', '+15550100001,conn-sbx-2', '+15550100099,conn-pre-1' | Set-Content -LiteralPath $csv
            Import-Csv -LiteralPath $csv | Set-PolyAiPhoneNumber -AgentId PROJECT-DEMO
            Get-TestRoute '+15550100001' | Should -Be 'conn-sbx-2'
            Get-TestRoute '+15550100099' | Should -Be 'conn-pre-1'
        }

        It 'reports an unknown number as PhoneNumberNotFound' {
            Set-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+19990000001' -ConnectorId conn-sbx-2 -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'PhoneNumberNotFound,PolyAI.Agents.Commands.SetPolyAiPhoneNumberCommand'
            $failures[0].TargetObject | Should -Be '+19990000001'
        }

        It 'reports an unknown target connector as ConnectorNotFound (the API code names the connector)' {
            Set-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -ConnectorId conn-nope -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorNotFound,PolyAI.Agents.Commands.SetPolyAiPhoneNumberCommand'
            $failures[0].ErrorDetails.Message | Should -Match 'PHONE_NUMBERS_CONNECTOR_DOES_NOT_EXIST'
            Get-TestRoute '+15550100001' | Should -Be 'conn-sbx-1'
        }

        It 'refuses a number that is not E.164 and an empty connector id before any request' {
            { Set-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '5550100001' -ConnectorId conn-sbx-2 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.SetPolyAiPhoneNumberCommand'
            { Set-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -ConnectorId ' ' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.SetPolyAiPhoneNumberCommand'
            (Get-TestRequest).Count | Should -Be 0
        }
    }

    Describe 'Set-PolyAiPhoneNumber: ShouldProcess' {
        It '-WhatIf shows the current connector -> the new one and sends no PATCH' {
            $text = Get-HostOutput {
                Set-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -ConnectorId conn-sbx-2 -WhatIf
                Set-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100099' -ConnectorId conn-sbx-2 -WhatIf
            }
            $text | Should -Match "What if: Route phone number '\+15550100001' \(sandbox\) of agent 'PROJECT-DEMO': connector 'conn-sbx-1' -> connector 'conn-sbx-2'\."
            $text | Should -Match "What if: Route phone number '\+15550100099' \(sandbox\) of agent 'PROJECT-DEMO': no connector -> connector 'conn-sbx-2'\."
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
            Get-TestRoute '+15550100001' | Should -Be 'conn-sbx-1'
        }

        It '$WhatIfPreference sends no PATCH' {
            $global:WhatIfPreference = $true
            Set-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -ConnectorId conn-sbx-2 -PassThru | Should -BeNullOrEmpty
            $global:WhatIfPreference = $false
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
        }

        It '$ConfirmPreference = Medium prompts; with no one to answer (-NonInteractive) nothing is routed' {
            $result = Invoke-TestPwsh -Script "`$ConfirmPreference = 'Medium'; Set-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -ConnectorId conn-sbx-2"
            $result.Output | Should -Match 'NonInteractive'
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
        }

        It 'answering No at the prompt routes nothing' {
            $result = Invoke-TestPwsh -InputText 'N' -Script "Set-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -ConnectorId conn-sbx-2 -Confirm"
            ($result.Output -replace '\s+', ' ') | Should -Match "connector 'conn-sbx-1' -> connector 'conn-sbx-2'\. Continue\?"
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
        }
    }
}
