# The two operations only the 1.0.11 contract has that the emulator serves for Invoke-PolyAiRequest (outbound calls),
# over plain HTTP: the shapes of contract/agents-api-1.0.11.openapi.json, the status sequence, the 400 and 404 rules,
# and that routing (405 with Allow, 404), agent access, fault injection, the request log and reset apply to them as to
# the table's routes.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $emulator = Get-TestEmulator
    $calls = '/v1/agents/PROJECT-DEMO/telephony/outbound-calls'

    function Invoke-Api([string] $Method, [string] $Path, $Body) { Invoke-EmulatorApi -Method $Method -Path $Path -Body $Body }

    function New-Call([string] $Environment = 'live', [string] $AgentId = 'PROJECT-DEMO') {
        Invoke-Api POST "/v1/agents/$AgentId/telephony/outbound-calls" @{ toNumber = '+442071230000'; environment = $Environment }
    }

    function Get-CallStatus([string] $CallSid, [string] $Environment = 'live') {
        Invoke-Api GET "$calls/$CallSid/status?environment=$Environment"
    }
}

Describe 'The emulator: outbound calls (1.0.11 only, for Invoke-PolyAiRequest)' {
    BeforeEach { Reset-TestEmulator }

    Context 'shapes and the status sequence' {
        It 'queues a call: 200 {"callSid":"OUT-0001","status":"QUEUED"}, then OUT-0002' {
            $first = New-Call
            $first.Status | Should -Be 200
            $first.Text | Should -Be '{"callSid":"OUT-0001","status":"QUEUED"}'
            (New-Call pre-release).Json.callSid | Should -Be 'OUT-0002'
        }

        It 'takes every property of InitiateOutboundCallBody' {
            $body = @{ toNumber = '+442071230000'; environment = 'live'; countryCode = 'GB'; variantId = 'variant-london'; encryption = 'tls_srtp'; metadata = @{ customer = 'Paul Smith'; date = '2026-08-26' } }
            (Invoke-Api POST $calls $body).Status | Should -Be 200
        }

        It 'answers QUEUED on the first read, then CALLING, then SUCCESS from the third on, with an empty reason' {
            $callSid = (New-Call).Json.callSid
            $statuses = 1..4 | ForEach-Object { (Get-CallStatus $callSid).Json }
            $statuses.status | Should -Be @('QUEUED', 'CALLING', 'SUCCESS', 'SUCCESS')
            $statuses[0].PSObject.Properties.Name | Should -Be @('callSid', 'status', 'reason')
            $statuses.callSid | Select-Object -Unique | Should -Be $callSid
            $statuses.reason | Select-Object -Unique | Should -Be ''
        }

        It 'keeps each call''s sequence apart' {
            $one = (New-Call).Json.callSid
            $two = (New-Call).Json.callSid
            $null = Get-CallStatus $one
            (Get-CallStatus $one).Json.status | Should -Be 'CALLING'
            (Get-CallStatus $two).Json.status | Should -Be 'QUEUED'
        }

        It 'shows the calls in the control API''s state' {
            $null = New-Call
            $state = Get-PolyAiEmulatorState -Emulator $emulator
            ($state.agents | Where-Object agentId -EQ 'PROJECT-DEMO').outboundCalls.callSid | Should -Be 'OUT-0001'
        }
    }

    Context 'the 400 and 404 rules' {
        It 'answers a body the schema refuses with 400 VALIDATION_ERROR naming the field (<What>)' -ForEach @(
            @{ What = 'no body'; Body = $null; Field = 'body' }
            @{ What = 'no toNumber'; Body = '{"environment":"live"}'; Field = 'toNumber' }
            @{ What = 'a toNumber that is not E.164'; Body = '{"toNumber":"02071230000","environment":"live"}'; Field = 'toNumber' }
            @{ What = 'no environment'; Body = '{"toNumber":"+442071230000"}'; Field = 'environment' }
            @{ What = 'an unknown environment'; Body = '{"toNumber":"+442071230000","environment":"prod"}'; Field = 'environment' }
            @{ What = 'another property'; Body = '{"toNumber":"+442071230000","environment":"live","fromNumber":"+15550100001"}'; Field = 'fromNumber' }
            @{ What = 'metadata that is not strings'; Body = '{"toNumber":"+442071230000","environment":"live","metadata":{"visits":3}}'; Field = 'metadata.visits' }
        ) {
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape validation
            $response = Invoke-Api POST $calls $Body
            $response.Status | Should -Be 400
            $response.Json.errors[0].field | Should -Be $Field
            (Get-PolyAiEmulatorState -Emulator $emulator).agents[0].outboundCalls | Should -BeNullOrEmpty
        }

        It 'answers an agent with no connector in the environment with 404 CONNECTORS_NOT_FOUND (14100) (<AgentId> <Environment>, <Seed> seed)' -ForEach @(
            @{ AgentId = 'PROJECT-OTHER'; Environment = 'pre-release'; Seed = 'demo' }
            @{ AgentId = 'PROJECT-DEMO'; Environment = 'sandbox'; Seed = 'empty' }
        ) {
            Reset-TestEmulator -Seed $Seed
            Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
            $response = New-Call $Environment $AgentId
            ($response.Status, $response.Json.error.code, $response.Json.error.id) | Should -Be @(404, 'CONNECTORS_NOT_FOUND', 14100)
        }

        It 'answers 404 once the environment''s last connector is gone' {
            foreach ($connector in 'conn-pre-1') { (Invoke-Api DELETE "/v1/agents/PROJECT-DEMO/telephony/connectors/$connector").Status | Should -Be 200 }
            (New-Call pre-release).Status | Should -Be 404
            (New-Call live).Status | Should -Be 200
        }

        It 'answers a status read for an unknown call, another environment or none with 400 VALIDATION_ERROR (<What>)' -ForEach @(
            @{ What = 'an unknown call'; Query = 'OUT-9999/status?environment=live' }
            @{ What = 'another environment'; Query = 'OUT-0001/status?environment=sandbox' }
            @{ What = 'no environment'; Query = 'OUT-0001/status' }
            @{ What = 'an unknown environment'; Query = 'OUT-0001/status?environment=prod' }
        ) {
            $null = New-Call live
            $response = Invoke-Api GET "$calls/$Query"
            ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
            (Get-CallStatus OUT-0001).Json.status | Should -Be 'QUEUED' -Because 'a refused read does not move the call on'
        }

        It 'does not show one agent''s call to another' {
            $null = New-Call live
            $response = Invoke-Api GET '/v1/agents/PROJECT-OTHER/telephony/outbound-calls/OUT-0001/status?environment=live'
            ($response.Status, $response.Json.error_code) | Should -Be @(400, 'VALIDATION_ERROR')
        }

        It 'answers an unknown agent with 404 PROJECT_NOT_FOUND and a forbidden one with 403 (<AgentId>)' -ForEach @(
            @{ AgentId = 'PROJECT-NOPE'; Status = 404; Code = 'PROJECT_NOT_FOUND' }
            @{ AgentId = 'PROJECT-LOCKED'; Status = 403; Code = 'USER_ACCESS_FORBIDDEN' }
        ) {
            $response = New-Call live $AgentId
            ($response.Status, $response.Json.error_code) | Should -Be @($Status, $Code)
            $read = Invoke-Api GET "/v1/agents/$AgentId/telephony/outbound-calls/OUT-0001/status?environment=live"
            ($read.Status, $read.Json.error_code) | Should -Be @($Status, $Code)
        }
    }

    Context 'routing, faults, the request log and reset: as for every route' {
        It 'answers a method the 1.0.11 contract lacks on the path with 405 and Allow (<Method> <Path>)' -ForEach @(
            @{ Method = 'GET'; Path = ''; Allow = 'POST' }
            @{ Method = 'DELETE'; Path = '/OUT-0001/status'; Allow = 'GET' }
        ) {
            $response = Invoke-Api $Method "$calls$Path"
            ($response.Status, $response.Json.error_code) | Should -Be @(405, 'METHOD_NOT_ALLOWED')
            $response.Headers['Allow'] | Should -Be $Allow
        }

        It 'answers a path neither contract has with 404 NOT_FOUND' {
            (Invoke-Api GET "$calls/OUT-0001").Json.error_code | Should -Be 'NOT_FOUND'
            (Invoke-Api GET "$calls/OUT-0001/status/x").Json.error_code | Should -Be 'NOT_FOUND'
        }

        It 'applies fault rules and logs every request, the body included' {
            Clear-PolyAiEmulatorRequest -Emulator $emulator -Confirm:$false
            $null = Add-PolyAiEmulatorFault -Emulator $emulator -Rule @{ name = 'calls-down'; method = 'POST'; pathContains = 'outbound-calls'; status = 502; times = 1 } -Confirm:$false
            (New-Call).Status | Should -Be 502
            $second = New-Call
            ($second.Status, $second.Json.callSid) | Should -Be @(200, 'OUT-0001') -Because 'the fault answered before the handler ran'
            $log = @(Get-PolyAiEmulatorRequest -Emulator $emulator)
            $log.status | Should -Be @(502, 200)
            $log.faultApplied | Should -Be @('calls-down', $null)
            ($log[1].body | ConvertFrom-Json).toNumber | Should -Be '+442071230000'
            $log[1].path | Should -Be $calls
        }

        It 'makes the call and loses the answer under an afterHandler fault (a POST must not be repeated)' {
            $null = Add-PolyAiEmulatorFault -Emulator $emulator -Rule @{ method = 'POST'; pathContains = 'outbound-calls'; afterHandler = $true; times = 1 } -Confirm:$false
            { Invoke-WebRequest -Method POST -Uri "$($emulator.BaseUri)$calls" -Headers @{ 'x-api-key' = $emulator.ApiKey } -ContentType 'application/json' -Body '{"toNumber":"+442071230000","environment":"live"}' } | Should -Throw
            (New-Call).Json.callSid | Should -Be 'OUT-0002'
        }

        It 'restarts the counter and forgets the calls on reset' {
            $null = New-Call
            $null = New-Call
            Reset-TestEmulator
            (Get-CallStatus OUT-0002).Status | Should -Be 400
            (New-Call).Json.callSid | Should -Be 'OUT-0001'
        }
    }
}
