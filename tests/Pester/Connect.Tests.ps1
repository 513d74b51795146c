BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Get-TestEmulator
    $secret = 'pk-live-VERY-SECRET-4242'
}

Describe 'Connecting' {
    AfterEach {
        Disconnect-PolyAi
        Remove-Item Env:POLYAI_API_KEY, Env:POLYAI_REGION, Env:POLYAI_BASE_URI -ErrorAction SilentlyContinue
    }

    Describe 'Connect-PolyAi' {
        It 'accepts the key as a SecureString' {
            $key = ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force
            Connect-PolyAi -BaseUri $emulator.BaseUri -ApiKey $key
            (Get-PolyAiSession).KeySource | Should -Be 'ApiKey'
            Get-PolyAiConnector -AgentId PROJECT-DEMO | Should -Not -BeNullOrEmpty
        }

        It 'sends nothing, and prepares the engine on another core for the first command' {
            Reset-TestEmulator
            $result = Invoke-TestPwsh -NoConnect -Script @"
Connect-PolyAi -BaseUri '$($emulator.BaseUri)' -ApiKey '$($emulator.ApiKey)'
`$deadline = [DateTime]::UtcNow.AddSeconds(10)
do { Start-Sleep -Milliseconds 50; `$loaded = [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name } until (`$loaded -contains 'Polly.Core' -or [DateTime]::UtcNow -gt `$deadline)
'ENGINE {0} {1}' -f (`$loaded -contains 'PolyAI.Agents.Core'), (`$loaded -contains 'Polly.Core')
"@
            $result.Output | Should -Match 'ENGINE True True'
            (Get-TestRequest).Count | Should -Be 0
        }

        It 'accepts the key as a plain string' {
            Connect-PolyAi -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey
            Get-PolyAiConnector -AgentId PROJECT-DEMO | Should -Not -BeNullOrEmpty
        }

        It 'accepts the key as the password of a credential' {
            $credential = [pscredential]::new('api', (ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force))
            Connect-PolyAi -BaseUri $emulator.BaseUri -Credential $credential
            (Get-PolyAiSession).KeySource | Should -Be 'Credential'
            Get-PolyAiConnector -AgentId PROJECT-DEMO | Should -Not -BeNullOrEmpty
        }

        It 'reads the key (and the base URI) from the environment when none is given' {
            $env:POLYAI_API_KEY = $emulator.ApiKey
            $env:POLYAI_BASE_URI = $emulator.BaseUri
            Connect-PolyAi
            (Get-PolyAiSession).KeySource | Should -Be 'Environment'
            (Get-PolyAiSession).BaseUri | Should -Be ([uri]$emulator.BaseUri)
            Get-PolyAiConnector -AgentId PROJECT-DEMO | Should -Not -BeNullOrEmpty
        }

        It 'lets an explicit -Region win over $env:POLYAI_BASE_URI' {
            $env:POLYAI_BASE_URI = $emulator.BaseUri
            (Connect-PolyAi -ApiKey $secret -Region uk -PassThru).BaseUri.AbsoluteUri | Should -Be 'https://api.uk.poly.ai/'
        }

        It 'fails clearly when there is no key at all' {
            { Connect-PolyAi -Region us } | Should -Throw -ErrorId 'PolyAiApiKeyMissing,PolyAI.Agents.Commands.ConnectPolyAiCommand'
            Get-PolyAiSession | Should -BeNullOrEmpty
        }

        It 'maps region <Region> to <Uri>' -ForEach @(
            @{ Region = 'us'; Uri = 'https://api.us.poly.ai/' }
            @{ Region = 'uk'; Uri = 'https://api.uk.poly.ai/' }
            @{ Region = 'eu'; Uri = 'https://api.eu.poly.ai/' }
        ) {
            $session = Connect-PolyAi -ApiKey $secret -Region $Region -PassThru
            $session.BaseUri.AbsoluteUri | Should -Be $Uri
            $session.Region | Should -Be $Region
        }

        It 'refuses an unknown region before anything is sent' {
            { Connect-PolyAi -ApiKey $secret -Region mars } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.ConnectPolyAiCommand'
        }

        It 'refuses plain http to a host that is not loopback' {
            { Connect-PolyAi -ApiKey $secret -BaseUri 'http://api.example.com' } | Should -Throw -ErrorId 'PolyAiInvalidConnection,PolyAI.Agents.Commands.ConnectPolyAiCommand'
        }

        It 'lets -BaseUri override -Region' {
            $session = Connect-PolyAi -ApiKey $secret -Region eu -BaseUri 'https://proxy.example.com/polyai' -PassThru
            $session.BaseUri.AbsoluteUri | Should -Be 'https://proxy.example.com/polyai'
            $session.Region | Should -Be 'custom'
        }

        It 'returns a PolyAI.Agents.Session only with -PassThru' {
            Connect-PolyAi -ApiKey $secret | Should -BeNullOrEmpty
            $session = Connect-PolyAi -ApiKey $secret -PassThru
            $session | Should -BeOfType ([PolyAI.Agents.Session])
            $session.PSObject.TypeNames[0] | Should -Be 'PolyAI.Agents.Session'
        }

        It 'never shows the key: ToString, Format-List *, ConvertTo-Json, Get-Member' {
            $session = Connect-PolyAi -ApiKey $secret -PassThru
            $session.ToString() | Should -Not -Match $secret
            ($session | Format-List * | Out-String) | Should -Not -Match $secret
            ($session | Format-Table | Out-String) | Should -Not -Match $secret
            ($session | ConvertTo-Json -Depth 5) | Should -Not -Match $secret
            ($session | Get-Member -Force | Out-String) | Should -Not -Match 'ApiKey\b'
        }
    }

    Describe 'Sessions' {
        BeforeEach { Reset-TestEmulator }

        It 'ends the command clearly when not connected' {
            Disconnect-PolyAi
            { Get-PolyAiConnector -AgentId PROJECT-DEMO } | Should -Throw -ErrorId 'PolyAiNotConnected,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            (Get-TestRequest).Count | Should -Be 0
        }

        It 'Disconnect-PolyAi forgets the default session, Get-PolyAiSession shows it' {
            Connect-TestEmulator
            Get-PolyAiSession | Should -Not -BeNullOrEmpty
            Disconnect-PolyAi
            Get-PolyAiSession | Should -BeNullOrEmpty
        }

        It '-Session uses another session than the default, with its own key' {
            Connect-TestEmulator
            $second = Connect-PolyAi -BaseUri $emulator.BaseUri -ApiKey $env:POLYAI_TEST_EMULATOR_KEY2 -PassThru
            Connect-TestEmulator   # the default is the first key again
            Get-PolyAiConnector -AgentId PROJECT-DEMO -Session $second | Out-Null
            Get-PolyAiConnector -AgentId PROJECT-DEMO | Out-Null
            $keys = (Get-TestRequest -Method GET).apiKey
            $keys | Should -Be @($env:POLYAI_TEST_EMULATOR_KEY2, $env:POLYAI_TEST_EMULATOR_KEY)
        }

        It 'keeps the default session per runspace under ForEach-Object -Parallel' {
            $module = $env:POLYAI_TEST_MODULE
            $uri = $emulator.BaseUri
            $results = @($env:POLYAI_TEST_EMULATOR_KEY, $env:POLYAI_TEST_EMULATOR_KEY2) | ForEach-Object -ThrottleLimit 2 -Parallel {
                Import-Module $using:module
                Connect-PolyAi -BaseUri $using:uri -ApiKey $_
                1..3 | ForEach-Object { Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 | Out-Null; Start-Sleep -Milliseconds 20 }
                [pscustomobject]@{ Key = $_; Session = (Get-PolyAiSession).KeySource }
            }
            $results.Count | Should -Be 2
            $requests = Get-TestRequest -Method GET
            $requests.Count | Should -Be 6
            @($requests | Where-Object apiKey -EQ $env:POLYAI_TEST_EMULATOR_KEY).Count | Should -Be 3
            @($requests | Where-Object apiKey -EQ $env:POLYAI_TEST_EMULATOR_KEY2).Count | Should -Be 3
            Get-PolyAiSession | Should -BeNullOrEmpty -Because 'the parallel runspaces do not touch this one'
        }

        It 'passes a session into ForEach-Object -Parallel with $using:' {
            $session = Connect-TestEmulator -PassThru
            Disconnect-PolyAi
            $module = $env:POLYAI_TEST_MODULE
            $ids = 'conn-sbx-1', 'conn-sbx-2', 'conn-sbx-3' | ForEach-Object -ThrottleLimit 3 -Parallel {
                Import-Module $using:module
                (Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId $_ -Session $using:session).ConnectorId
            }
            $ids | Sort-Object | Should -Be @('conn-sbx-1', 'conn-sbx-2', 'conn-sbx-3')
        }
    }
}
