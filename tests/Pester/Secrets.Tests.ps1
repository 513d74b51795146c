BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Get-TestEmulator
}

Describe 'The API key never leaks' {
    BeforeEach { Reset-TestEmulator }
    AfterAll { Disconnect-PolyAi }

    It 'appears in no stream, error, object or transcript through successes and failures with -Verbose -Debug' {
        $key = $emulator.ApiKey
        $wrongKey = 'wrong-SECRET-key-0042'
        $transcript = Join-Path ([IO.Path]::GetTempPath()) ("polyai-secrets-{0}.txt" -f [guid]::NewGuid())
        Add-PolyAiEmulatorFault -Emulator $emulator -Rule @{ method = 'GET'; pathContains = 'conn-support-live'; status = 503; times = 1 } | Out-Null
        Add-PolyAiEmulatorFault -Emulator $emulator -Rule @{ method = 'GET'; pathContains = 'conn-pre-1'; status = 502; contentType = 'text/html'; body = '<h1>bad gateway</h1>'; times = 0 } | Out-Null

        # Only what this test's own commands leave in $Error counts: earlier files (the emulator's raw Invoke-WebRequest
        # tests) leave records whose request shows the header they sent themselves.
        $Error.Clear()
        Start-Transcript -LiteralPath $transcript -IncludeInvocationHeader | Out-Null
        try {
            $streams = & {
                $ErrorActionPreference = 'Continue'
                $session = Connect-PolyAi -BaseUri $emulator.BaseUri -ApiKey $key -MaxRetry 1 -PassThru -Verbose -Debug
                $session
                $session | Format-List * -Force | Out-String
                $session | ConvertTo-Json -Depth 4
                "$session"
                Get-PolyAiSession | Format-Table | Out-String
                Get-PolyAiConnector -AgentId PROJECT-DEMO -Verbose -Debug
                Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1, conn-main-live, nope -Verbose -Debug
                Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-support-live -Verbose -Debug
                Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-pre-1 -Verbose -Debug
                Get-PolyAiConnector -AgentId PROJECT-DEMO -PhoneNumber '+15550100003' -Verbose -Debug
                Get-PolyAiConnector -AgentId PROJECT-LOCKED -Verbose -Debug
                Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -WhatIf -Verbose -Debug
                Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-2, missing -Force -Verbose -Debug
                Connect-PolyAi -BaseUri $emulator.BaseUri -ApiKey $wrongKey -Verbose -Debug
                try { Get-PolyAiConnector -AgentId PROJECT-DEMO -Verbose -Debug } catch { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }
            } *>&1 | ForEach-Object { $_; $_ | Out-String }
            $errorText = $Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception.ToString(); $_.ErrorDetails | Out-String }
        }
        finally {
            Stop-Transcript | Out-Null
        }

        $everything = (@($streams) + @($errorText) | ForEach-Object { "$_" }) -join "`n"
        $transcriptText = Get-Content -LiteralPath $transcript -Raw
        Remove-Item -LiteralPath $transcript

        # The run did go through all those paths (otherwise a clean result would prove nothing).
        $everything | Should -Match 'VERBOSE|GET http'
        $everything | Should -Match 'x-api-key: \[redacted\]'
        $everything | Should -Match 'ConnectorNotFound|was not found'
        $everything | Should -Match '401'
        (Get-TestRequest).Count | Should -BeGreaterThan 8

        $everything | Should -Not -Match ([regex]::Escape($key))
        $everything | Should -Not -Match ([regex]::Escape($wrongKey))
        $transcriptText | Should -Not -Match ([regex]::Escape($key))
        $transcriptText | Should -Not -Match ([regex]::Escape($wrongKey))
        (Get-TestRequest).apiKey | Should -Contain $key -Because 'the key did reach the server, only the server'
    }

    It 'is not a public member of the session' {
        $session = Connect-TestEmulator -PassThru
        $session.PSObject.Properties.Name | Should -Not -Contain 'ApiKey'
        foreach ($property in $session.PSObject.Properties) {
            "$($property.Value)" | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
        }
    }
}
