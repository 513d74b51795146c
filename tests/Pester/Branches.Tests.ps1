BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    function New-TestBranch([string] $Name = 'wip') { New-PolyAiBranch -AgentId PROJECT-DEMO -Name $Name -Confirm:$false }
}

Describe 'Branches (B1-B4) and Compare-PolyAiBranch' {
    BeforeEach { Initialize-TestCase }
    AfterEach { Reset-TestPreference }
    AfterAll { Disconnect-PolyAi }

    Describe 'Get-PolyAiBranch and New-PolyAiBranch' {
        It 'creates a branch (sending branchName) and lists it after main' {
            $branch = New-TestBranch 'fix-hours'
            $branch | Should -BeOfType ([PolyAI.Agents.Branch])
            ($branch.AgentId, $branch.BranchId, $branch.Name) | Should -Be @('PROJECT-DEMO', 'br-0001', 'fix-hours')
            ((Get-TestRequest -Method POST)[0].body | ConvertFrom-Json).branchName | Should -Be 'fix-hours'
            (Get-PolyAiBranch -AgentId PROJECT-DEMO).BranchId | Should -Be @('main', 'br-0001')
            (Get-PolyAiBranch -AgentId PROJECT-DEMO -Name 'fix*').BranchId | Should -Be 'br-0001'
        }

        It 'keeps the fields it does not know in AdditionalProperties' {
            (Get-PolyAiBranch -AgentId PROJECT-DEMO -BranchId main).AdditionalProperties['createdBy'] | Should -Be 'emulator'
        }

        It 'reports a branch id the agent does not have as BranchNotFound and goes on' {
            $branches = Get-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-9999, main -ErrorVariable failures -ErrorAction SilentlyContinue
            $branches.BranchId | Should -Be 'main'
            $failures[0].FullyQualifiedErrorId | Should -Be 'BranchNotFound,PolyAI.Agents.Commands.GetPolyAiBranchCommand'
            $failures[0].TargetObject | Should -Be 'br-9999'
        }

        It 'pipes a branch into the branch-scoped reads by AgentId and BranchId' {
            $branch = New-TestBranch
            ($branch | Get-PolyAiBehavior).BranchId | Should -Be 'br-0001'
            ($branch | Get-PolyAiKnowledgeTopic).BranchId | Select-Object -Unique | Should -Be 'br-0001'
        }

        It 'reports a duplicate branch name as BranchAlreadyExists' {
            $null = New-TestBranch 'same'
            New-PolyAiBranch -AgentId PROJECT-DEMO -Name 'same' -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'BranchAlreadyExists,PolyAI.Agents.Commands.NewPolyAiBranchCommand'
        }
    }

    Describe 'Remove-PolyAiBranch' {
        It 'refuses main before anything is sent' {
            Remove-PolyAiBranch -AgentId PROJECT-DEMO -BranchId main -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'BranchMainNotRemovable,PolyAI.Agents.Commands.RemovePolyAiBranchCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It '-WhatIf names the branch (read first) and deletes nothing' {
            $null = New-TestBranch 'fix-hours'
            $text = Get-HostOutput { Remove-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 -WhatIf }
            $text | Should -Match "What if: Remove branch 'fix-hours' \(br-0001\) of agent 'PROJECT-DEMO' and every change on it that was not merged\."
            (Get-TestRequest -Method DELETE).Count | Should -Be 0
        }

        It 'removes branches piped from Get-PolyAiBranch' {
            $null = New-TestBranch 'a'; $null = New-TestBranch 'b'
            Get-PolyAiBranch -AgentId PROJECT-DEMO | Where-Object BranchId -NE main | Remove-PolyAiBranch -Force
            (Get-PolyAiBranch -AgentId PROJECT-DEMO).BranchId | Should -Be 'main'
        }

        It 'reports an unknown branch as BranchNotFound' {
            Remove-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-9999 -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'BranchNotFound,PolyAI.Agents.Commands.RemovePolyAiBranchCommand'
        }
    }

    Describe 'Compare-PolyAiBranch' {
        It 'writes nothing for a branch that changed nothing' {
            $null = New-TestBranch
            Compare-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 | Should -BeNullOrEmpty
        }

        It 'writes one BranchChange per difference: the rules, a changed, an added and a removed topic' {
            $null = New-TestBranch
            Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001 -Text ((Get-PolyAiBehavior -AgentId PROJECT-DEMO).Text + "`nAlways confirm the caller's name.") -Confirm:$false
            Set-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-hours -Content 'We are open Monday to Saturday, 9:00 to 17:00.' -Confirm:$false
            $null = New-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'Wifi' -Content 'Free wifi.' -Confirm:$false
            Remove-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-promo -Confirm:$false

            $changes = Compare-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001
            $changes | Should -BeOfType ([PolyAI.Agents.BranchChange])
            $changes | ForEach-Object { "$($_.Area)/$($_.Change)/$($_.Name)" } | Should -Be @('Behavior/Changed/behavior', 'KnowledgeTopic/Changed/Opening hours', 'KnowledgeTopic/Added/Wifi', 'KnowledgeTopic/Removed/Spring promotion')
            $changes[0].Summary | Should -Be 'behavior: 1 line changed (+1 -0)'
            $changes[1].Fields | Should -Be 'content'
            $changes[1].Before.content | Should -Be 'We are open Monday to Friday, 9:00 to 17:00.'
            $changes[1].After.content | Should -Be 'We are open Monday to Saturday, 9:00 to 17:00.'
        }

        It 'is a plan that ConvertTo-Json writes whole' {
            $null = New-TestBranch
            Set-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-parking -IsActive $false -Confirm:$false
            $plan = Compare-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 | ConvertTo-Json -Depth 5 | ConvertFrom-Json
            $plan.Change | Should -Be 'Changed'
            $plan.Name | Should -Be 'Parking'
            $plan.Before.isActive | Should -BeTrue
            $plan.After.isActive | Should -BeFalse
            $plan.After.exampleQueries | Should -Be 'Where can I park?'
        }

        It 'compares with another reference branch than main' {
            $null = New-TestBranch 'a'; $null = New-TestBranch 'b'
            Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0002 -Text 'Be brief.' -Confirm:$false
            (Compare-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 -ReferenceBranchId br-0002).ReferenceBranchId | Should -Be 'br-0002'
        }
    }

    Describe 'Merge-PolyAiBranch' {
        It '-WhatIf prints what the branch changes against main, and merges nothing' {
            $null = New-TestBranch
            Set-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-hours -Content 'Open every day.' -Confirm:$false
            $null = New-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'Wifi' -Content 'Free wifi.' -Confirm:$false
            $text = Get-HostOutput { Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 -WhatIf }
            $text | Should -Match "What if: Merge branch 'br-0001' of agent 'PROJECT-DEMO' into main: topics: changed 'Opening hours', added 'Wifi'\."
            (Get-TestRequest -Method POST -PathLike '*merge*').Count | Should -Be 0
        }

        It 'merges the branch into main and writes the merge record' {
            $null = New-TestBranch
            Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001 -Text 'Be brief.' -Confirm:$false
            $merge = Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 -Message 'Shorter rules' -Force
            $merge | Should -BeOfType ([PolyAI.Agents.BranchMerge])
            $merge.Sequence | Should -Match '^seq-'
            ((Get-TestRequest -Method POST -PathLike '*merge*')[0].body | ConvertFrom-Json).deploymentMessage | Should -Be 'Shorter rules'
            (Get-PolyAiBehavior -AgentId PROJECT-DEMO).Text | Should -Be 'Be brief.'
            Compare-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 | Should -BeNullOrEmpty
        }

        It 'reports a conflict (main changed the same item since the branch was made) as BranchMergeConflict listing the paths' {
            $null = New-TestBranch 'a'; $null = New-TestBranch 'b'
            Set-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-hours -Content 'Open on Saturdays.' -Confirm:$false
            Set-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0002 -TopicId t-hours -Content 'Closed on Fridays.' -Confirm:$false
            $null = Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 -Force

            Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0002 -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'BranchMergeConflict,PolyAI.Agents.Commands.MergePolyAiBranchCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'WriteError'
            $failures[0].ErrorDetails.Message | Should -Match 'conflicts on knowledgeBase/topics/t-hours/content'
            $failures[0].ErrorDetails.RecommendedAction | Should -Match "-Resolution @\{ Path = 'knowledgeBase/topics/t-hours/content'; Strategy = 'ours'"
            $failures[0].Exception.ApiError.Conflicts | Should -Be 'knowledgeBase/topics/t-hours/content'
            (Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -TopicId t-hours).Content | Should -Be 'Open on Saturdays.'
        }

        It 'resolves a conflict with -Resolution (ours keeps the branch''s version), sending conflictResolutions' {
            $null = New-TestBranch 'a'; $null = New-TestBranch 'b'
            Set-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-hours -Content 'Open on Saturdays.' -Confirm:$false
            Set-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0002 -TopicId t-hours -Content 'Closed on Fridays.' -Confirm:$false
            $null = Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 -Force

            $merge = Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0002 -Resolution @{ Path = 'knowledgeBase/topics/t-hours/content'; Strategy = 'ours' } -Force
            $merge.BranchId | Should -Be 'br-0002'
            $sent = (Get-TestRequest -Method POST -PathLike '*br-0002/merge')[-1].body | ConvertFrom-Json
            $sent.conflictResolutions[0].path | Should -Be @('knowledgeBase', 'topics', 't-hours', 'content')
            $sent.conflictResolutions[0].strategy | Should -Be 'ours'
            (Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -TopicId t-hours).Content | Should -Be 'Closed on Fridays.'
        }

        It 'refuses to merge main before anything is read or sent (BranchMainNotMergeable)' {
            Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false
            Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId main -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'BranchMainNotMergeable,PolyAI.Agents.Commands.MergePolyAiBranchCommand'
            (Get-TestRequest).Count | Should -Be 0
        }

        It 'refuses a resolution with an unknown strategy before anything is sent' {
            $null = New-TestBranch
            Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 -Resolution @{ Path = 'behavior'; Strategy = 'mine' } -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'BranchMergeResolutionInvalid,PolyAI.Agents.Commands.MergePolyAiBranchCommand'
            (Get-TestRequest -Method POST -PathLike '*merge*').Count | Should -Be 0
        }
    }
}
