BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
}

Describe 'Knowledge base (K1-K5)' {
    BeforeEach {
        Initialize-TestCase
        $null = New-PolyAiBranch -AgentId PROJECT-DEMO -Name 'kb' -Confirm:$false
    }
    AfterEach { Reset-TestPreference }
    AfterAll { Disconnect-PolyAi }

    Describe 'Get-PolyAiKnowledgeTopic' {
        It 'lists the topics of main by default, typed, with the ids a pipeline needs' {
            $topics = Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO
            $topics | Should -BeOfType ([PolyAI.Agents.KnowledgeTopic])
            $topics.Name | Should -Be @('Opening hours', 'Parking', 'Spring promotion')
            $topics[0].AgentId | Should -Be 'PROJECT-DEMO'
            $topics[0].BranchId | Should -Be 'main'
            $topics[0].ExampleQueries | Should -Be @('When are you open?', 'Are you open on Saturday?')
            $topics[2].IsActive | Should -BeFalse
        }

        It 'filters by name with wildcards, and gets topics by id with one GET each' {
            (Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'P*').TopicId | Should -Be 't-parking'
            Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false
            (Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -TopicId t-promo, t-hours).Name | Should -Be @('Spring promotion', 'Opening hours')
            (Get-TestRequest -Method GET).Count | Should -Be 2
        }

        It 'reports an unknown topic as KnowledgeTopicNotFound and goes on' {
            $topics = Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -TopicId t-none, t-hours -ErrorVariable failures -ErrorAction SilentlyContinue
            $topics.TopicId | Should -Be 't-hours'
            $failures[0].FullyQualifiedErrorId | Should -Be 'KnowledgeTopicNotFound,PolyAI.Agents.Commands.GetPolyAiKnowledgeTopicCommand'
            $failures[0].TargetObject | Should -Be 't-none'
        }
    }

    Describe 'New-PolyAiKnowledgeTopic' {
        It 'creates topics from CSV rows by property name; a duplicate name fails its row only' {
            $rows = @'
Name,Content,Actions
Wifi,Free wifi in the waiting room.,
Parking,Duplicate of a seeded topic.,
Payments,"We take cards, not cash.",Offer the payment link.
'@ | ConvertFrom-Csv
            $topics = $rows | New-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $topics.Name | Should -Be @('Wifi', 'Payments')
            $topics | Should -BeOfType ([PolyAI.Agents.KnowledgeTopic])
            $topics[0].TopicId | Should -Match '^t-000[12]$' -Because 'the requests run concurrently: ids follow arrival, output follows input'
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'KnowledgeTopicAlreadyExists,PolyAI.Agents.Commands.NewPolyAiKnowledgeTopicCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
            $failures[0].TargetObject | Should -Be 'Parking'
        }

        It 'takes IsActive from CSV text and ExampleQueries from a piped topic; -Inactive with -IsActive $true is an error' {
            $rows = "Name,Content,IsActive`nWifi,Free wifi.,false`nPayments,Cards only.,yes`nLockers,Free lockers.," | ConvertFrom-Csv
            $topics = $rows | New-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -Confirm:$false
            $topics.IsActive | Should -Be @($false, $true, $true)
            $copy = Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -TopicId t-hours | New-PolyAiKnowledgeTopic -BranchId br-0001 -Name 'Hours (copy)' -Confirm:$false
            $copy.ExampleQueries | Should -Be @('When are you open?', 'Are you open on Saturday?')
            New-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'Both' -Content 'x' -Inactive -IsActive $true -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'KnowledgeTopicActiveConflict,PolyAI.Agents.Commands.NewPolyAiKnowledgeTopicCommand'
        }

        It 'sends the example queries and -Inactive as the schema names them' {
            $null = New-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'Wifi' -Content 'Free.' -ExampleQuery 'Is there wifi?', 'Wifi password?' -Inactive -Confirm:$false
            $sent = (Get-TestRequest -Method POST -PathLike '*topics')[0].body | ConvertFrom-Json
            $sent.exampleQueries.queries | Should -Be @('Is there wifi?', 'Wifi password?')
            $sent.isActive | Should -BeFalse
        }
    }

    Describe 'Set-PolyAiKnowledgeTopic' {
        It '-WhatIf shows each changed field old -> new and the content as a line diff, and changes nothing' {
            $text = Get-HostOutput {
                Set-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-hours -Name 'Hours' -IsActive $false -Content 'We are open Monday to Saturday, 9:00 to 17:00.' -WhatIf
            }
            $text | Should -Match "What if: Update knowledge-base topic 'Opening hours' \(t-hours\) of branch 'br-0001' of agent 'PROJECT-DEMO': name 'Opening hours' -> 'Hours', isActive 'True' -> 'False', content: 1 line changed \(\+1 -1\)"
            $text | Should -Match '(?m)^- We are open Monday to Friday, 9:00 to 17:00\.'
            $text | Should -Match '(?m)^\+ We are open Monday to Saturday, 9:00 to 17:00\.'
            (Get-TestRequest -Method PATCH).Count | Should -Be 0
        }

        It 'sends only the fields given, and -PassThru writes the topic as the API now has it' {
            $topic = Set-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-parking -IsActive $false -PassThru -Confirm:$false
            ((Get-TestRequest -Method PATCH)[0].body) | Should -Be '{"isActive":false}'
            $topic.IsActive | Should -BeFalse
            $topic.Content | Should -Be 'Free parking behind the building.'
            (Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -TopicId t-parking).IsActive | Should -BeTrue
        }

        It 'changes topics piped from Get-PolyAiKnowledgeTopic' {
            Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 | Where-Object IsActive | Set-PolyAiKnowledgeTopic -Actions 'Offer a callback.' -Confirm:$false
            (Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 | Where-Object Actions -EQ 'Offer a callback.').TopicId | Should -Be @('t-hours', 't-parking')
        }

        It 'ends at once when nothing would change' {
            { Set-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-hours -Confirm:$false } | Should -Throw -ErrorId 'KnowledgeTopicUpdateEmpty,PolyAI.Agents.Commands.SetPolyAiKnowledgeTopicCommand'
        }

        It 'reports an unknown topic as KnowledgeTopicNotFound (read first under -WhatIf, or from the update)' {
            Set-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-none -Content 'x' -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'KnowledgeTopicNotFound,PolyAI.Agents.Commands.SetPolyAiKnowledgeTopicCommand'
        }
    }

    Describe 'Remove-PolyAiKnowledgeTopic' {
        It '-WhatIf names the topic (read first) and removes nothing' {
            $text = Get-HostOutput { Remove-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-promo -WhatIf }
            $text | Should -Match "What if: Remove knowledge-base topic 'Spring promotion' \(t-promo\) from branch 'br-0001' of agent 'PROJECT-DEMO'\."
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'removes topics piped from Get-PolyAiKnowledgeTopic, from that branch only, and writes nothing' {
            $output = Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 | Where-Object { -not $_.IsActive } | Remove-PolyAiKnowledgeTopic -Confirm:$false
            $output | Should -BeNullOrEmpty
            (Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001).TopicId | Should -Be @('t-hours', 't-parking')
            (Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO).TopicId | Should -Contain 't-promo'
        }

        It 'reports an unknown topic as KnowledgeTopicNotFound' {
            Remove-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-none -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'KnowledgeTopicNotFound,PolyAI.Agents.Commands.RemovePolyAiKnowledgeTopicCommand'
        }
    }
}
