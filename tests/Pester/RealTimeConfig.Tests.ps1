BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule

    function Get-VariablePatch { Get-TestRequest -Method PATCH -PathLike '*/real-time-configs/*/variables' }
}

Describe 'Real-time configs (T1-T4)' {
    BeforeEach {
        Initialize-TestCase
        Clear-PolyAiEmulatorRequest -Emulator (Get-TestEmulator) -Confirm:$false
    }
    AfterEach { Reset-TestPreference }
    AfterAll { Disconnect-PolyAi }

    Describe 'Get-PolyAiRealTimeConfig' {
        It 'lists one page per environment with variables and schema as plain values' {
            $pages = Get-PolyAiRealTimeConfig -AgentId PROJECT-DEMO
            $pages | Should -BeOfType ([PolyAI.Agents.RealTimeConfig])
            $pages.ClientEnv | Should -Be @('sandbox', 'pre-release', 'live')
            $pages[2].Variables.openingHours | Should -Be '09:00-17:00'
            $pages[2].Variables.maxQueueMinutes | Should -Be 10
            $pages[2].Schema.properties.transferNumber.pattern | Should -Be '^\+[1-9][0-9]{1,14}$'
            $pages[2].Schema.required | Should -Be @('openingHours', 'transferNumber')
            $pages[2].LastUpdated | Should -BeOfType ([datetimeoffset])
        }

        It 'gets the pages of the environments named (T2, one GET each); an agent piped in works' {
            $pages = Get-PolyAiAgent -AgentId PROJECT-DEMO | Get-PolyAiRealTimeConfig -ClientEnv Live, sandbox
            $pages.ClientEnv | Should -Be @('live', 'sandbox')
            (Get-TestRequest -Method GET -PathLike '*/real-time-configs/*').Count | Should -Be 2
        }

        It 'survives ConvertTo-Json, Export-Csv and Export-Clixml' {
            $page = Get-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv live
            ($page | ConvertTo-Json -Depth 10 | ConvertFrom-Json).Variables.transferNumber | Should -Be '+442071234500'
            ($page | ConvertTo-Csv | ConvertFrom-Csv).Variables | Should -Be '{"openingHours":"09:00-17:00","transferNumber":"+442071234500","maxQueueMinutes":10}'
            $file = Join-Path ([IO.Path]::GetTempPath()) ("polyai-page-{0}.xml" -f [guid]::NewGuid())
            try {
                $page | Export-Clixml -LiteralPath $file
                (Import-Clixml -LiteralPath $file).Variables.openingHours | Should -Be '09:00-17:00'
            }
            finally { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
        }

        It 'refuses an environment that is not one before sending' {
            { Get-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv staging } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.GetPolyAiRealTimeConfigCommand'
            (Get-TestRequest).Count | Should -Be 0
        }

        It 'completes -ClientEnv' {
            $line = 'Get-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv p'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'pre-release'
        }
    }

    Describe 'Set-PolyAiRealTimeConfig' {
        It '-WhatIf lists each variable it changes old -> new and the ones it adds, and sends nothing' {
            $text = Get-HostOutput {
                Set-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv live -Variable ([ordered]@{ openingHours = '08:00-20:00'; holidayMessage = 'Closed on Monday'; maxQueueMinutes = 10 }) -WhatIf
            }
            $text | Should -Match 'What if: Update the live real-time config page of agent ''PROJECT-DEMO'': openingHours "09:00-17:00" -> "08:00-20:00", holidayMessage \(new\) -> "Closed on Monday"\.'
            $text | Should -Not -Match 'maxQueueMinutes'
            (Get-VariablePatch).Count | Should -Be 0
        }

        It 'a value that fails the page''s schema is RealTimeConfigValueInvalid naming the variable, value and rule; no PATCH is sent' {
            Set-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv live -Variable @{ openingHours = '9am to 5pm' } -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'RealTimeConfigValueInvalid,PolyAI.Agents.Commands.SetPolyAiRealTimeConfigCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failures[0].Exception.Message | Should -Match "'openingHours' = `"9am to 5pm`": .+ \(pattern\)"
            $failures[0].Exception.Message | Should -Match 'nothing was sent'
            (Get-VariablePatch).Count | Should -Be 0
            (Get-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv live).Variables.openingHours | Should -Be '09:00-17:00'
        }

        It 'checks every rule of the schema: a number above the maximum and a number given as text' {
            Set-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv live -Variable @{ maxQueueMinutes = 90 } -Force -ErrorVariable high -ErrorAction SilentlyContinue
            $high[0].Exception.Message | Should -Match "'maxQueueMinutes' = 90: .+ \(maximum\)"
            Set-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv live -Variable @{ maxQueueMinutes = '10' } -Force -ErrorVariable text -ErrorAction SilentlyContinue
            $text[0].Exception.Message | Should -Match "'maxQueueMinutes' = `"10`": .+ \(type\)"
            (Get-VariablePatch).Count | Should -Be 0
        }

        It 'sends a good value as a shallow merge (only the names given), and -PassThru writes the page as it now is' {
            $page = Set-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv live -Variable @{ openingHours = '08:00-20:00' } -PassThru -Force
            (Get-VariablePatch)[0].body | Should -Be '{"variables":{"openingHours":"08:00-20:00"}}'
            $page.Variables.openingHours | Should -Be '08:00-20:00'
            $page.Variables.transferNumber | Should -Be '+442071234500'
            (Get-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv sandbox).Variables.openingHours | Should -Be '09:00-17:00'
        }

        It '-SkipValidation sends a failing value; the API refuses it with the same error id' {
            Set-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv live -Variable @{ openingHours = 'late' } -SkipValidation -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            (Get-VariablePatch).Count | Should -Be 1
            (Get-TestRequest -Method GET).Count | Should -Be 0
            $failures[0].FullyQualifiedErrorId | Should -Be 'RealTimeConfigValueInvalid,PolyAI.Agents.Commands.SetPolyAiRealTimeConfigCommand'
        }

        It 'values the page has already are a warning, and nothing is sent' {
            Set-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv live -Variable @{ openingHours = '09:00-17:00'; maxQueueMinutes = 10 } -Force -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings[0] | Should -Match 'values already; nothing was sent'
            (Get-VariablePatch).Count | Should -Be 0
        }

        It 'takes the agent and environment from a piped page' {
            Get-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv sandbox, pre-release | Set-PolyAiRealTimeConfig -Variable @{ holidayMessage = 'Closed for the holiday.' } -Force
            (Get-VariablePatch).rawTarget | Should -Be @('/v1/agents/PROJECT-DEMO/real-time-configs/sandbox/variables', '/v1/agents/PROJECT-DEMO/real-time-configs/pre-release/variables')
        }

        It 'refuses variables that cannot be JSON before reading or sending' {
            Set-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv live -Variable @{ bad = { 'code' } } -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'RealTimeConfigVariableInvalid,PolyAI.Agents.Commands.SetPolyAiRealTimeConfigCommand'
            (Get-TestRequest).Count | Should -Be 0
        }
    }

    Describe 'Set-PolyAiRealTimeConfigSchema' {
        It '-WhatIf says whether today''s variables satisfy the new schema, which do not, and shows its diff' {
            $schema = @{ type = 'object'; properties = @{ maxQueueMinutes = @{ type = 'integer'; maximum = 5 } } }
            $text = Get-HostOutput { Set-PolyAiRealTimeConfigSchema -AgentId PROJECT-DEMO -ClientEnv live -Schema $schema -WhatIf }
            $text | Should -Match "What if: Set the schema of the live real-time config page of agent 'PROJECT-DEMO': Today's variables would NOT satisfy it: 'maxQueueMinutes' = 10: .+ \(maximum\)\. schema: \d+ lines? changed"
            (Get-TestRequest -Method PUT).Count | Should -Be 0

            $text = Get-HostOutput { Set-PolyAiRealTimeConfigSchema -AgentId PROJECT-DEMO -ClientEnv live -Schema '{"type":"object"}' -WhatIf }
            $text | Should -Match "Today's variables satisfy it\."
        }

        It 'sets a schema from a file and -PassThru writes the page' {
            $file = Join-Path ([IO.Path]::GetTempPath()) ("polyai-schema-{0}.json" -f [guid]::NewGuid())
            try {
                '{"type":"object","properties":{"holidayMessage":{"type":"string","maxLength":50}}}' | Set-Content -LiteralPath $file
                $page = Set-PolyAiRealTimeConfigSchema -AgentId PROJECT-DEMO -ClientEnv sandbox -Path $file -PassThru -Force
                $page.Schema.properties.holidayMessage.maxLength | Should -Be 50
                ((Get-TestRequest -Method PUT)[0].body | ConvertFrom-Json).schema.type | Should -Be 'object'
            }
            finally { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
            Set-PolyAiRealTimeConfig -AgentId PROJECT-DEMO -ClientEnv sandbox -Variable @{ holidayMessage = 'x' * 60 } -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].Exception.Message | Should -Match '\(maxLength\)'
        }

        It 'refuses a schema the validator cannot read as RealTimeConfigSchemaInvalid, before sending' {
            Set-PolyAiRealTimeConfigSchema -AgentId PROJECT-DEMO -ClientEnv live -Schema @{ type = 'strin' } -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'RealTimeConfigSchemaInvalid,PolyAI.Agents.Commands.SetPolyAiRealTimeConfigSchemaCommand'
            (Get-TestRequest -Method PUT).Count | Should -Be 0
        }

        It 'with -SkipValidation the API judges the schema (29004 is the same error id)' {
            Set-PolyAiRealTimeConfigSchema -AgentId PROJECT-DEMO -ClientEnv live -Schema @{ type = 'strin' } -SkipValidation -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            (Get-TestRequest -Method PUT).Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'RealTimeConfigSchemaInvalid,PolyAI.Agents.Commands.SetPolyAiRealTimeConfigSchemaCommand'
        }

        It 'warns under -Force when today''s variables fail the new schema' {
            Set-PolyAiRealTimeConfigSchema -AgentId PROJECT-DEMO -ClientEnv live -Schema @{ type = 'object'; required = @('closedToday') } -Force -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings[0] | Should -Match 'do not satisfy the new schema'
            (Get-TestRequest -Method PUT).Count | Should -Be 1
        }
    }
}
