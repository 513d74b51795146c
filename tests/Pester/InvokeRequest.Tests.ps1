BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
}

Describe 'Invoke-PolyAiRequest (the escape hatch)' {
    BeforeEach {
        Initialize-TestCase
        Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false
    }
    AfterEach {
        Reset-TestPreference
        Clear-PolyAiEmulatorFault -Emulator (Get-TestEmulator) -Confirm:$false
    }
    AfterAll { Disconnect-PolyAi }

    It 'gets a path of the table as PowerShell objects, as Invoke-RestMethod would' {
        $active = Invoke-PolyAiRequest -Method GET -Path /v1/agents/PROJECT-DEMO/deployments/active
        $active.activeDeployments.live.id | Should -Be 'dep-seed-live'
        $connectors = Invoke-PolyAiRequest GET "/v1/agents/PROJECT-DEMO/telephony/connectors"
        $connectors.connectors.Count | Should -BeGreaterThan 0
    }

    It 'sends -Query, and -Raw gives the text as it came' {
        $text = Invoke-PolyAiRequest -Method GET -Path /v1/agents/PROJECT-DEMO/deployments -Query @{ environment = 'live'; limit = 1 } -Raw
        $text | Should -BeOfType ([string])
        ($text | ConvertFrom-Json).deployments.Count | Should -Be 1
        (Get-TestRequest -Method GET)[0].rawTarget | Should -Match '^/v1/agents/PROJECT-DEMO/deployments\?(environment=live&limit=1|limit=1&environment=live)$'
    }

    It 'reaches an operation only the 1.0.11 contract has (outbound calls), with the body as JSON' {
        $call = Invoke-PolyAiRequest -Method POST -Path /v1/agents/PROJECT-DEMO/telephony/outbound-calls -Body @{ toNumber = '+442071230000'; environment = 'live'; metadata = @{ customer = 'Paul' } } -Force
        $call.callSid | Should -Be 'OUT-0001'
        $call.status | Should -Be 'QUEUED'
        ((Get-TestRequest -Method POST)[0].body | ConvertFrom-Json).metadata.customer | Should -Be 'Paul'
        (Invoke-PolyAiRequest GET "/v1/agents/PROJECT-DEMO/telephony/outbound-calls/$($call.callSid)/status" -Query @{ environment = 'live' }).status | Should -Be 'QUEUED'
    }

    It '-WhatIf sends nothing for a change, and names the method, path and body' {
        $text = Get-HostOutput { Invoke-PolyAiRequest -Method POST -Path /v1/agents/PROJECT-DEMO/deployments/publish -Body '{"environment":"sandbox"}' -WhatIf }
        $text | Should -Match 'What if: Send POST /v1/agents/PROJECT-DEMO/deployments/publish \(D3\) with the body \{"environment":"sandbox"\}\.'
        (Get-TestRequest -Method POST).Count | Should -Be 0
    }

    It 'a GET changes nothing, so it is sent under $WhatIfPreference too (as every Get- cmdlet is)' {
        $global:WhatIfPreference = $true
        $null = Invoke-PolyAiRequest -Method GET -Path /v1/agents
        $global:WhatIfPreference = $false
        (Get-TestRequest -Method GET).Count | Should -Be 1
    }

    It 'refuses an absolute URI or another host before sending: the key goes nowhere else' -ForEach @(
        @{ Path = 'https://evil.example/v1/agents' }, @{ Path = '//evil.example/v1/agents' }, @{ Path = '/v1/../admin' }, @{ Path = '/v2/agents' }
    ) {
        Invoke-PolyAiRequest -Method GET -Path $Path -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'PolyAiRequestInvalid,PolyAI.Agents.Commands.InvokePolyAiRequestCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Get-TestRequest).Count | Should -Be 0
    }

    It 'retries a GET through a 503, but not a POST outside the table' {
        $null = Add-PolyAiEmulatorFault -Emulator (Get-TestEmulator) -Rule @{ method = 'GET'; pathContains = '/v1/agents'; status = 503; times = 1 } -Confirm:$false
        Connect-TestEmulator -MaxRetry 2
        $null = Invoke-PolyAiRequest -Method GET -Path /v1/agents
        (Get-TestRequest -Method GET).Count | Should -Be 2

        Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false
        $null = Add-PolyAiEmulatorFault -Emulator (Get-TestEmulator) -Rule @{ method = 'POST'; pathContains = 'outbound-calls'; status = 503; times = 1 } -Confirm:$false
        Invoke-PolyAiRequest -Method POST -Path /v1/agents/PROJECT-DEMO/telephony/outbound-calls -Body @{ toNumber = '+442071230000'; environment = 'live' } -Force -ErrorVariable failures -ErrorAction SilentlyContinue
        (Get-TestRequest -Method POST).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'PolyAiServerError,PolyAI.Agents.Commands.InvokePolyAiRequestCommand'
    }

    It 'maps errors like every cmdlet: the API''s code names the resource, else the request' {
        Invoke-PolyAiRequest -Method GET -Path /v1/agents/PROJECT-NONE/deployments/active -ErrorVariable agent -ErrorAction SilentlyContinue
        $agent[0].FullyQualifiedErrorId | Should -Be 'AgentNotFound,PolyAI.Agents.Commands.InvokePolyAiRequestCommand'
        Invoke-PolyAiRequest -Method POST -Path /v1/agents/PROJECT-DEMO/deployments/dep-none/promote -Body @{} -Force -ErrorVariable deployment -ErrorAction SilentlyContinue
        $deployment[0].FullyQualifiedErrorId | Should -Be 'DeploymentNotFound,PolyAI.Agents.Commands.InvokePolyAiRequestCommand'
    }

    It 'writes what it sends to -Verbose, never the key' {
        $output = Invoke-TestPwsh -Script 'Invoke-PolyAiRequest -Method GET -Path /v1/agents -Verbose 4>&1 | Out-String'
        $output.Output | Should -Match 'GET .*/v1/agents'
        $output.Output | Should -Not -Match ([regex]::Escape($env:POLYAI_TEST_EMULATOR_KEY))
    }
}
