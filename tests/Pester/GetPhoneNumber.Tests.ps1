BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
}

Describe 'Get-PolyAiPhoneNumber' {
    BeforeEach { Initialize-TestCase }

    AfterAll { Disconnect-PolyAi }

    Describe 'Get-PolyAiPhoneNumber: list (P1)' {
        It 'lists every number of an agent as typed objects with one GET' {
            $numbers = @(Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO)
            $numbers.Count | Should -Be (Get-TestPhoneNumbers).Count
            $numbers | Should -BeOfType ([PolyAI.Agents.PhoneNumber])
            $routed = $numbers | Where-Object Number -EQ '+442071230003'
            $routed.AgentId, $routed.ProjectId, $routed.AccountId, $routed.ClientEnv, $routed.ConnectorId |
                Should -Be @('PROJECT-DEMO', 'PROJECT-DEMO', 'ws-demo01', 'live', 'conn-support-live')
            ($numbers | Where-Object Number -EQ '+15550100099').ConnectorId | Should -BeNullOrEmpty -Because 'an unrouted number has no connector'
            (Get-TestRequest).rawTarget | Should -Be @('/v1/agents/PROJECT-DEMO/telephony/phone-numbers')
        }

        It 'lists only the numbers of one connector with -ConnectorId (the query parameter)' {
            (Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1).Number | Should -Be @('+15550100001', '+15550100002')
            (Get-TestRequest).rawTarget | Should -Be @('/v1/agents/PROJECT-DEMO/telephony/phone-numbers?connectorId=conn-sbx-1')
        }

        It 'Get-PolyAiConnector | Get-PolyAiPhoneNumber lists the numbers of each connector' {
            $numbers = Get-PolyAiConnector -AgentId PROJECT-DEMO | Get-PolyAiPhoneNumber
            $expected = (Get-TestPhoneNumbers | Where-Object connectorId).number
            $numbers.Number | Sort-Object | Should -Be ($expected | Sort-Object)
            ($numbers | Where-Object Number -EQ '+15550100003').ConnectorId | Should -Be 'conn-sbx-3'
            (Get-TestRequest -Method GET -PathLike '*/phone-numbers?connectorId=*').Count | Should -Be (Get-TestConnectorIds).Count
        }

        It 'reports a forbidden agent as AgentAccessDenied and goes on with the next input' {
            $numbers = [pscustomobject]@{ AgentId = 'PROJECT-LOCKED' }, [pscustomobject]@{ AgentId = 'PROJECT-OTHER' } |
                Get-PolyAiPhoneNumber -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'AgentAccessDenied,PolyAI.Agents.Commands.GetPolyAiPhoneNumberCommand'
            $numbers.Number | Should -Be @('+15550200001', '+15550200002')
        }
    }

    Describe 'Get-PolyAiPhoneNumber: by number (P5 for one, P4 for several)' {
        It 'gets one number with a single GET that keeps the + in the path' {
            $number = Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001'
            $number.ConnectorId | Should -Be 'conn-sbx-1'
            (Get-TestRequest).rawTarget | Should -Be @('/v1/agents/PROJECT-DEMO/telephony/phone-numbers/+15550100001')
        }

        It 'gets several through one batch POST, in input order, and reports unknown numbers as errors in input order' {
            $found = Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100003', '+19990000001', '+442071230001', '+19990000002' -ErrorVariable failures -ErrorAction SilentlyContinue
            $found.Number | Should -Be @('+15550100003', '+442071230001')
            $failures.Count | Should -Be 2
            $failures.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'PhoneNumberNotFound,PolyAI.Agents.Commands.GetPolyAiPhoneNumberCommand'
            $failures.TargetObject | Should -Be @('+19990000001', '+19990000002')
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $requests = Get-TestRequest
            $requests.Count | Should -Be 1
            $requests[0].method, $requests[0].rawTarget | Should -Be @('POST', '/v1/agents/PROJECT-DEMO/telephony/phone-numbers/batch')
            $requests[0].body | Should -Be '{"phoneNumbers":["+15550100003","+19990000001","+442071230001","+19990000002"]}'
        }

        It 'reports one unknown number as PhoneNumberNotFound with the API details' {
            Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+19990000001' -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures[0].FullyQualifiedErrorId | Should -Be 'PhoneNumberNotFound,PolyAI.Agents.Commands.GetPolyAiPhoneNumberCommand'
            $failures[0].ErrorDetails.Message | Should -Match 'PHONE_NUMBERS_NOT_FOUND'
        }

        It 'collects numbers piped as objects with a Number property (Import-Csv) into one batch' {
            $csv = Join-Path $TestDrive 'numbers.csv'
            'Number', '+15550100001', '+15550100004', '+15550100099' | Set-Content -LiteralPath $csv
            $numbers = Import-Csv -LiteralPath $csv | Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO
            $numbers.Number | Should -Be @('+15550100001', '+15550100004', '+15550100099')
            (Get-TestRequest).Count | Should -Be 1
        }

        It 'reads numbers piped from Get-PolyAiPhoneNumber again, by their own agent' {
            $before = Get-PolyAiPhoneNumber -AgentId PROJECT-OTHER
            ($before | Get-PolyAiPhoneNumber).Number | Should -Be $before.Number
            (Get-TestRequest -Method POST -PathLike '/v1/agents/PROJECT-OTHER/telephony/phone-numbers/batch').Count | Should -Be 1
        }

        It 'asks for more than 100 numbers in batches of 100' {
            New-PolyAiEmulatorData -Emulator (Get-TestEmulator) -AgentId PROJECT-BULK -Connectors 0 -NumbersPerConnector 0 -UnroutedNumbers 150 -Confirm:$false | Out-Null
            $all = Get-PolyAiPhoneNumber -AgentId PROJECT-BULK
            @(Get-PolyAiPhoneNumber -AgentId PROJECT-BULK -PhoneNumber $all.Number).Count | Should -Be 150
            (Get-TestRequest -Method POST -PathLike '*/phone-numbers/batch').Count | Should -Be 2
        }

        It 'refuses a number that is not E.164 before any request' {
            { Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001', '020 7123 0003' } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.GetPolyAiPhoneNumberCommand'
            { Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '15550100001' } | Should -Throw '*E.164*'
            (Get-TestRequest).Count | Should -Be 0
        }

        It 'ends the command on a wrong key (401)' {
            Connect-TestEmulator -ApiKey 'wrong-key'
            { Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' } |
                Should -Throw -ErrorId 'PolyAiAuthenticationFailed,PolyAI.Agents.Commands.GetPolyAiPhoneNumberCommand'
        }
    }
}
