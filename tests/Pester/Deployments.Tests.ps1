BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    # A new version of main: a branch with other rules, merged.
    function New-MainVersion([string] $Rules = 'Be brief.') {
        $branch = New-PolyAiBranch -AgentId PROJECT-DEMO -Name ("v-{0}" -f [guid]::NewGuid().ToString('n').Substring(0, 8)) -Confirm:$false
        Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId $branch.BranchId -Text $Rules -Confirm:$false
        $null = Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId $branch.BranchId -Force
    }
}

Describe 'Deployments (D1-D5)' {
    BeforeEach { Initialize-TestCase }
    AfterEach { Reset-TestPreference }
    AfterAll { Disconnect-PolyAi }

    Describe 'Get-PolyAiDeployment' {
        It 'lists one environment newest first, typed, with the ids a pipeline needs' {
            New-MainVersion
            $null = Publish-PolyAiAgent -AgentId PROJECT-DEMO -Message 'Second' -Force
            $deployments = Get-PolyAiDeployment -AgentId PROJECT-DEMO -Environment sandbox
            $deployments | Should -BeOfType ([PolyAI.Agents.Deployment])
            $deployments.DeploymentId | Should -Be @('dep-0001', 'dep-seed-sbx')
            $deployments[0].Message | Should -Be 'Second'
            $deployments[0].AgentId | Should -Be 'PROJECT-DEMO'
            $deployments[0].Environment | Should -Be 'sandbox'
            $deployments[0].Version | Should -Not -Be $deployments[1].Version
            $deployments[1].CreatedAt | Should -BeOfType ([datetimeoffset])
        }

        It '-First sends the API''s limit; -Skip skips within it' {
            New-MainVersion
            $null = Publish-PolyAiAgent -AgentId PROJECT-DEMO -Force
            Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false
            (Get-PolyAiDeployment -AgentId PROJECT-DEMO -Environment sandbox -First 1).DeploymentId | Should -Be 'dep-0001'
            (Get-TestRequest -Method GET)[0].rawTarget | Should -Be '/v1/agents/PROJECT-DEMO/deployments?environment=sandbox&limit=1'
            (Get-PolyAiDeployment -AgentId PROJECT-DEMO -Environment sandbox -Skip 1 -First 1).DeploymentId | Should -Be 'dep-seed-sbx'
        }

        It '-Active gives the deployment each environment runs now, and none for one that has none' {
            (Get-PolyAiDeployment -AgentId PROJECT-DEMO -Active).Environment | Should -Be @('sandbox', 'pre-release', 'live')
            (Get-PolyAiDeployment -AgentId PROJECT-DEMO -Active -Environment live).DeploymentId | Should -Be 'dep-seed-live'
            Get-PolyAiDeployment -AgentId PROJECT-OTHER -Active | Should -BeNullOrEmpty
        }

        It 'has a table view that fits 80 columns' {
            $lines = (Get-PolyAiDeployment -AgentId PROJECT-DEMO -Active | Format-Table | Out-String -Width 200) -split "`n" | Where-Object { $_.Trim() }
            $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 -Because $_ }
            $lines[0] | Should -Match 'DeploymentId\s+Environment\s+Version\s+CreatedAt\s+CreatedBy'
        }
    }

    Describe 'Publish-PolyAiAgent' {
        It '-WhatIf names the version the environment runs now, and sends nothing' {
            $live = Get-PolyAiDeployment -AgentId PROJECT-DEMO -Active -Environment live
            $text = Get-HostOutput { Publish-PolyAiAgent -AgentId PROJECT-DEMO -Environment live -WhatIf }
            $text | Should -Match ("What if: Publish main of agent 'PROJECT-DEMO' to live, which runs version {0} since 2026-11-20 11:00Z \(dep-seed-live, by ops@demo-dental.example\); it will run main as main is now" -f $live.Version)
            (Get-TestRequest -Method POST).Count | Should -Be 0
        }

        It 'publishes main to sandbox by default and writes the deployment with its message and test runs' {
            New-MainVersion
            $deployment = Publish-PolyAiAgent -AgentId PROJECT-DEMO -Message 'Brief rules' -Force
            $deployment | Should -BeOfType ([PolyAI.Agents.Deployment])
            $deployment.Environment | Should -Be 'sandbox'
            $deployment.Message | Should -Be 'Brief rules'
            (Get-TestRequest -Method POST -PathLike '*/publish')[0].body | Should -Be '{"deploymentMessage":"Brief rules","environment":"sandbox"}'
        }

        It 'publishing what the environment already runs is a warning (DeploymentAlreadyRunning), not an error' {
            $output = Publish-PolyAiAgent -AgentId PROJECT-DEMO -Force -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failures
            $output | Should -BeNullOrEmpty
            $failures.Count | Should -Be 0
            $warnings[0] | Should -Match 'changed nothing: .*already runs version .*\[DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED\]'
        }

        It 'takes agents from the pipeline' {
            New-MainVersion
            (Get-PolyAiAgent -AgentId PROJECT-DEMO | Publish-PolyAiAgent -Force).Environment | Should -Be 'sandbox'
        }
    }

    Describe 'Publish-PolyAiDeployment (promote)' {
        BeforeEach {
            New-MainVersion
            $script:sandbox = Publish-PolyAiAgent -AgentId PROJECT-DEMO -Force
            Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false
        }

        It '-WhatIf says from which version to which, in which environment; the deployment piped in needs no read' {
            $pre = Get-PolyAiDeployment -AgentId PROJECT-DEMO -Active -Environment pre-release
            Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false
            $text = Get-HostOutput { $script:sandbox | Publish-PolyAiDeployment -WhatIf }
            $text | Should -Match ("What if: Promote deployment dep-0001 \(version {0} \(dep-0001, by emulator@polyai.local, .+\)\) of agent 'PROJECT-DEMO' to pre-release, which runs version {1} since 2026-11-20 10:00Z \(dep-seed-pre" -f $script:sandbox.Version, $pre.Version)
            (Get-TestRequest -Method POST).Count | Should -Be 0
            (Get-TestRequest -Method GET -PathLike '*/deployments`?*').Count | Should -Be 0 -Because 'the piped deployment is known; only the active ones are read'
        }

        It 'a piped deployment binds as itself (-InputObject), so even one no environment runs now needs no search' {
            $seed = Get-PolyAiDeployment -AgentId PROJECT-DEMO -Environment sandbox | Where-Object DeploymentId -EQ dep-seed-sbx
            Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false
            $seed | Publish-PolyAiDeployment -WhatIf -ErrorVariable refused -ErrorAction SilentlyContinue
            $refused[0].FullyQualifiedErrorId | Should -Be 'DeploymentAlreadyPublished,PolyAI.Agents.Commands.PublishPolyAiDeploymentCommand' -Because 'pre-release runs the seed version'
            (Get-TestRequest -Method GET -PathLike '*/deployments`?*').Count | Should -Be 0
            (Get-TestRequest -Method GET -PathLike '*/deployments/active').Count | Should -Be 1
        }

        It 'promotes through pre-release to live, piped from Get-PolyAiDeployment, and writes each new deployment' {
            $pre = Get-PolyAiDeployment -AgentId PROJECT-DEMO -Environment sandbox -First 1 | Publish-PolyAiDeployment -Message 'to pre-release' -Force
            $pre.Environment | Should -Be 'pre-release'
            $pre.Version | Should -Be $script:sandbox.Version
            $live = $pre | Publish-PolyAiDeployment -Force
            $live.Environment | Should -Be 'live'
            $live.TestRunIds.Count | Should -BeGreaterThan 0
            (Get-PolyAiDeployment -AgentId PROJECT-DEMO -Active -Environment live).Version | Should -Be $script:sandbox.Version
        }

        It 'refuses to skip pre-release before sending when it has read the deployments (DeploymentPreReleaseNotReady)' {
            Publish-PolyAiDeployment -AgentId PROJECT-DEMO -DeploymentId dep-0001 -Environment live -Confirm -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'DeploymentPreReleaseNotReady,PolyAI.Agents.Commands.PublishPolyAiDeploymentCommand'
            $failures[0].Exception.Message | Should -Match 'promote it to pre-release first'
            (Get-TestRequest -Method POST).Count | Should -Be 0
        }

        It 'under -Force the API refuses it with the same error id (412) and a recommended action' {
            Publish-PolyAiDeployment -AgentId PROJECT-DEMO -DeploymentId dep-0001 -Environment live -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'DeploymentPreReleaseNotReady,PolyAI.Agents.Commands.PublishPolyAiDeploymentCommand'
            $failures[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            (Get-TestRequest -Method POST).Count | Should -Be 1
        }

        It 'a target that is not a later stage is DeploymentTargetNotLater, early or from the API' {
            Publish-PolyAiDeployment -AgentId PROJECT-DEMO -DeploymentId dep-seed-live -WhatIf -ErrorVariable early -ErrorAction SilentlyContinue
            $early[0].FullyQualifiedErrorId | Should -Be 'DeploymentTargetNotLater,PolyAI.Agents.Commands.PublishPolyAiDeploymentCommand'
            Publish-PolyAiDeployment -AgentId PROJECT-DEMO -DeploymentId dep-seed-live -Force -ErrorVariable late -ErrorAction SilentlyContinue
            $late[0].FullyQualifiedErrorId | Should -Be 'DeploymentTargetNotLater,PolyAI.Agents.Commands.PublishPolyAiDeploymentCommand'
            $late[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'a version the target already runs is DeploymentAlreadyPublished (409)' {
            Publish-PolyAiDeployment -AgentId PROJECT-DEMO -DeploymentId dep-seed-sbx -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'DeploymentAlreadyPublished,PolyAI.Agents.Commands.PublishPolyAiDeploymentCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        }

        It 'an unknown deployment is DeploymentNotFound' {
            Publish-PolyAiDeployment -AgentId PROJECT-DEMO -DeploymentId dep-none -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'DeploymentNotFound,PolyAI.Agents.Commands.PublishPolyAiDeploymentCommand'
        }
    }

    Describe 'Restore-PolyAiDeployment (rollback)' {
        BeforeEach {
            New-MainVersion
            $sandbox = Publish-PolyAiAgent -AgentId PROJECT-DEMO -Force
            $script:live = $sandbox | Publish-PolyAiDeployment -Force | Publish-PolyAiDeployment -Force
            Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false
        }

        It '-WhatIf says the environment goes back from which version to which (found by id), and sends nothing' {
            $seed = (Get-PolyAiDeployment -AgentId PROJECT-DEMO -Environment live | Where-Object DeploymentId -EQ dep-seed-live)
            $text = Get-HostOutput { Restore-PolyAiDeployment -AgentId PROJECT-DEMO -DeploymentId dep-seed-live -WhatIf }
            $text | Should -Match ("What if: Roll live of agent 'PROJECT-DEMO' back from version {0} \(since .+, {1}\) to version {2} \(dep-seed-live, by ops@demo-dental.example, 2026-11-20 11:00Z\)\." -f $script:live.Version, $script:live.DeploymentId, $seed.Version)
            (Get-TestRequest -Method POST).Count | Should -Be 0
        }

        It 'rolls live back: a new deployment with the older version becomes the active one' {
            $restored = Get-PolyAiDeployment -AgentId PROJECT-DEMO -Environment live | Where-Object DeploymentId -EQ dep-seed-live | Restore-PolyAiDeployment -Message 'Callers complained' -Force
            $restored | Should -BeOfType ([PolyAI.Agents.Deployment])
            $restored.DeploymentId | Should -Not -Be 'dep-seed-live'
            $restored.Message | Should -Be 'Callers complained'
            (Get-PolyAiDeployment -AgentId PROJECT-DEMO -Active -Environment live).Version | Should -Not -Be $script:live.Version
        }

        It 'rolling back to the version the environment runs is a warning, not an error' {
            Restore-PolyAiDeployment -AgentId PROJECT-DEMO -DeploymentId $script:live.DeploymentId -Force -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failures
            $failures.Count | Should -Be 0
            $warnings.Count | Should -Be 1
        }
    }

    Describe 'Completion' {
        It 'completes -DeploymentId from the active deployments and -Environment from the environments' {
            $line = 'Restore-PolyAiDeployment -AgentId PROJECT-DEMO -DeploymentId dep-seed-'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('dep-seed-sbx', 'dep-seed-pre', 'dep-seed-live')
            $line = 'Publish-PolyAiAgent -AgentId PROJECT-DEMO -Environment l'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'live'
        }
    }
}
