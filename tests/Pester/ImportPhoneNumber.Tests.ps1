BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    function Get-TestNumber {
        param([string] $Number, [string] $AgentId = 'PROJECT-DEMO')
        Get-TestPhoneNumbers -AgentId $AgentId | Where-Object number -EQ $Number
    }
}

Describe 'Import-PolyAiPhoneNumber' {
    BeforeEach { Initialize-TestCase }

    AfterEach { Reset-TestPreference }

    AfterAll { Disconnect-PolyAi }

    Describe 'Import-PolyAiPhoneNumber: one number (P6, POST .../phone-numbers/{number})' {
        It 'imports it with the single endpoint (201), {} as the body, into live by default' {
            $imported = Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001'
            $imported | Should -BeOfType ([PolyAI.Agents.PhoneNumberImport])
            $imported.Number, $imported.ClientEnv, $imported.AgentId | Should -Be @('+447700900001', 'live', 'PROJECT-DEMO')
            $requests = Get-TestRequest
            $requests.Count | Should -Be 1
            $requests[0].method, $requests[0].rawTarget, $requests[0].body | Should -Be @('POST', '/v1/agents/PROJECT-DEMO/telephony/phone-numbers/+447700900001', '{}')
            $requests[0].status | Should -Be 201
            $state = Get-TestNumber '+447700900001'
            $state.clientEnv | Should -Be 'live'
            $state.connectorId | Should -BeNullOrEmpty
        }

        It 'the emulator, like the API, requires the body of a single import, so the {} the cmdlet sends matters' {
            $emulator = Get-TestEmulator
            $response = Invoke-WebRequest -Method Post -Uri "$($emulator.BaseUri)/v1/agents/PROJECT-DEMO/telephony/phone-numbers/+447700900001" `
                -Headers @{ 'x-api-key' = $emulator.ApiKey } -SkipHttpErrorCheck
            $response.StatusCode | Should -Be 400
            Get-TestNumber '+447700900001' | Should -BeNullOrEmpty
        }

        It 'sends -ClientEnv' {
            (Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001' -ClientEnv pre-release).ClientEnv | Should -Be 'pre-release'
            (Get-TestRequest)[0].body | Should -Be '{"clientEnv":"pre-release"}'
            (Get-TestNumber '+447700900001').clientEnv | Should -Be 'pre-release'
        }

        It 'sends -ClientEnv in the lower case the API expects, whatever the casing given' {
            (Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001' -ClientEnv Sandbox).ClientEnv | Should -BeExactly 'sandbox'
            (Get-TestRequest)[0].body | Should -BeExactly '{"clientEnv":"sandbox"}'
        }

        It 'reports a number that already exists (409) as PhoneNumberAlreadyExists' {
            Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001' -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'PhoneNumberAlreadyExists,PolyAI.Agents.Commands.ImportPolyAiPhoneNumberCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
            $failures[0].TargetObject | Should -Be '+15550100001'
            $failures[0].ErrorDetails.Message | Should -Match '409'
            (Get-TestRequest)[0].status | Should -Be 409
        }

        It 'refuses -ClientEnv values other than sandbox, pre-release and live' {
            { Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001' -ClientEnv prod } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.ImportPolyAiPhoneNumberCommand'
            (Get-TestRequest).Count | Should -Be 0
        }
    }

    Describe 'Import-PolyAiPhoneNumber: several numbers (P2, POST .../phone-numbers)' {
        It 'imports them with one bulk request in one environment' {
            $imported = Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001', '+447700900002' -ClientEnv sandbox
            $imported.Number | Should -Be @('+447700900001', '+447700900002')
            $imported.ClientEnv | Should -Be @('sandbox', 'sandbox')
            $requests = Get-TestRequest
            $requests.Count | Should -Be 1
            $requests[0].method, $requests[0].rawTarget, $requests[0].status | Should -Be @('POST', '/v1/agents/PROJECT-DEMO/telephony/phone-numbers', 201)
            $requests[0].body | Should -Be '{"phoneNumbers":["+447700900001","+447700900002"],"clientEnv":"sandbox"}'
        }

        It 'leaves clientEnv out of the bulk body when not given (the API defaults to live)' {
            Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001', '+447700900002' | Out-Null
            (Get-TestRequest)[0].body | Should -Be '{"phoneNumbers":["+447700900001","+447700900002"]}'
            (Get-TestNumber '+447700900002').clientEnv | Should -Be 'live'
        }

        It 'an existing number is an error for that number only: N numbers give N outputs and errors' {
            $imported = Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001', '+15550100001', '+447700900002', '+15550200001' -ErrorVariable failures -ErrorAction SilentlyContinue
            $imported.Number | Should -Be @('+447700900001', '+447700900002')
            $failures.TargetObject | Should -Be @('+15550100001', '+15550200001')
            $failures.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'PhoneNumberAlreadyExists,PolyAI.Agents.Commands.ImportPolyAiPhoneNumberCommand'
            (@($imported).Count + $failures.Count) | Should -Be 4
            (Get-TestRequest).Count | Should -Be 1
        }

        It 'under -ErrorAction Stop every number imported is written before the first failure stops the command' {
            $written = [System.Collections.Generic.List[object]]::new()
            $caught = $null
            try { Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+15550100001', '+447700900001', '+447700900002' -ErrorAction Stop | ForEach-Object { $written.Add($_) } }
            catch { $caught = $_ }
            $written.Number | Should -Be @('+447700900001', '+447700900002')
            $caught.FullyQualifiedErrorId | Should -Be 'PhoneNumberAlreadyExists,PolyAI.Agents.Commands.ImportPolyAiPhoneNumberCommand'
        }

        It 'Import-Csv numbers.csv | Import-PolyAiPhoneNumber collects the whole file into one bulk request' {
            $csv = Join-Path $TestDrive 'numbers.csv'
            'Number,Site', '+447700900001,London', '+447700900002,Leeds', '+447700900003,York' | Set-Content -LiteralPath $csv
            $imported = Import-Csv -LiteralPath $csv | Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -ClientEnv sandbox
            $imported.Number | Should -Be @('+447700900001', '+447700900002', '+447700900003')
            (Get-TestRequest -Method POST).Count | Should -Be 1
        }

        It 'takes a PhoneNumber column too, and a ClientEnv column per row (one request per environment)' {
            $csv = Join-Path $TestDrive 'numbers.csv'
            'PhoneNumber,ClientEnv', '+447700900001,sandbox', '+447700900002,live', '+447700900003,sandbox' | Set-Content -LiteralPath $csv
            $imported = Import-Csv -LiteralPath $csv | Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO
            # The bulk and the single request run concurrently (-ThrottleLimit): results come as they finish.
            ($imported | ForEach-Object { '{0}:{1}' -f $_.Number, $_.ClientEnv }) | Sort-Object | Should -Be @('+447700900001:sandbox', '+447700900002:live', '+447700900003:sandbox')
            (Get-TestRequest).rawTarget | Sort-Object | Should -Be @('/v1/agents/PROJECT-DEMO/telephony/phone-numbers', '/v1/agents/PROJECT-DEMO/telephony/phone-numbers/+447700900002')
            (Get-TestNumber '+447700900002').clientEnv | Should -Be 'live'
        }

        It 'takes numbers piped as strings' {
            ('+447700900001', '+447700900002' | Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO).Number | Should -Be @('+447700900001', '+447700900002')
            (Get-TestRequest).Count | Should -Be 1
        }

        It 'a CSV row that is not E.164 is an error for that row, before any request; the other rows are imported' {
            $csv = Join-Path $TestDrive 'numbers.csv'
            'Number', '+447700900001', '07700 900002', '+447700900003' | Set-Content -LiteralPath $csv
            $imported = Import-Csv -LiteralPath $csv | Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -ErrorVariable failures -ErrorAction SilentlyContinue
            $imported.Number | Should -Be @('+447700900001', '+447700900003')
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
            $failures[0].Exception.Message | Should -Match "'07700 900002' is not an E.164 phone number"
            (Get-TestRequest).body | Should -Not -Match '07700'
        }

        It 'refuses a number that is not E.164 given as an argument, before any request' {
            { Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001', '+44 7700 900002' } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.ImportPolyAiPhoneNumberCommand'
            (Get-TestRequest).Count | Should -Be 0
        }

        It 'imports a number given twice once' {
            @(Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001', '+447700900001').Count | Should -Be 1
            (Get-TestRequest)[0].rawTarget | Should -Be '/v1/agents/PROJECT-DEMO/telephony/phone-numbers/+447700900001'
        }

        It 'sends more than 100 numbers in bulk requests of 100' {
            $numbers = 1..150 | ForEach-Object { '+4477009{0:D5}' -f $_ }
            $imported = $numbers | Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -ClientEnv sandbox
            @($imported).Count | Should -Be 150
            $posts = Get-TestRequest -Method POST
            ($posts | ForEach-Object { @(($_.body | ConvertFrom-Json).phoneNumbers).Count }) | Sort-Object | Should -Be @(50, 100)
        }

        It 'a bulk request refused as a whole (403) is one error per number' {
            Import-PolyAiPhoneNumber -AgentId PROJECT-LOCKED -PhoneNumber '+447700900001', '+447700900002' -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.TargetObject | Should -Be @('+447700900001', '+447700900002')
            $failures[0].FullyQualifiedErrorId | Should -Be 'PhoneNumberAccessDenied,PolyAI.Agents.Commands.ImportPolyAiPhoneNumberCommand'
        }
    }

    Describe 'Import-PolyAiPhoneNumber: ShouldProcess' {
        It 'is ConfirmImpact Medium' {
            $attribute = (Get-Command Import-PolyAiPhoneNumber).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $attribute.ConfirmImpact | Should -Be 'Medium'
        }

        It '-WhatIf names each number and its environment and sends nothing' {
            $text = Get-HostOutput { Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001', '+447700900002' -ClientEnv sandbox -WhatIf }
            $text | Should -Match "What if: Import phone number '\+447700900001' into agent 'PROJECT-DEMO' \(sandbox\)\."
            $text | Should -Match "What if: Import phone number '\+447700900002' into agent 'PROJECT-DEMO' \(sandbox\)\."
            (Get-TestRequest).Count | Should -Be 0
            Get-TestNumber '+447700900001' | Should -BeNullOrEmpty
        }

        It '$WhatIfPreference sends nothing' {
            $global:WhatIfPreference = $true
            Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001' | Should -BeNullOrEmpty
            $global:WhatIfPreference = $false
            (Get-TestRequest).Count | Should -Be 0
        }

        It '$ConfirmPreference = Medium prompts; with no one to answer (-NonInteractive) nothing is imported' {
            $result = Invoke-TestPwsh -Script "`$ConfirmPreference = 'Medium'; Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber '+447700900001'"
            $result.Output | Should -Match 'NonInteractive'
            (Get-TestRequest -Method POST).Count | Should -Be 0
        }
    }
}
