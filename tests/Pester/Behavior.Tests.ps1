BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    $mainRules = @(
        'You are the front desk of Demo Dental.'
        'Greet callers warmly and ask how you can help.'
        'Book, move or cancel appointments.'
        'Never give medical advice.'
        'Transfer urgent calls to the on-call line.'
    ) -join "`n"
}

Describe 'Behavior rules (R1-R2)' {
    BeforeEach {
        Initialize-TestCase
        $null = New-PolyAiBranch -AgentId PROJECT-DEMO -Name 'rules' -Confirm:$false
    }
    AfterEach { Reset-TestPreference }
    AfterAll { Disconnect-PolyAi }

    It 'reads main by default, or the branch given' {
        $rules = Get-PolyAiBehavior -AgentId PROJECT-DEMO
        $rules | Should -BeOfType ([PolyAI.Agents.Behavior])
        ($rules.AgentId, $rules.BranchId, $rules.Text) | Should -Be @('PROJECT-DEMO', 'main', $mainRules)
        (Get-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001).Text | Should -Be $mainRules
    }

    It 'reports an unknown branch as BranchNotFound' {
        Get-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-9999 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'BranchNotFound,PolyAI.Agents.Commands.GetPolyAiBehaviorCommand'
    }

    It 'requires -BranchId to change anything (no default to main)' {
        (Get-Command Set-PolyAiBehavior).Parameters['BranchId'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Mandatory | Should -Not -Contain $false
        (Get-Command Get-PolyAiBehavior).Parameters['BranchId'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Mandatory | Should -Not -Contain $true
    }

    It '-WhatIf prints a line diff of the rules with context, and changes nothing' {
        $new = $mainRules.Replace('Never give medical advice.', "Never give medical advice or prices.`nOffer a callback when the line is busy.")
        $text = Get-HostOutput { Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001 -Text $new -WhatIf }
        $text | Should -Match "What if: Update the behavior rules of branch 'br-0001' of agent 'PROJECT-DEMO': text: 2 lines changed \(\+2 -1\)"
        $lines = @($text -split "`r?`n")
        $start = [array]::IndexOf($lines, ($lines | Where-Object { $_ -like '@@ *' } | Select-Object -First 1))
        $lines[$start..($start + 6)] | Should -Be @(
            '@@ -2,4 +2,5 @@'
            '  Greet callers warmly and ask how you can help.'
            '  Book, move or cancel appointments.'
            '- Never give medical advice.'
            '+ Never give medical advice or prices.'
            '+ Offer a callback when the line is busy.'
            '  Transfer urgent calls to the on-call line.'
        )
        (Get-TestRequest -Method PATCH).Count | Should -Be 0
        (Get-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001).Text | Should -Be $mainRules
    }

    It 'caps a long diff in the What-if text and says how much it left out' {
        $new = (1..80 | ForEach-Object { "Rule $_." }) -join "`n"
        $text = Get-HostOutput { Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001 -Text $new -WhatIf }
        $text | Should -Match '\.\.\. \d+ more lines of the diff not shown'
    }

    It 'replaces the rules of the branch only, and writes them with -PassThru' {
        $rules = Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001 -Text 'Be brief.' -PassThru -Confirm:$false
        $rules.Text | Should -Be 'Be brief.'
        ((Get-TestRequest -Method PATCH)[0].body | ConvertFrom-Json).behavior | Should -Be 'Be brief.'
        (Get-PolyAiBehavior -AgentId PROJECT-DEMO).Text | Should -Be $mainRules
        Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001 -Text 'Again.' -Confirm:$false | Should -BeNullOrEmpty
    }

    It 'reads the new rules from a file with -Path' {
        $file = Join-Path $TestDrive 'rules.txt'
        Set-Content -LiteralPath $file -Value "Line one.`nLine two." -NoNewline
        Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001 -Path $file -Confirm:$false
        (Get-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001).Text | Should -Be "Line one.`nLine two."
    }

    It 'reports a file it cannot read as BehaviorFileUnreadable and sends nothing' {
        Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001 -Path (Join-Path $TestDrive 'missing.txt') -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'BehaviorFileUnreadable,PolyAI.Agents.Commands.SetPolyAiBehaviorCommand'
        (Get-TestRequest -Method PATCH).Count | Should -Be 0
    }

    It 'refuses the rules of main piped in without -BranchId main on the command line (BranchMainNotNamed), but changes main when it is typed' {
        Get-PolyAiBehavior -AgentId PROJECT-DEMO | Set-PolyAiBehavior -Text 'Be brief.' -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'BranchMainNotNamed,PolyAI.Agents.Commands.SetPolyAiBehaviorCommand'
        (Get-TestRequest -Method PATCH).Count | Should -Be 0
        Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId main -Text 'Be brief.' -Confirm:$false -ErrorAction SilentlyContinue
        (Get-TestRequest -Method PATCH).Count | Should -Be 1 -Because 'main named on the command line is sent (the emulator, like later APIs, then refuses it)'
    }

    It 'names input the client refuses by the cmdlet''s resource (BehaviorInvalidArgument)' {
        $file = Join-Path $TestDrive 'empty.txt'
        Set-Content -LiteralPath $file -Value '' -NoNewline
        Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001 -Path $file -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'BehaviorInvalidArgument,PolyAI.Agents.Commands.SetPolyAiBehaviorCommand'
        (Get-TestRequest -Method PATCH).Count | Should -Be 0
    }

    It 'changes the rules of every branch piped in' {
        $null = New-PolyAiBranch -AgentId PROJECT-DEMO -Name 'second' -Confirm:$false
        Get-PolyAiBranch -AgentId PROJECT-DEMO | Where-Object BranchId -NE main | Set-PolyAiBehavior -Text 'Be brief.' -Confirm:$false
        (Get-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0002).Text | Should -Be 'Be brief.'
        (Get-TestRequest -Method PATCH).Count | Should -Be 2
    }
}
