BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
}

Describe 'Remove-PolyAiConnector' {
    BeforeEach { Initialize-TestCase }

    AfterEach { Reset-TestPreference }

    AfterAll { Disconnect-PolyAi }

    Describe 'Remove-PolyAiConnector: ShouldProcess' {
        It '-WhatIf sends no DELETE and names the connector and the numbers the cascade would release' {
            $text = Get-HostOutput { Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -WhatIf }
            $text | Should -Match "What if: Remove connector 'Sandbox A' \(conn-sbx-1, sandbox\) of agent 'PROJECT-DEMO' and release 2 phone numbers: \+15550100001, \+15550100002"
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
            Get-TestConnectorIds | Should -Contain 'conn-sbx-1'
        }

        It '-WhatIf wins over -Force' {
            Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -Force -WhatIf | Should -BeNullOrEmpty
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It '$WhatIfPreference wins over -Force' {
            $global:WhatIfPreference = $true
            Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -Force | Should -BeNullOrEmpty
            $global:WhatIfPreference = $false
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It '-WhatIf:$false overrides $WhatIfPreference' {
            $global:WhatIfPreference = $true
            $removal = Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -WhatIf:$false -Force
            $global:WhatIfPreference = $false
            $removal.ConnectorId | Should -Be 'conn-sbx-2'
        }

        It '-Confirm:$false removes without a prompt' {
            (Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -Confirm:$false).ConnectorId | Should -Be 'conn-sbx-2'
            (Get-TestRequest -Method DELETE).Count | Should -Be 1
        }

        It '-Force removes without a prompt and without the descriptive reads' {
            (Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -Force).ConnectorId | Should -Be 'conn-sbx-2'
            (Get-TestRequest -Method DELETE).Count | Should -Be 1
            (Get-TestRequest -Method GET).Count | Should -Be 0
        }

        It '$ConfirmPreference = None removes without -Force' {
            $global:ConfirmPreference = 'None'
            (Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2).ConnectorId | Should -Be 'conn-sbx-2'
        }

        It 'asks by default: with no one to answer (-NonInteractive) nothing is deleted' {
            $result = Invoke-TestPwsh -Script 'Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1'
            $result.Output | Should -Match 'NonInteractive'
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'the prompt names the connector and its numbers; answering No deletes nothing' {
            $result = Invoke-TestPwsh -InputText 'N' -Script 'Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1'
            ($result.Output -replace '\s+', ' ') | Should -Match "Remove connector 'Sandbox A' \(conn-sbx-1, sandbox\) of agent 'PROJECT-DEMO' and release 2 phone numbers: \+15550100001, \+15550100002\. This cannot be undone\."
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'answering Yes deletes' {
            $result = Invoke-TestPwsh -InputText 'Y' -Script 'Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 | ForEach-Object { "removed:" + $_.ConnectorId }'
            $result.Output | Should -Match 'removed:conn-sbx-2'
            (Get-TestRequest -Method DELETE).Count | Should -Be 1
        }

        It '-Confirm with -Force still prompts (explicit -Confirm wins)' {
            $result = Invoke-TestPwsh -InputText 'N' -Script 'Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -Force -Confirm'
            $result.Output | Should -Match 'Confirm'
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }
    }

    Describe 'Remove-PolyAiConnector: pipeline and output' {
        It 'removes a connector that arrives twice (piped, or in -ConnectorId) once, without a second error' {
            $connector = Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1
            $removals = @($connector, $connector | Remove-PolyAiConnector -Force -ErrorVariable failures)
            $removals.Count | Should -Be 1
            $failures.Count | Should -Be 0
            @(Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2, conn-sbx-2 -Force).Count | Should -Be 1
            (Get-TestRequest -Method DELETE).Count | Should -Be 2
        }

        It 'removes a filtered set piped from Get-PolyAiConnector and records the released numbers' {
            $removals = Get-PolyAiConnector -AgentId PROJECT-DEMO | Where-Object ClientEnv -EQ sandbox | Remove-PolyAiConnector -Force
            $removals | Should -BeOfType ([PolyAI.Agents.ConnectorRemoval])
            $removals.ConnectorId | Sort-Object | Should -Be @('conn-sbx-1', 'conn-sbx-2', 'conn-sbx-3')
            ($removals | Where-Object ConnectorId -EQ conn-sbx-1).DeletedPhoneNumbers | Should -Be @('+15550100001', '+15550100002')
            ($removals | Where-Object ConnectorId -EQ conn-sbx-2).DeletedPhoneNumbers.Count | Should -Be 0
            ($removals | Where-Object ConnectorId -EQ conn-sbx-1).DeletedPhoneNumbers.GetType() | Should -Be ([string[]])
            $remaining = Get-TestConnectorIds
            $remaining | Should -Not -Contain 'conn-sbx-1'
            $remaining | Should -Contain 'conn-main-live'
            (Get-TestPhoneNumbers).number | Should -Not -Contain '+15550100001'
            (Get-TestRequest -Method DELETE).Count | Should -Be 3
        }

        It 'binds AgentId and ConnectorId (or its alias Id) from plain objects' {
            $removals = [pscustomobject]@{ AgentId = 'PROJECT-DEMO'; Id = 'conn-sbx-2' }, [pscustomobject]@{ AgentId = 'PROJECT-OTHER'; ConnectorId = 'conn-other-1' } |
                Remove-PolyAiConnector -Force
            $removals.ConnectorId | Sort-Object | Should -Be @('conn-other-1', 'conn-sbx-2')
            ($removals | Where-Object ConnectorId -EQ 'conn-other-1').AgentId | Should -Be 'PROJECT-OTHER'
            ($removals | Where-Object ConnectorId -EQ 'conn-sbx-2').AgentId | Should -Be 'PROJECT-DEMO'
        }

        It 'takes a connector object with -InputObject' {
            $connector = Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-3
            (Remove-PolyAiConnector -InputObject $connector -Force).DeletedPhoneNumbers | Should -Be @('+15550100003')
        }

        It 'names every piped connector in the What-if text, in input order, and deletes nothing' {
            $text = Get-HostOutput { Get-PolyAiConnector -AgentId PROJECT-DEMO -Name 'Sandbox*' | Remove-PolyAiConnector -WhatIf }
            $lines = @($text -split "`r?`n" | Where-Object { $_ -like 'What if:*' })
            $lines.Count | Should -Be 3
            $lines[1] | Should -Match 'conn-sbx-2.*release no phone numbers'
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }
    }

    Describe 'Remove-PolyAiConnector: errors' {
        It 'reports an unknown connector as ConnectorNotFound and goes on with the rest' {
            $removals = Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2, missing-1, conn-sbx-3 -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $removals.ConnectorId | Sort-Object | Should -Be @('conn-sbx-2', 'conn-sbx-3')
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorNotFound,PolyAI.Agents.Commands.RemovePolyAiConnectorCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be 'missing-1'
            $failures[0].ErrorDetails.Message | Should -Match "Connector 'missing-1'"
            $failures[0].ErrorDetails.Message | Should -Match 'correlation id'
            $failures[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        }

        It 'reports an unknown connector under -WhatIf (read first) without deleting anything' {
            Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId missing-1 -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorNotFound,PolyAI.Agents.Commands.RemovePolyAiConnectorCommand'
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'reports a forbidden agent as ConnectorAccessDenied (403)' {
            Remove-PolyAiConnector -AgentId PROJECT-LOCKED -ConnectorId any -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorAccessDenied,PolyAI.Agents.Commands.RemovePolyAiConnectorCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        }

        It 'reads the API message from the <Shape> error shape' -ForEach @(
            @{ Shape = 'envelope'; Expect = 'CONNECTORS_NOT_FOUND' }
            @{ Shape = 'nested'; Expect = 'CONNECTORS_NOT_FOUND' }
            @{ Shape = 'validation'; Expect = 'Validation failed' }
        ) {
            Set-PolyAiEmulatorErrorShape -Emulator (Get-TestEmulator) -Shape $Shape
            Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId missing-1 -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorNotFound,PolyAI.Agents.Commands.RemovePolyAiConnectorCommand'
            $failures[0].ErrorDetails.Message | Should -Match $Expect
        }

        It 'stops at a wrong key (401): one DELETE attempted, the rest untouched' {
            Connect-TestEmulator -ApiKey 'wrong-key'
            { Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1, conn-sbx-2 -Force -ThrottleLimit 1 } |
                Should -Throw -ErrorId 'PolyAiAuthenticationFailed,PolyAI.Agents.Commands.RemovePolyAiConnectorCommand'
            (Get-TestRequest -Method DELETE).Count | Should -Be 1
            Get-TestConnectorIds | Should -Contain 'conn-sbx-2'
        }

        It 'refuses empty ids before any request' {
            { Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId '  ' -Force } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.RemovePolyAiConnectorCommand'
            (Get-TestRequest).Count | Should -Be 0
        }

        It 'sends a hostile id as one escaped segment that cannot address another resource' {
            Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId '../../PROJECT-OTHER/telephony/connectors/conn-other-1' -Force -ErrorAction SilentlyContinue -ErrorVariable failures
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorNotFound,PolyAI.Agents.Commands.RemovePolyAiConnectorCommand'
            (Get-TestRequest -Method DELETE)[0].rawTarget | Should -Be '/v1/agents/PROJECT-DEMO/telephony/connectors/..%2F..%2FPROJECT-OTHER%2Ftelephony%2Fconnectors%2Fconn-other-1'
            Get-TestConnectorIds -AgentId PROJECT-OTHER | Should -Contain 'conn-other-1'
        }
    }
}
