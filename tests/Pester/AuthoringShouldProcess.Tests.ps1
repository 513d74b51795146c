# The ShouldProcess matrix of every changing cmdlet of the authoring workflow, counted on the emulator: which
# change requests reached it, and whether the descriptive reads were made. Each row: how to set up (run first,
# not counted), the change, the request that makes it, the cmdlet's ConfirmImpact and whether it has -Force.

BeforeDiscovery {
    $script:rows = @(
        @{ Cmdlet = 'New-PolyAiAgent'; Setup = ''; Change = "New-PolyAiAgent -Name 'Clinic' -Greeting 'Hello' -VoiceId 'voice-1'"; Method = 'POST'; Path = '/v1/agents'; Impact = 'Low'; Force = $false }
        @{ Cmdlet = 'Copy-PolyAiAgent'; Setup = ''; Change = "Copy-PolyAiAgent -AgentId PROJECT-DEMO -NewName 'Demo copy'"; Method = 'POST'; Path = '/v1/agents/PROJECT-DEMO/duplicate'; Impact = 'Low'; Force = $false }
        @{ Cmdlet = 'Remove-PolyAiAgent'; Setup = ''; Change = 'Remove-PolyAiAgent -AgentId PROJECT-OTHER'; Method = 'DELETE'; Path = '/v1/agents/PROJECT-OTHER'; Impact = 'High'; Force = $true }
        @{ Cmdlet = 'New-PolyAiBranch'; Setup = ''; Change = "New-PolyAiBranch -AgentId PROJECT-DEMO -Name 'wip'"; Method = 'POST'; Path = '/v1/agents/PROJECT-DEMO/branches'; Impact = 'Low'; Force = $false }
        @{ Cmdlet = 'Remove-PolyAiBranch'; Setup = 'branch'; Change = 'Remove-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001'; Method = 'DELETE'; Path = '/v1/agents/PROJECT-DEMO/branches/br-0001'; Impact = 'High'; Force = $true }
        @{ Cmdlet = 'Merge-PolyAiBranch'; Setup = 'change'; Change = 'Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001'; Method = 'POST'; Path = '/v1/agents/PROJECT-DEMO/branches/br-0001/merge'; Impact = 'High'; Force = $true }
        @{ Cmdlet = 'Set-PolyAiBehavior'; Setup = 'branch'; Change = "Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001 -Text 'Be brief.'"; Method = 'PATCH'; Path = '/v1/agents/PROJECT-DEMO/branches/br-0001/behavior'; Impact = 'Medium'; Force = $false }
        @{ Cmdlet = 'New-PolyAiKnowledgeTopic'; Setup = 'branch'; Change = "New-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'Wifi' -Content 'Free wifi in the waiting room.'"; Method = 'POST'; Path = '/v1/agents/PROJECT-DEMO/branches/br-0001/knowledge-base/topics'; Impact = 'Low'; Force = $false }
        @{ Cmdlet = 'Set-PolyAiKnowledgeTopic'; Setup = 'branch'; Change = "Set-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-hours -Content 'We are open every day.'"; Method = 'PATCH'; Path = '/v1/agents/PROJECT-DEMO/branches/br-0001/knowledge-base/topics/t-hours'; Impact = 'Medium'; Force = $false }
        @{ Cmdlet = 'Remove-PolyAiKnowledgeTopic'; Setup = 'branch'; Change = 'Remove-PolyAiKnowledgeTopic -AgentId PROJECT-DEMO -BranchId br-0001 -TopicId t-parking'; Method = 'DELETE'; Path = '/v1/agents/PROJECT-DEMO/branches/br-0001/knowledge-base/topics/t-parking'; Impact = 'Medium'; Force = $true }
        @{ Cmdlet = 'New-PolyAiAttribute'; Setup = 'branch'; Change = "New-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'floor'"; Method = 'POST'; Path = '/v1/agents/PROJECT-DEMO/branches/br-0001/attributes'; Impact = 'Low'; Force = $false }
        @{ Cmdlet = 'Set-PolyAiAttribute'; Setup = 'branch'; Change = "Set-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -AttributeId attr-hours -Name 'hours'"; Method = 'PATCH'; Path = '/v1/agents/PROJECT-DEMO/branches/br-0001/attributes/attr-hours'; Impact = 'Medium'; Force = $false }
        @{ Cmdlet = 'Remove-PolyAiAttribute'; Setup = 'branch'; Change = 'Remove-PolyAiAttribute -AgentId PROJECT-DEMO -BranchId br-0001 -AttributeId attr-hours'; Method = 'DELETE'; Path = '/v1/agents/PROJECT-DEMO/branches/br-0001/attributes/attr-hours'; Impact = 'Medium'; Force = $true }
        @{ Cmdlet = 'New-PolyAiVariant'; Setup = 'branch'; Change = "New-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -Name 'Leeds' -AttributeValue @{ site = 'Leeds' }"; Method = 'POST'; Path = '/v1/agents/PROJECT-DEMO/branches/br-0001/variants'; Impact = 'Low'; Force = $false }
        @{ Cmdlet = 'Set-PolyAiVariant'; Setup = 'branch'; Change = "Set-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-nyc -Name 'NYC'"; Method = 'PATCH'; Path = '/v1/agents/PROJECT-DEMO/branches/br-0001/variants/variant-nyc'; Impact = 'Medium'; Force = $false }
        @{ Cmdlet = 'Remove-PolyAiVariant'; Setup = 'branch'; Change = 'Remove-PolyAiVariant -AgentId PROJECT-DEMO -BranchId br-0001 -VariantId variant-nyc'; Method = 'DELETE'; Path = '/v1/agents/PROJECT-DEMO/branches/br-0001/variants/variant-nyc'; Impact = 'Medium'; Force = $true }
        # The real-time config cmdlets read the page for the schema check even under -Force (one GET).
        @{ Cmdlet = 'Set-PolyAiRealTimeConfig'; Setup = ''; Change = "Set-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv live -Variable @{ openingHours = '08:00-20:00' }"; Method = 'PATCH'; Path = '/v1/agents/PROJECT-DEMO/real-time-configs/live/variables'; Impact = 'High'; Force = $true; ForceReads = 1 }
        @{ Cmdlet = 'Set-PolyAiRealTimeConfigSchema'; Setup = ''; Change = "Set-PolyAiRealTimeConfigSchema -AgentId PROJECT-DEMO -ClientEnv live -Schema @{ type = 'object' }"; Method = 'PUT'; Path = '/v1/agents/PROJECT-DEMO/real-time-configs/live/schema'; Impact = 'High'; Force = $true; ForceReads = 1 }
        @{ Cmdlet = 'Publish-PolyAiAgent'; Setup = 'merged'; Change = 'Publish-PolyAiAgent -AgentId PROJECT-DEMO'; Method = 'POST'; Path = '/v1/agents/PROJECT-DEMO/deployments/publish'; Impact = 'High'; Force = $true }
        @{ Cmdlet = 'Publish-PolyAiDeployment'; Setup = 'published'; Change = 'Publish-PolyAiDeployment -AgentId PROJECT-DEMO -DeploymentId dep-0001'; Method = 'POST'; Path = '/v1/agents/PROJECT-DEMO/deployments/dep-0001/promote'; Impact = 'High'; Force = $true }
        @{ Cmdlet = 'Restore-PolyAiDeployment'; Setup = 'published'; Change = 'Restore-PolyAiDeployment -AgentId PROJECT-DEMO -DeploymentId dep-seed-sbx'; Method = 'POST'; Path = '/v1/agents/PROJECT-DEMO/deployments/dep-seed-sbx/rollback'; Impact = 'High'; Force = $true }
        @{ Cmdlet = 'Invoke-PolyAiRequest'; Setup = ''; Change = "Invoke-PolyAiRequest -Method POST -Path /v1/agents/PROJECT-DEMO/telephony/outbound-calls -Body @{ toNumber = '+442071230000'; environment = 'live' }"; Method = 'POST'; Path = '/v1/agents/PROJECT-DEMO/telephony/outbound-calls'; Impact = 'High'; Force = $true }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    function Initialize-Row([string] $Setup) {
        Initialize-TestCase
        if ($Setup -in 'branch', 'change', 'merged', 'published') { $null = New-PolyAiBranch -AgentId PROJECT-DEMO -Name 'wip' -Confirm:$false }
        if ($Setup -in 'change', 'merged', 'published') { Set-PolyAiBehavior -AgentId PROJECT-DEMO -BranchId br-0001 -Text 'Be brief.' -Confirm:$false }
        if ($Setup -in 'merged', 'published') { $null = Merge-PolyAiBranch -AgentId PROJECT-DEMO -BranchId br-0001 -Force }
        if ($Setup -eq 'published') { $null = Publish-PolyAiAgent -AgentId PROJECT-DEMO -Force }
        Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false
    }

    function Get-ChangeRequest([string] $Method, [string] $Path) { @((Get-TestRequest -Method $Method) | Where-Object path -EQ $Path) }

    function Invoke-Change([string] $Change, [string] $Extra) {
        Invoke-Expression "$Change $Extra -ErrorAction SilentlyContinue" | Out-Null
    }
}

Describe '<Cmdlet>: ShouldProcess (requests counted on the emulator)' -ForEach $rows {
    BeforeEach { Initialize-Row $Setup }
    AfterEach { Reset-TestPreference }
    AfterAll { Disconnect-PolyAi }

    It 'declares ConfirmImpact <Impact>' {
        $attribute = (Get-Command $Cmdlet).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.SupportsShouldProcess | Should -BeTrue
        $attribute.ConfirmImpact | Should -Be $Impact
        ((Get-Command $Cmdlet).Parameters.ContainsKey('Force')) | Should -Be $Force
    }

    It '-WhatIf sends no change' {
        Invoke-Change $Change '-WhatIf'
        (Get-ChangeRequest $Method $Path).Count | Should -Be 0
    }

    It '$WhatIfPreference sends no change, even with -Force or -Confirm:$false' {
        $global:WhatIfPreference = $true
        Invoke-Change $Change $(if ($Force) { '-Force' } else { '-Confirm:$false' })
        $global:WhatIfPreference = $false
        (Get-ChangeRequest $Method $Path).Count | Should -Be 0
    }

    It '-Confirm:$false sends the change once' {
        Invoke-Change $Change '-Confirm:$false'
        (Get-ChangeRequest $Method $Path).Count | Should -Be 1
    }

    It '-Force (where the cmdlet has it) sends the change without the descriptive reads' -Skip:(-not $Force) {
        Invoke-Change $Change '-Force'
        (Get-ChangeRequest $Method $Path).Count | Should -Be 1
        (Get-TestRequest -Method GET).Count | Should -Be $(if ($ForceReads) { $ForceReads } else { 0 })
    }

    It '$ConfirmPreference None sends the change without asking' {
        $global:ConfirmPreference = 'None'
        Invoke-Change $Change ''
        (Get-ChangeRequest $Method $Path).Count | Should -Be 1
    }

    It 'by default asks exactly when its impact reaches $ConfirmPreference (High): unanswered, a High change is not sent' {
        $result = Invoke-TestPwsh -Script $Change
        $expected = if ($Impact -eq 'High') { 0 } else { 1 }
        (Get-ChangeRequest $Method $Path).Count | Should -Be $expected -Because $result.Output
    }

    It '-Confirm prompts, and answering No sends nothing' {
        $result = Invoke-TestPwsh -InputText 'N' -Script "$Change -Confirm"
        $result.Output | Should -Match 'Continue\?'
        (Get-ChangeRequest $Method $Path).Count | Should -Be 0
    }
}
