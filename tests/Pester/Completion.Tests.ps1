BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Get-TestEmulator

    function Complete([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }
}

Describe 'Tab completion' {
    BeforeEach { Initialize-TestCase }

    AfterAll { Disconnect-PolyAi }

    It 'completes -AgentId from the agents the key can see' {
        Complete 'Get-PolyAiConnector -AgentId PROJECT-D' | Should -Be @('PROJECT-DEMO')
        $all = Complete 'Remove-PolyAiConnector -AgentId '
        $all | Should -Contain 'PROJECT-DEMO'
        $all | Should -Contain 'PROJECT-OTHER'
        $all | Should -Not -Contain 'PROJECT-LOCKED'
    }

    It 'completes -ConnectorId from the connectors of the -AgentId on the line' {
        Complete 'Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx' | Should -Be @('conn-sbx-1', 'conn-sbx-2', 'conn-sbx-3')
        Complete 'Remove-PolyAiConnector -AgentId PROJECT-OTHER -ConnectorId ' | Should -Be @('conn-other-1', 'conn-other-2')
    }

    It 'completes -BranchId from the branches of the -AgentId on the line, on every branch-scoped cmdlet' {
        $null = New-PolyAiBranch -AgentId PROJECT-DEMO -Name 'fix-hours' -Confirm:$false
        Complete 'Get-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br' | Should -Be @('br-0001')
        Complete 'Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId ' | Should -Be @('main', 'br-0001')
        Complete 'Compare-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 -ReferenceBranchId m' | Should -Be @('main')
    }

    It 'completes -TopicId from the topics of the -AgentId and -BranchId (main when not given) on the line' {
        Complete 'Get-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -TopicId t-p' | Should -Be @('t-parking', 't-promo')
        $null = New-PolyAiBranch -AgentId PROJECT-DEMO -Name 'kb' -Confirm:$false
        Remove-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-promo -Confirm:$false
        Complete 'Remove-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-p' | Should -Be @('t-parking')
    }

    It 'offers nothing for -ConnectorId before -AgentId is given' {
        Complete 'Get-PolyAiConnector -ConnectorId conn' | Should -BeNullOrEmpty
        (Get-TestRequest).Count | Should -Be 0
    }

    It 'caches per session: completing twice asks the API once' {
        Complete 'Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId c' | Out-Null
        Complete 'Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-m' | Should -Be @('conn-main-live')
        (Get-TestRequest -Method GET -PathLike '*/telephony/connectors').Count | Should -Be 1
    }

    It 'is silent when the API fails (wrong key) or is not connected' {
        Connect-TestEmulator -ApiKey 'wrong-key'
        Complete 'Get-PolyAiConnector -AgentId PROJECT' | Should -BeNullOrEmpty
        Disconnect-PolyAi
        Complete 'Get-PolyAiConnector -AgentId PROJECT' | Should -BeNullOrEmpty
    }

    It 'gives up quickly when the API hangs' {
        Add-PolyAiEmulatorFault -Emulator $emulator -Rule @{ method = 'GET'; delayMs = 20000; times = 0 } | Out-Null
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()
        Complete 'Get-PolyAiConnector -AgentId PROJECT' | Should -BeNullOrEmpty
        $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 4.5 -Because 'completion gives up after 3 s'
    }

    It 'asks again on the next Tab after a failure (a failure is not cached)' {
        Add-PolyAiEmulatorFault -Emulator $emulator -Rule @{ method = 'GET'; status = 500; times = 1 } | Out-Null
        Complete 'Get-PolyAiConnector -AgentId PROJECT-D' | Should -BeNullOrEmpty
        Complete 'Get-PolyAiConnector -AgentId PROJECT-D' | Should -Be @('PROJECT-DEMO')
    }

    It 'completes -ClientEnv from its set' {
        Complete 'Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber +15550000001 -ClientEnv ' | Sort-Object | Should -Be @('live', 'pre-release', 'sandbox')
    }

    It 'completes -AgentId and -ConnectorId on the phone-number and update cmdlets too' {
        Complete 'Set-PolyAiPhoneNumber -AgentId PROJECT-O' | Should -Be @('PROJECT-OTHER')
        Complete 'Set-PolyAiPhoneNumber -AgentId PROJECT-OTHER -PhoneNumber +15550000001 -ConnectorId conn-other-' | Should -Be @('conn-other-1', 'conn-other-2')
        Complete 'Set-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-main -ProjectId PROJECT-O' | Should -Be @('PROJECT-OTHER')
    }

    It 'completes -Region from its set' {
        Complete 'Connect-PolyAi -Region ' | Sort-Object | Should -Be @('eu', 'uk', 'us')
    }
}

Describe 'Get-PolyAiAgent' {
    BeforeEach { Initialize-TestCase }

    It 'lists the agents as typed objects' {
        $agents = Get-PolyAiAgent
        $agents | Should -BeOfType ([PolyAI.Agents.Agent])
        $agents.AgentId | Should -Contain 'PROJECT-DEMO'
        ($agents | Where-Object AgentId -EQ 'PROJECT-DEMO').AccountId | Should -Be 'ws-demo01'
        (Get-TestRequest -Method GET -PathLike '/v1/agents').Count | Should -Be 1
    }

    It 'filters by name or id with wildcards' {
        (Get-PolyAiAgent -Name '*OTHER*').AgentId | Should -Be @('PROJECT-OTHER')
    }

    It 'pipes into Get-PolyAiConnector by AgentId' {
        $connectors = Get-PolyAiAgent -Name 'PROJECT-OTHER' | Get-PolyAiConnector
        $connectors.ConnectorId | Should -Be @('conn-other-1', 'conn-other-2')
    }
}
