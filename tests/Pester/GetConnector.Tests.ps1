BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
}

Describe 'Get-PolyAiConnector' {
    BeforeEach { Initialize-TestCase }

    AfterAll { Disconnect-PolyAi }

    Describe 'Get-PolyAiConnector' {
        It 'lists the connectors of an agent as typed objects' {
            $connectors = @(Get-PolyAiConnector -AgentId PROJECT-DEMO)
            $connectors.Count | Should -Be (Get-TestConnectorIds).Count
            $connectors | Should -BeOfType ([PolyAI.Agents.Connector])
            $main = $connectors | Where-Object ConnectorId -EQ 'conn-main-live'
            $main.AgentId | Should -Be 'PROJECT-DEMO'
            $main.Name | Should -Be 'Main line'
            $main.ClientEnv | Should -Be 'live'
            $main.ProjectId | Should -Not -BeNullOrEmpty
            $main.AccountId | Should -Be 'ws-demo01'
            foreach ($property in 'VariantId', 'AsrLangCode', 'TtsLangCode', 'VoiceName', 'DisableHandoff') {
                $main.PSObject.Properties.Name | Should -Contain $property
            }
            (Get-TestRequest -Method GET -PathLike '/v1/agents/PROJECT-DEMO/telephony/connectors').Count | Should -Be 1
        }

        It 'filters by name with wildcards' {
            $names = (Get-PolyAiConnector -AgentId PROJECT-DEMO -Name 'sandbox*').Name
            $names | Sort-Object | Should -Be @('Sandbox A', 'Sandbox B', 'Sandbox C')
        }

        It 'gets one connector by id with a single GET' {
            $connector = Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1
            $connector.Name | Should -Be 'Sandbox A'
            (Get-TestRequest -Method GET -PathLike '*/connectors/conn-sbx-1').Count | Should -Be 1
        }

        It 'gets several by id through the batch endpoint, in input order, and reports unknown ids as errors' {
            $found = Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-3, nope-1, conn-main-live, nope-2 -ErrorVariable failures -ErrorAction SilentlyContinue
            $found.ConnectorId | Should -Be @('conn-sbx-3', 'conn-main-live')
            $failures.Count | Should -Be 2
            $failures.FullyQualifiedErrorId | Should -Be @('ConnectorNotFound,PolyAI.Agents.Commands.GetPolyAiConnectorCommand', 'ConnectorNotFound,PolyAI.Agents.Commands.GetPolyAiConnectorCommand')
            $failures.TargetObject | Should -Be @('nope-1', 'nope-2')
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            (Get-TestRequest -Method POST -PathLike '*/connectors/batch').Count | Should -Be 1
        }

        It 'writes batch results in input order even when the API lists them in another' {
            $state = Get-PolyAiEmulatorState -Emulator (Get-TestEmulator)
            $byId = @{}
            ($state.agents | Where-Object agentId -EQ 'PROJECT-DEMO').connectors | ForEach-Object { $byId[$_.connectorId] = $_ }
            $body = @{ found = @($byId['conn-main-live'], $byId['conn-sbx-3']); notFound = @('nope-1') } | ConvertTo-Json -Depth 5 -Compress
            Add-PolyAiEmulatorFault -Emulator (Get-TestEmulator) -Rule @{ method = 'POST'; pathContains = 'connectors/batch'; status = 200; contentType = 'application/json'; body = $body } | Out-Null

            $found = Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-3, nope-1, conn-main-live -ErrorVariable failures -ErrorAction SilentlyContinue
            $found.ConnectorId | Should -Be @('conn-sbx-3', 'conn-main-live')
            $failures.TargetObject | Should -Be @('nope-1')
        }

        It 'reports a single unknown id as ConnectorNotFound with the API details' {
            Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId nope -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorNotFound,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            $failures[0].ErrorDetails.Message | Should -Match 'CONNECTORS_NOT_FOUND'
            $failures[0].ErrorDetails.Message | Should -Match 'correlation id [0-9a-f-]{36}'
            $failures[0].Exception.ApiError.CorrelationId | Should -Match '^[0-9a-f-]{36}$'
        }

        It 'finds the connector that serves a phone number' {
            (Get-PolyAiConnector -AgentId PROJECT-DEMO -PhoneNumber '+442071230003').ConnectorId | Should -Be 'conn-support-live'
            (Get-TestRequest -Method POST -PathLike '*/connectors/lookup').Count | Should -Be 1
        }

        It 'refuses a number that is not E.164 before any request' {
            { Get-PolyAiConnector -AgentId PROJECT-DEMO -PhoneNumber '020 7123 0003' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            (Get-TestRequest).Count | Should -Be 0
        }

        It 'refuses empty and whitespace ids before any request' {
            { Get-PolyAiConnector -AgentId ' ' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            { Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1, '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            (Get-TestRequest).Count | Should -Be 0
        }

        It 'takes AgentId and ConnectorId from the pipeline by property name' {
            $ids = [pscustomobject]@{ AgentId = 'PROJECT-DEMO'; Id = 'conn-sbx-1' }, [pscustomobject]@{ AgentId = 'PROJECT-OTHER'; ConnectorId = 'conn-other-1' } |
                Get-PolyAiConnector
            $ids.ConnectorId | Should -Be @('conn-sbx-1', 'conn-other-1')
            $ids.AgentId | Should -Be @('PROJECT-DEMO', 'PROJECT-OTHER')
        }

        It 'reports a forbidden agent as access denied and goes on with the next input' {
            $found = 'PROJECT-LOCKED', 'PROJECT-DEMO' | ForEach-Object { [pscustomobject]@{ AgentId = $_ } } |
                Get-PolyAiConnector -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike '*AccessDenied,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            @($found).Count | Should -Be (Get-TestConnectorIds).Count
        }

        It 'ends the command on a wrong key (401) with a clear message' {
            Connect-TestEmulator -ApiKey 'wrong-key'
            $thrown = $null
            try { 'PROJECT-DEMO', 'PROJECT-OTHER' | ForEach-Object { [pscustomobject]@{ AgentId = $_ } } | Get-PolyAiConnector }
            catch { $thrown = $_ }
            $thrown | Should -Not -BeNullOrEmpty
            $thrown.FullyQualifiedErrorId | Should -Be 'PolyAiAuthenticationFailed,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            $thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $thrown.Exception.Message | Should -Match 'API key'
            (Get-TestRequest).Count | Should -Be 1 -Because 'a 401 stops the pipeline'
        }

        It 'shows no raw .NET exception or stack trace for a failure' {
            $result = Invoke-TestPwsh -Script 'Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId nope'
            $result.Output | Should -Match "Get connector 'nope' of agent 'PROJECT-DEMO' failed: 404"
            $result.Output | Should -Not -Match 'at PolyAI\.|System\.Net\.Http|Exception:|--- End of'
        }
    }
}
