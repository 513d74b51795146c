# The emulator's real-time config pages (T1-T4) over plain HTTP: seeds, shapes, unknown environments, the schema
# check of T3 and the merge-then-validate of T4 (a failure changes nothing). The cmdlets for them are written
# separately, so these hold the emulator to its spec on its own.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $emulator = Get-TestEmulator
    $pages = '/v1/agents/PROJECT-DEMO/real-time-configs'

    # Dates stay text: the timestamps are compared as the API wrote them.
    function Invoke-Api([string] $Method, [string] $Path, $Body) { Invoke-EmulatorApi -Method $Method -Path $Path -Body $Body -DatesAsText }

    function Get-Page([string] $ClientEnv = 'live') { (Invoke-Api GET "$pages/$ClientEnv").Json }

    $demoVariables = '{"openingHours":"09:00-17:00","transferNumber":"+442071234500","maxQueueMinutes":10}'
}

Describe 'The emulator: real-time config pages (T1-T4)' {
    BeforeEach { Reset-TestEmulator }

    Context 'seeds and shapes' {
        It 'lists one page per environment, sandbox, pre-release, live, each with the seeded schema and variables (<Seed> seed)' -ForEach @(@{ Seed = 'demo' }, @{ Seed = 'empty' }) {
            Reset-TestEmulator -Seed $Seed
            $list = Invoke-Api GET $pages
            $list.Status | Should -Be 200
            $list.Json.PSObject.Properties.Name | Should -Be 'configPages'
            $list.Json.configPages.clientEnv | Should -Be @('sandbox', 'pre-release', 'live')
            foreach ($page in $list.Json.configPages) {
                $page.PSObject.Properties.Name | Should -Be @('clientEnv', 'variables', 'schema', 'lastUpdated')
                $page.lastUpdated | Should -Be '2026-11-30T09:00:00Z'
                ConvertTo-Json $page.variables -Compress | Should -Be $demoVariables
                $page.schema.'$schema' | Should -Be 'http://json-schema.org/draft-07/schema#'
                $page.schema.required | Should -Be @('openingHours', 'transferNumber')
                $page.schema.properties.transferNumber.pattern | Should -Be '^\+[1-9][0-9]{1,14}$'
                $page.schema.properties.maxQueueMinutes.maximum | Should -Be 60
            }
        }

        It 'gives PROJECT-OTHER open pages with no variables' {
            $page = (Invoke-Api GET '/v1/agents/PROJECT-OTHER/real-time-configs/sandbox').Text
            $page | Should -Be '{"clientEnv":"sandbox","variables":{},"schema":{"type":"object"},"lastUpdated":"2026-11-30T09:00:00Z"}'
        }

        It 'gets one page by environment (T2)' {
            $page = Invoke-Api GET "$pages/pre-release"
            $page.Status | Should -Be 200
            $page.Json.clientEnv | Should -Be 'pre-release'
        }

        It 'answers an environment that is not sandbox, pre-release or live with 400 REAL_TIME_CONFIG_UNKNOWN_CLIENT_ENVIRONMENT (29006) (<Method> <Path>)' -ForEach @(
            @{ Method = 'GET'; Path = 'staging'; Body = $null }
            @{ Method = 'GET'; Path = 'LIVE'; Body = $null }
            @{ Method = 'PUT'; Path = 'prod/schema'; Body = @{ schema = @{ type = 'object' } } }
            @{ Method = 'PATCH'; Path = 'dev/variables'; Body = @{ variables = @{ openingHours = '09:00-17:00' } } }
        ) {
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
            $response = Invoke-Api $Method "$pages/$Path" $Body
            ($response.Status, $response.Json.error.code, $response.Json.error.id) | Should -Be @(400, 'REAL_TIME_CONFIG_UNKNOWN_CLIENT_ENVIRONMENT', 29006)
        }

        It 'answers an unknown agent with 404 PROJECT_NOT_FOUND and a forbidden one with 403 (<Target>)' -ForEach @(
            @{ Target = '/v1/agents/PROJECT-NOPE/real-time-configs'; Status = 404; Code = 'PROJECT_NOT_FOUND' }
            @{ Target = '/v1/agents/PROJECT-LOCKED/real-time-configs/live'; Status = 403; Code = 'USER_ACCESS_FORBIDDEN' }
        ) {
            $response = Invoke-Api GET $Target
            ($response.Status, $response.Json.error_code) | Should -Be @($Status, $Code)
        }

        It 'gives a new agent open pages' {
            $created = Invoke-Api POST '/v1/agents' @{ name = 'Clinic'; responseSettings = @{ greeting = 'Hello' }; voiceSettings = @{ voiceId = 'v' } }
            $list = (Invoke-Api GET "/v1/agents/$($created.Json.agentId)/real-time-configs").Json.configPages
            $list.clientEnv | Should -Be @('sandbox', 'pre-release', 'live')
            ConvertTo-Json $list[0].schema -Compress | Should -Be '{"type":"object"}'
        }
    }

    Context 'T4: variables' {
        It 'merges the variables given shallowly (replacing or adding each name), updates lastUpdated, and answers the page' {
            $response = Invoke-Api PATCH "$pages/live/variables" @{ variables = @{ openingHours = '08:00-20:00'; holidayMessage = 'Closed on 25 December.' } }
            $response.Status | Should -Be 200
            $response.Json.clientEnv | Should -Be 'live'
            ($response.Json.variables.openingHours, $response.Json.variables.holidayMessage, $response.Json.variables.transferNumber, $response.Json.variables.maxQueueMinutes) |
                Should -Be @('08:00-20:00', 'Closed on 25 December.', '+442071234500', 10)
            [datetime]::Parse($response.Json.lastUpdated).ToUniversalTime() | Should -BeGreaterThan ([datetime]::UtcNow.AddMinutes(-5))
            (Get-Page live).variables.holidayMessage | Should -Be 'Closed on 25 December.'
            ConvertTo-Json (Get-Page sandbox).variables -Compress | Should -Be $demoVariables -Because 'each environment is its own page'
        }

        It 'refuses variables the merged result breaks the schema with, with 400 REAL_TIME_CONFIG_INVALID_FOR_SCHEMA (29002) naming the variable, and changes nothing (<What>)' -ForEach @(
            @{ What = 'a pattern'; Variables = @{ holidayMessage = 'Closed.'; openingHours = '9-5' }; Variable = 'openingHours' }
            @{ What = 'a maximum'; Variables = @{ holidayMessage = 'Closed.'; maxQueueMinutes = 61 }; Variable = 'maxQueueMinutes' }
            @{ What = 'a minimum'; Variables = @{ maxQueueMinutes = -1 }; Variable = 'maxQueueMinutes' }
            @{ What = 'an integer type'; Variables = @{ maxQueueMinutes = 2.5 }; Variable = 'maxQueueMinutes' }
            @{ What = 'a string type'; Variables = @{ transferNumber = 442071234500 }; Variable = 'transferNumber' }
            @{ What = 'a maxLength'; Variables = @{ holidayMessage = ('x' * 201) }; Variable = 'holidayMessage' }
            @{ What = 'a required variable set to null'; Variables = @{ transferNumber = $null }; Variable = 'transferNumber' }
        ) {
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape validation
            $before = (Invoke-Api GET "$pages/live").Text
            $response = Invoke-Api PATCH "$pages/live/variables" @{ variables = $Variables }
            $response.Status | Should -Be 400
            $response.Json.errors[0].field | Should -Be $Variable
            $response.Json.errors[0].message | Should -Match "'$Variable'"
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
            ($again = Invoke-Api PATCH "$pages/live/variables" @{ variables = $Variables }).Json.error.code | Should -Be 'REAL_TIME_CONFIG_INVALID_FOR_SCHEMA'
            $again.Json.error.id | Should -Be 29002
            (Invoke-Api GET "$pages/live").Text | Should -Be $before -Because 'a failed update changes nothing, not even lastUpdated'
        }

        It 'validates against the page''s current schema: required, enum, additionalProperties false and one level of nesting' {
            $other = '/v1/agents/PROJECT-OTHER/real-time-configs/sandbox' # no variables yet
            $schema = @{
                type                 = 'object'
                required             = @('mode', 'hours')
                additionalProperties = $false
                properties           = @{
                    mode   = @{ enum = @('open', 'closed') }
                    note   = @{ type = @('string', 'null'); minLength = 2 }
                    hours  = @{ type = 'object'; required = @('open'); additionalProperties = $false; properties = @{ open = @{ type = 'string'; pattern = '^\d{2}:\d{2}$' }; late = @{ type = 'boolean' } } }
                }
            }
            (Invoke-Api PUT "$other/schema" @{ schema = $schema }).Status | Should -Be 200
            $cases = @(
                @{ Variables = @{ mode = 'open'; hours = @{ open = '09:00' } }; Status = 200 }
                @{ Variables = @{ mode = 'maybe' }; Status = 400; Field = 'mode' }
                @{ Variables = @{ extra = 1 }; Status = 400; Field = 'extra' }
                @{ Variables = @{ note = 'x' }; Status = 400; Field = 'note' }
                @{ Variables = @{ note = $null; hours = @{ open = '9am' } }; Status = 400; Field = 'hours' }
                @{ Variables = @{ hours = @{ open = '10:00'; late = 'yes' } }; Status = 400; Field = 'hours' }
                @{ Variables = @{ hours = @{ open = '10:00'; other = 1 } }; Status = 400; Field = 'hours' }
                @{ Variables = @{ hours = @{ late = $true } }; Status = 400; Field = 'hours' }
                @{ Variables = @{ note = $null; hours = @{ open = '10:00'; late = $true } }; Status = 200 }
            )
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape validation
            foreach ($case in $cases) {
                $response = Invoke-Api PATCH "$other/variables" @{ variables = $case.Variables }
                $response.Status | Should -Be $case.Status -Because (ConvertTo-Json $case.Variables -Compress)
                if ($case.Field) { $response.Json.errors[0].field | Should -Be $case.Field -Because (ConvertTo-Json $case.Variables -Compress) }
            }
        }

        It 'refuses a missing required variable at the top level, naming it' {
            (Invoke-Api PUT "$pages/live/schema" @{ schema = @{ type = 'object'; required = @('openingHours', 'closingNote') } }).Status | Should -Be 200
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape validation
            $response = Invoke-Api PATCH "$pages/live/variables" @{ variables = @{ holidayMessage = 'x' } }
            $response.Status | Should -Be 400
            $response.Json.errors[0].field | Should -Be 'closingNote'
        }

        It 'refuses a body the schema refuses with 400 VALIDATION_ERROR (<Body>)' -ForEach @(
            @{ Body = '{}' }
            @{ Body = '{"variables":[]}' }
            @{ Body = '{"variables":"x"}' }
            @{ Body = '{"variables":{},"clientEnv":"live"}' }
        ) {
            $response = Invoke-Api PATCH "$pages/live/variables" $Body
            ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
        }
    }

    Context 'T3: schema' {
        It 'replaces the schema (200, the page), leaves the variables as they are and updates lastUpdated' {
            $response = Invoke-Api PUT "$pages/pre-release/schema" @{ schema = [ordered]@{ type = 'object'; properties = @{ openingHours = @{ type = 'string' } } } }
            $response.Status | Should -Be 200
            ConvertTo-Json $response.Json.schema -Compress -Depth 5 | Should -Be '{"type":"object","properties":{"openingHours":{"type":"string"}}}'
            ConvertTo-Json $response.Json.variables -Compress | Should -Be $demoVariables
            $response.Json.lastUpdated | Should -Not -Be '2026-11-30T09:00:00Z'
            ConvertTo-Json (Get-Page pre-release).schema -Compress -Depth 5 | Should -Be '{"type":"object","properties":{"openingHours":{"type":"string"}}}'
            (Get-Page live).schema.required | Should -Be @('openingHours', 'transferNumber')
        }

        It 'refuses a schema that is not a draft-7 schema with 400 REAL_TIME_CONFIG_INVALID_SCHEMA (29004), and keeps the old one (<What>)' -ForEach @(
            @{ What = 'an unknown type name'; Schema = '{"type":"strnig"}' }
            @{ What = 'a type that is not a name'; Schema = '{"type":5}' }
            @{ What = 'a nested unknown type'; Schema = '{"type":"object","properties":{"a":{"type":"text"}}}' }
            @{ What = 'a minimum that is not a number'; Schema = '{"properties":{"a":{"minimum":"0"}}}' }
            @{ What = 'a maxLength that is negative'; Schema = '{"properties":{"a":{"maxLength":-1}}}' }
            @{ What = 'required that is not an array'; Schema = '{"required":"a"}' }
            @{ What = 'required with a number'; Schema = '{"required":["a",1]}' }
            @{ What = 'a pattern that is not a regular expression'; Schema = '{"properties":{"a":{"pattern":"(["}}}' }
            @{ What = 'properties that are not schemas'; Schema = '{"properties":{"a":"string"}}' }
            @{ What = 'an empty enum'; Schema = '{"enum":[]}' }
            @{ What = 'items that are not a schema'; Schema = '{"items":7}' }
            @{ What = 'additionalProperties that is not a schema'; Schema = '{"additionalProperties":"no"}' }
        ) {
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
            $before = (Invoke-Api GET "$pages/live").Text
            $response = Invoke-Api PUT "$pages/live/schema" "{`"schema`":$Schema}"
            ($response.Status, $response.Json.error.code, $response.Json.error.id) | Should -Be @(400, 'REAL_TIME_CONFIG_INVALID_SCHEMA', 29004)
            (Invoke-Api GET "$pages/live").Text | Should -Be $before
        }

        It 'refuses a body the schema refuses with 400 VALIDATION_ERROR (<Body>)' -ForEach @(
            @{ Body = '{}' }
            @{ Body = '{"schema":"object"}' }
            @{ Body = '{"schema":{"type":"object"},"variables":{}}' }
        ) {
            $response = Invoke-Api PUT "$pages/live/schema" $Body
            ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
        }

        It 'validates later variables against the new schema' {
            (Invoke-Api PUT "$pages/live/schema" @{ schema = @{ type = 'object'; properties = @{ maxQueueMinutes = @{ type = 'integer'; maximum = 5 } } } }).Status | Should -Be 200
            (Invoke-Api PATCH "$pages/live/variables" @{ variables = @{ openingHours = 'whenever' } }).Status | Should -Be 400 -Because 'the merged variables keep maxQueueMinutes 10, now above the maximum'
            (Invoke-Api PATCH "$pages/live/variables" @{ variables = @{ openingHours = 'whenever'; maxQueueMinutes = 5 } }).Status | Should -Be 200
        }
    }
}
