BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    function Get-TestConnector {
        param([string] $ConnectorId, [string] $AgentId = 'PROJECT-DEMO')
        $state = Get-PolyAiEmulatorState -Emulator (Get-TestEmulator)
        ($state.agents | Where-Object agentId -EQ $AgentId).connectors | Where-Object connectorId -EQ $ConnectorId
    }

    function Clear-TestRequest { Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false }
}

Describe 'Set-PolyAiConnector' {
    BeforeEach { Initialize-TestCase }

    AfterEach { Reset-TestPreference }

    AfterAll { Disconnect-PolyAi }

    Describe 'Set-PolyAiConnector: one connector (C6, PATCH .../connectors/{id})' {
        It 'sends only the field given, in one PATCH of that connector, and -PassThru returns the updated connector' {
            $connector = Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -VoiceName en-GB-Neural2-C -PassThru
            $connector | Should -BeOfType ([PolyAI.Agents.Connector])
            $connector.VoiceName | Should -Be 'en-GB-Neural2-C'
            $connector.TtsLangCode | Should -Be 'en-GB'
            $connector.AsrLangCode | Should -Be 'en-US' -Because 'fields not given are untouched'
            $patches = Get-TestRequest -Method PATCH
            $patches.Count | Should -Be 1
            $patches[0].rawTarget | Should -Be '/v1/agents/PROJECT-DEMO/telephony/connectors/conn-sbx-2'
            $patches[0].body | Should -Be '{"voiceName":"en-GB-Neural2-C"}'
            (Get-TestRequest -Method GET).Count | Should -Be 0 -Because 'no message is shown, so nothing is read first'
        }

        It 'writes nothing without -PassThru' {
            Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -AsrLangCode en-GB | Should -BeNullOrEmpty
            (Get-TestConnector conn-sbx-2).asrLangCode | Should -Be 'en-GB'
        }

        It '-ClearVariant sends "variantId": null and unassigns the variant' {
            $connector = Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-main-live -ClearVariant -PassThru
            $connector.VariantId | Should -Be ''
            (Get-TestRequest -Method PATCH)[0].body | Should -Be '{"variantId":null}'
            (Get-TestConnector conn-main-live).variantId | Should -Be ''
        }

        It '-VariantId assigns a variant' {
            (Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -VariantId variant-nyc -PassThru).VariantId | Should -Be 'variant-nyc'
            (Get-TestRequest -Method PATCH)[0].body | Should -Be '{"variantId":"variant-nyc"}'
        }

        It 'sends several fields of one connector together' {
            Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -ClearVariant -AsrLangCode en-US -VoiceName en-US-Neural2-A
            (Get-TestRequest -Method PATCH)[0].body | Should -Be '{"variantId":null,"asrLangCode":"en-US","voiceName":"en-US-Neural2-A"}'
            $state = Get-TestConnector conn-sbx-1
            $state.variantId, $state.asrLangCode, $state.voiceName | Should -Be @('', 'en-US', 'en-US-Neural2-A')
        }

        It '-ProjectId moves the connector; the output names the new agent and can be piped on' {
            $moved = Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -ProjectId PROJECT-OTHER -PassThru
            $moved.AgentId | Should -Be 'PROJECT-OTHER'
            $moved.ProjectId | Should -Be 'PROJECT-OTHER'
            Get-TestConnectorIds -AgentId PROJECT-OTHER | Should -Contain 'conn-sbx-2'
            Get-TestConnectorIds | Should -Not -Contain 'conn-sbx-2'
            ($moved | Get-PolyAiConnector).ConnectorId | Should -Be 'conn-sbx-2'
        }

        It 'takes a connector object with -InputObject' {
            $connector = Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-3
            (Set-PolyAiConnector -InputObject $connector -ClearVariant -PassThru).VariantId | Should -Be ''
        }

        It 'reports an unknown connector as ConnectorNotFound' {
            Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId missing-1 -VoiceName en-GB-Neural2-A -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorNotFound,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
            $failures[0].TargetObject | Should -Be 'missing-1'
        }

        It 'reports a value the API refuses as ConnectorInvalidArgument with its message' {
            Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -VoiceName nonsense -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorInvalidArgument,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
            $failures[0].ErrorDetails.Message | Should -Match 'CONNECTORS_VALIDATION_FAILED'
            (Get-TestConnector conn-sbx-1).voiceName | Should -Be 'en-GB-Wavenet-B'
        }
    }

    Describe 'Set-PolyAiConnector: input checks' {
        It 'refuses a call that sets nothing, before any request' {
            { Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 } |
                Should -Throw -ErrorId 'ConnectorUpdateEmpty,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
            { Get-PolyAiConnector -AgentId PROJECT-DEMO | Set-PolyAiConnector -PassThru } |
                Should -Throw -ErrorId 'ConnectorUpdateEmpty,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
        }

        It 'refuses -VariantId together with -ClearVariant' {
            { Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -VariantId v -ClearVariant } |
                Should -Throw -ErrorId 'AmbiguousParameterSet,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
            (Get-TestRequest).Count | Should -Be 0
        }

        It 'refuses empty ids and values before any request' {
            { Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId ' ' -VoiceName en-GB-Neural2-A } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
            { Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -VariantId '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
            { Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -ProjectId '..' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
            (Get-TestRequest).Count | Should -Be 0
        }
    }

    Describe 'Set-PolyAiConnector: ShouldProcess' {
        It 'is ConfirmImpact Medium: no prompt by default' {
            $attribute = (Get-Command Set-PolyAiConnector).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $attribute.ConfirmImpact | Should -Be 'Medium'
            $result = Invoke-TestPwsh -Script 'Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -VoiceName en-GB-Neural2-C; "done"'
            $result.Output | Should -Match 'done'
            $result.Output | Should -Not -Match 'NonInteractive'
            (Get-TestRequest -Method PATCH).Count | Should -Be 1
        }

        It '-WhatIf shows old -> new values (read first) and sends no PATCH' {
            $text = Get-HostOutput { Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-main-live -ClearVariant -VoiceName en-GB-Neural2-C -WhatIf }
            $text | Should -Match "What if: Update connector 'Main line' \(conn-main-live, live\) of agent 'PROJECT-DEMO': variantId 'variant-london' -> \(none\), voiceName 'en-GB-Neural2-A' -> 'en-GB-Neural2-C'\."
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
            (Get-TestRequest -Method GET -PathLike '*/connectors/conn-main-live').Count | Should -Be 1
            (Get-TestConnector conn-main-live).variantId | Should -Be 'variant-london'
        }

        It '-WhatIf of a move says that the connector leaves the agent' {
            $text = Get-HostOutput { Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -ProjectId PROJECT-OTHER -WhatIf }
            $text | Should -Match "What if: Move connector 'Sandbox A' \(conn-sbx-1, sandbox\) of agent 'PROJECT-DEMO' to project 'PROJECT-OTHER' \(it leaves agent 'PROJECT-DEMO'\): projectId 'PROJECT-DEMO' -> 'PROJECT-OTHER'\."
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
        }

        It '-WhatIf with piped connectors names each, in input order, with the values read just before' {
            $text = Get-HostOutput { Get-PolyAiConnector -AgentId PROJECT-DEMO -Name 'Sandbox*' | Set-PolyAiConnector -VariantId variant-nyc -WhatIf }
            $lines = @($text -split "`r?`n" | Where-Object { $_ -like 'What if:*' })
            $lines.Count | Should -Be 3
            $lines[0] | Should -Match "conn-sbx-1.*variantId 'variant-london' -> 'variant-nyc'"
            $lines[1] | Should -Match "conn-sbx-2.*variantId \(none\) -> 'variant-nyc'"
            $lines[2] | Should -Match 'conn-sbx-3'
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
        }

        It '-WhatIf with -InputObject uses the object''s values: no request at all' {
            $connector = Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1
            Clear-TestRequest
            $text = Get-HostOutput { Set-PolyAiConnector -InputObject $connector -AsrLangCode en-AU -WhatIf }
            $text | Should -Match "What if: Update connector 'Sandbox A' \(conn-sbx-1, sandbox\) of agent 'PROJECT-DEMO': asrLangCode 'en-GB' -> 'en-AU'\."
            (Get-TestRequest).Count | Should -Be 0
        }

        It '$WhatIfPreference sends no PATCH' {
            $global:WhatIfPreference = $true
            Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1, conn-sbx-2 -AsrLangCode en-AU -PassThru | Should -BeNullOrEmpty
            $global:WhatIfPreference = $false
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
        }

        It 'reports an unknown connector under -WhatIf (read first) and changes nothing' {
            Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId missing-1 -VoiceName en-GB-Neural2-A -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorNotFound,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
        }

        It '$ConfirmPreference = Medium prompts; with no one to answer (-NonInteractive) nothing changes' {
            $result = Invoke-TestPwsh -Script "`$ConfirmPreference = 'Medium'; Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -VoiceName en-GB-Neural2-C"
            $result.Output | Should -Match 'NonInteractive'
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
        }

        It 'the prompt shows old -> new; answering No changes nothing' {
            $result = Invoke-TestPwsh -InputText 'N' -Script 'Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -VoiceName en-GB-Neural2-C -Confirm'
            ($result.Output -replace '\s+', ' ') | Should -Match "voiceName 'en-US-Neural2-A' -> 'en-GB-Neural2-C'\. Continue\?"
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
        }

        It 'answering Yes changes it' {
            $result = Invoke-TestPwsh -InputText 'Y' -Script 'Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -VoiceName en-GB-Neural2-C -Confirm -PassThru | ForEach-Object { "voice:" + $_.VoiceName }'
            $result.Output | Should -Match 'voice:en-GB-Neural2-C'
            (Get-TestRequest -Method PATCH).Count | Should -Be 1
        }

        It '-Confirm:$false changes without a prompt' {
            $global:ConfirmPreference = 'Low'
            (Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2 -VoiceName en-GB-Neural2-C -Confirm:$false -PassThru).VoiceName | Should -Be 'en-GB-Neural2-C'
        }
    }

    Describe 'Set-PolyAiConnector: several connectors (C3, PATCH .../connectors/batch)' {
        It 'Get-PolyAiConnector | Set-PolyAiConnector -VoiceName sends one batch and outputs each connector in input order' {
            $ids = (Get-PolyAiConnector -AgentId PROJECT-DEMO).ConnectorId
            Clear-TestRequest
            $updated = Get-PolyAiConnector -AgentId PROJECT-DEMO | Set-PolyAiConnector -VoiceName en-GB-Neural2-B -PassThru
            $updated.ConnectorId | Should -Be $ids
            $updated.VoiceName | Sort-Object -Unique | Should -Be 'en-GB-Neural2-B'
            $patches = Get-TestRequest -Method PATCH
            $patches.Count | Should -Be 1
            $patches[0].rawTarget | Should -Be '/v1/agents/PROJECT-DEMO/telephony/connectors/batch'
            $body = $patches[0].body | ConvertFrom-Json
            $body.updates.connectorId | Should -Be $ids
            foreach ($item in $body.updates) { @($item.PSObject.Properties.Name) | Should -Be @('connectorId', 'voiceName') }
        }

        It 'an array of ids goes through the batch too, with -ClearVariant as an explicit null per item' {
            Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1, conn-sbx-3 -ClearVariant
            (Get-TestRequest -Method PATCH)[0].body | Should -Be '{"updates":[{"connectorId":"conn-sbx-1","variantId":null},{"connectorId":"conn-sbx-3","variantId":null}]}'
            (Get-TestConnector conn-sbx-3).variantId | Should -Be ''
        }

        It 'Get-PolyAiConnector | Set-PolyAiConnector -ClearVariant unassigns the variant of each piped connector' {
            $updated = Get-PolyAiConnector -AgentId PROJECT-DEMO -Name 'Sandbox*' | Set-PolyAiConnector -ClearVariant -PassThru
            $updated.ConnectorId | Should -Be @('conn-sbx-1', 'conn-sbx-2', 'conn-sbx-3')
            $updated.VariantId | Sort-Object -Unique | Should -Be ''
            ((Get-TestRequest -Method PATCH)[0].body | ConvertFrom-Json).updates.variantId | Should -Be @($null, $null, $null)
        }

        It 'a partial failure: each failed connector is its own error, each success is output' {
            $updated = Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1, missing-1, conn-sbx-2, missing-2 -AsrLangCode en-AU -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue
            $updated.ConnectorId | Should -Be @('conn-sbx-1', 'conn-sbx-2')
            $updated.AsrLangCode | Should -Be @('en-AU', 'en-AU')
            $failures.Count | Should -Be 2
            $failures.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'ConnectorNotFound,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
            $failures.TargetObject | Should -Be @('missing-1', 'missing-2')
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].ErrorDetails.Message | Should -Match "Connector 'missing-1' was not found"
            (Get-TestRequest -Method PATCH).Count | Should -Be 1
        }

        It 'under -ErrorAction Stop every connector updated is written before the first failure stops the command' {
            $written = [System.Collections.Generic.List[object]]::new()
            $caught = $null
            try { Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId missing-1, conn-sbx-1, conn-sbx-2 -AsrLangCode en-AU -PassThru -ErrorAction Stop | ForEach-Object { $written.Add($_) } }
            catch { $caught = $_ }
            $written.ConnectorId | Should -Be @('conn-sbx-1', 'conn-sbx-2')
            $caught.FullyQualifiedErrorId | Should -Be 'ConnectorNotFound,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
        }

        It 'a value the API refuses fails each item as ConnectorInvalidArgument' {
            Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1, conn-sbx-2 -AsrLangCode bad -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures.FullyQualifiedErrorId | Should -Be @('ConnectorInvalidArgument,PolyAI.Agents.Commands.SetPolyAiConnectorCommand', 'ConnectorInvalidArgument,PolyAI.Agents.Commands.SetPolyAiConnectorCommand')
            $failures[0].ErrorDetails.Message | Should -Match "'asrLangCode' must be a language code"
        }

        It 'a move into a project the key cannot reach fails each item as ConnectorAccessDenied' {
            Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1, conn-sbx-2 -ProjectId PROJECT-LOCKED -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.FullyQualifiedErrorId | Should -Be @('ConnectorAccessDenied,PolyAI.Agents.Commands.SetPolyAiConnectorCommand', 'ConnectorAccessDenied,PolyAI.Agents.Commands.SetPolyAiConnectorCommand')
            Get-TestConnectorIds | Should -Contain 'conn-sbx-1'
        }

        It 'a batch refused as a whole (403) is one error per connector' {
            Set-PolyAiConnector -AgentId PROJECT-LOCKED -ConnectorId a, b, c -VoiceName en-GB-Neural2-A -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 3
            $failures.TargetObject | Should -Be @('a', 'b', 'c')
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorAccessDenied,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
        }

        It 'connectors of several agents: the batch per agent, the single update for an agent with one connector' {
            $updated = [pscustomobject]@{ AgentId = 'PROJECT-DEMO'; Id = 'conn-sbx-1' },
                [pscustomobject]@{ AgentId = 'PROJECT-OTHER'; ConnectorId = 'conn-other-1' },
                [pscustomobject]@{ AgentId = 'PROJECT-DEMO'; ConnectorId = 'conn-sbx-2' } |
                Set-PolyAiConnector -AsrLangCode en-AU -PassThru
            # Requests run concurrently (-ThrottleLimit), so results come as they finish, not in input order.
            $updated.ConnectorId | Sort-Object | Should -Be @('conn-other-1', 'conn-sbx-1', 'conn-sbx-2')
            $patches = Get-TestRequest -Method PATCH
            $patches.rawTarget | Sort-Object | Should -Be @('/v1/agents/PROJECT-DEMO/telephony/connectors/batch', '/v1/agents/PROJECT-OTHER/telephony/connectors/conn-other-1')
        }

        It 'sends more than 100 connectors in batches of 100' {
            New-PolyAiEmulatorData -Emulator (Get-TestEmulator) -AgentId PROJECT-BULK -Connectors 230 -NumbersPerConnector 0 -Confirm:$false | Out-Null
            $updated = Get-PolyAiConnector -AgentId PROJECT-BULK | Set-PolyAiConnector -AsrLangCode en-AU -PassThru
            @($updated).Count | Should -Be 230
            $patches = Get-TestRequest -Method PATCH -PathLike '*/connectors/batch'
            $patches.Count | Should -Be 3
            ($patches | ForEach-Object { @(($_.body | ConvertFrom-Json).updates).Count }) | Sort-Object | Should -Be @(30, 100, 100)
        }

        It 'declining one connector at the prompt leaves it out of the batch' {
            $result = Invoke-TestPwsh -InputText "Y`nN`nY" -Script 'Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1, conn-sbx-2, conn-sbx-3 -AsrLangCode en-AU -Confirm -PassThru | ForEach-Object { "updated:" + $_.ConnectorId }'
            ($result.Output -split "`n" | Where-Object { $_ -like 'updated:*' }) | Should -Be @('updated:conn-sbx-1', 'updated:conn-sbx-3') -Because $result.Output
            ((Get-TestRequest -Method PATCH)[0].body | ConvertFrom-Json).updates.connectorId | Should -Be @('conn-sbx-1', 'conn-sbx-3')
            (Get-TestConnector conn-sbx-2).asrLangCode | Should -Be 'en-US'
        }

        It 'stops at a wrong key (401)' {
            Connect-TestEmulator -ApiKey 'wrong-key'
            { Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1, conn-sbx-2 -AsrLangCode en-AU } |
                Should -Throw -ErrorId 'PolyAiAuthenticationFailed,PolyAI.Agents.Commands.SetPolyAiConnectorCommand'
            (Get-TestRequest).Count | Should -Be 1
        }
    }
}
