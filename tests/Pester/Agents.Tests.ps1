BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
}

Describe 'Agents (A1-A4)' {
    BeforeEach { Initialize-TestCase }
    AfterEach { Reset-TestPreference }
    AfterAll { Disconnect-PolyAi }

    Describe 'Get-PolyAiAgent -AgentId' {
        It 'gets agents by id in input order, with one list request' {
            $agents = Get-PolyAiAgent -AgentId PROJECT-OTHER, PROJECT-DEMO
            $agents | Should -BeOfType ([PolyAI.Agents.Agent])
            $agents.AgentId | Should -Be @('PROJECT-OTHER', 'PROJECT-DEMO')
            (Get-TestRequest -Method GET).Count | Should -Be 1
        }

        It 'reports an id the key cannot see as AgentNotFound and goes on' {
            $agents = Get-PolyAiAgent -AgentId PROJECT-NONE, PROJECT-DEMO -ErrorVariable failures -ErrorAction SilentlyContinue
            $agents.AgentId | Should -Be 'PROJECT-DEMO'
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'AgentNotFound,PolyAI.Agents.Commands.GetPolyAiAgentCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be 'PROJECT-NONE'
        }

        It 'takes AgentId from the pipeline by property name (a connector names its agent)' {
            $agent = Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 | Get-PolyAiAgent
            $agent.AgentId | Should -Be 'PROJECT-DEMO'
            $agent.BranchCount | Should -Be 1
        }
    }

    Describe 'New-PolyAiAgent' {
        It 'creates an agent with the settings the schema requires and writes it' {
            $agent = New-PolyAiAgent -Name 'Clinic' -Greeting 'Hello, Clinic here.' -VoiceId 'voice-1' -LanguageCode en-US -Confirm:$false
            $agent | Should -BeOfType ([PolyAI.Agents.Agent])
            $agent.AgentName | Should -Be 'Clinic'
            $agent.AgentId | Should -Be 'PROJECT-NEW0001'
            $sent = (Get-TestRequest -Method POST -PathLike '/v1/agents')[0].body | ConvertFrom-Json
            $sent.responseSettings.greeting | Should -Be 'Hello, Clinic here.'
            $sent.responseSettings.languageCode | Should -Be 'en-US'
            $sent.voiceSettings.voiceId | Should -Be 'voice-1'
            (Get-PolyAiBehavior -AgentId PROJECT-NEW0001).Text | Should -Be 'Greet callers with: Hello, Clinic here.'
        }

        It 'creates one agent per CSV row, by property name' {
            $rows = @'
Name,Greeting,VoiceId,AgentId
North,Hello North,voice-n,CLINIC-NORTH
South,Hello South,voice-s,CLINIC-SOUTH
'@ | ConvertFrom-Csv
            $agents = $rows | New-PolyAiAgent -Confirm:$false
            $agents.AgentId | Should -Be @('CLINIC-NORTH', 'CLINIC-SOUTH')
            (Get-PolyAiAgent -Name 'North').AgentId | Should -Be 'CLINIC-NORTH'
        }

        It 'refuses an agent id the schema refuses before anything is sent' {
            { New-PolyAiAgent -Name 'x' -Greeting 'g' -VoiceId 'v' -AgentId 'has space' -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
            (Get-TestRequest -Method POST).Count | Should -Be 0
        }

        It 'reports an agent id that exists as AgentAlreadyExists' {
            New-PolyAiAgent -Name 'x' -Greeting 'g' -VoiceId 'v' -AgentId PROJECT-DEMO -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'AgentAlreadyExists,PolyAI.Agents.Commands.NewPolyAiAgentCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        }

        It '-WhatIf names the agent and its settings' {
            $text = Get-HostOutput { New-PolyAiAgent -Name 'Clinic' -Greeting 'Hello' -VoiceId 'voice-1' -WhatIf }
            $text | Should -Match "What if: Create agent 'Clinic': greeting 'Hello', voice 'voice-1'\."
        }
    }

    Describe 'Copy-PolyAiAgent' {
        It 'copies the content of an agent piped from Get-PolyAiAgent into a new agent' {
            $copy = Get-PolyAiAgent -AgentId PROJECT-DEMO | Copy-PolyAiAgent -NewName 'Demo copy' -NewAgentId DEMO-COPY -Confirm:$false
            $copy | Should -BeOfType ([PolyAI.Agents.Agent])
            ($copy.AgentId, $copy.AgentName) | Should -Be @('DEMO-COPY', 'Demo copy')
            (Get-PolyAiBehavior -AgentId DEMO-COPY).Text | Should -Be (Get-PolyAiBehavior -AgentId PROJECT-DEMO).Text
            (Get-PolyAiKnowledgeTopic -AgentId DEMO-COPY).Name | Should -Be @('Opening hours', 'Parking', 'Spring promotion')
            @(Get-PolyAiConnector -AgentId DEMO-COPY).Count | Should -Be 0
        }

        It '-WhatIf names the agent being copied (read first) and creates nothing' {
            $text = Get-HostOutput { Copy-PolyAiAgent -AgentId PROJECT-DEMO -NewName 'Demo copy' -WhatIf }
            $text | Should -Match "What if: Copy agent 'Demo agent' \(PROJECT-DEMO\) to a new agent 'Demo copy'\."
            (Get-TestRequest -Method POST).Count | Should -Be 0
        }

        It 'reports an unknown agent as AgentNotFound' {
            Copy-PolyAiAgent -AgentId PROJECT-NONE -NewName 'x' -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'AgentNotFound,PolyAI.Agents.Commands.CopyPolyAiAgentCommand'
        }
    }

    Describe 'Remove-PolyAiAgent' {
        It '-WhatIf names the agent and what goes with it: branches, connectors, phone numbers' {
            $text = Get-HostOutput { Remove-PolyAiAgent -AgentId PROJECT-OTHER -WhatIf }
            $text | Should -Match "What if: Remove agent 'Other agent' \(PROJECT-OTHER\) and everything in it: 1 branch, 2 connectors \(Other main line, Other sandbox\) and 2 phone numbers \(\+15550200001, \+15550200002\)\."
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'deletes the agent with its connectors and numbers, and writes nothing' {
            $output = Get-PolyAiAgent -AgentId PROJECT-OTHER | Remove-PolyAiAgent -Force
            $output | Should -BeNullOrEmpty
            (Get-PolyAiAgent).AgentId | Should -Not -Contain 'PROJECT-OTHER'
            Get-TestConnectorIds -AgentId PROJECT-OTHER | Should -BeNullOrEmpty
            (Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber +15550200001 -Confirm:$false).Number | Should -Be '+15550200001'
        }

        It 'removes an agent given twice once' {
            Remove-PolyAiAgent -AgentId PROJECT-OTHER, PROJECT-OTHER -Force -ErrorVariable failures
            $failures.Count | Should -Be 0
            (Get-TestRequest -Method DELETE).Count | Should -Be 1
        }

        It 'reports an unknown agent as AgentNotFound (read first when the message is shown)' {
            Remove-PolyAiAgent -AgentId PROJECT-NONE -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'AgentNotFound,PolyAI.Agents.Commands.RemovePolyAiAgentCommand'
            Remove-PolyAiAgent -AgentId PROJECT-NONE -Force -ErrorVariable unsent -ErrorAction SilentlyContinue
            $unsent[0].FullyQualifiedErrorId | Should -Be 'AgentNotFound,PolyAI.Agents.Commands.RemovePolyAiAgentCommand'
        }
    }
}
