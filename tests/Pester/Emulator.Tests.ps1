BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $emulator = Get-TestEmulator

    function Send-RawRequest {
        # One HTTP/1.1 request over a plain socket, so the method and the target reach the emulator exactly as
        # written (HttpClient would resolve '.' and '..' and could normalise the method).
        param([string] $Method, [string] $Target, [string] $Body, [string] $ApiKey = $emulator.ApiKey)
        $uri = [uri]$emulator.BaseUri
        $client = [System.Net.Sockets.TcpClient]::new($uri.Host, $uri.Port)
        try {
            $stream = $client.GetStream()
            $bytes = [Text.Encoding]::UTF8.GetBytes([string]$Body)
            $head = "$Method $Target HTTP/1.1`r`nHost: $($uri.Authority)`r`nConnection: close`r`nContent-Length: $($bytes.Length)`r`n"
            if ($ApiKey) { $head += "x-api-key: $ApiKey`r`n" }
            if ($Body) { $head += "Content-Type: application/json`r`n" }
            $request = [Text.Encoding]::ASCII.GetBytes("$head`r`n") + $bytes
            $stream.Write($request, 0, $request.Length)
            $text = [IO.StreamReader]::new($stream).ReadToEnd()
        }
        finally {
            $client.Dispose()
        }
        $headerText, $content = $text -split "`r`n`r`n", 2
        $lines = $headerText -split "`r`n"
        $headers = @{}
        foreach ($line in $lines | Select-Object -Skip 1) {
            $name, $value = $line -split ':\s*', 2
            $headers[$name] = $value
        }
        [pscustomobject]@{ Status = [int]($lines[0] -split ' ')[1]; Headers = $headers; Body = $content }
    }
}

Describe 'The emulator: routing from the operation table' {
    BeforeEach { Reset-TestEmulator }

    It 'answers a method the table lacks on a path it fully implements with 405, Allow naming the table''s methods (<Method> <Path>)' -ForEach @(
        @{ Method = 'PUT'; Path = 'connectors/conn-sbx-1'; Allow = 'GET, PATCH, DELETE' }
        @{ Method = 'GET'; Path = 'connectors/batch'; Allow = 'POST, PATCH' }
        @{ Method = 'GET'; Path = 'connectors/lookup'; Allow = 'POST' }
        @{ Method = 'PUT'; Path = 'phone-numbers'; Allow = 'GET, POST, DELETE' }
        @{ Method = 'PUT'; Path = 'phone-numbers/+15550100001'; Allow = 'GET, POST, PATCH, DELETE' }
    ) {
        $response = Send-RawRequest -Method $Method -Target "/v1/agents/PROJECT-DEMO/telephony/$Path"
        $response.Status | Should -Be 405
        $response.Headers['Allow'] | Should -BeExactly $Allow
        ($response.Body | ConvertFrom-Json).error_code | Should -Be 'METHOD_NOT_ALLOWED'
    }

    It 'answers a method the table lacks on an agents or authoring path with 405, Allow naming the table''s methods (<Method> <Target>)' -ForEach @(
        @{ Method = 'PUT'; Target = '/v1/agents'; Allow = 'GET, POST' }
        @{ Method = 'GET'; Target = '/v1/agents/PROJECT-DEMO'; Allow = 'DELETE' }
        @{ Method = 'GET'; Target = '/v1/agents/PROJECT-DEMO/branches/main'; Allow = 'DELETE' }
        @{ Method = 'PUT'; Target = '/v1/agents/PROJECT-DEMO/branches/main/behavior'; Allow = 'GET, PATCH' }
        @{ Method = 'GET'; Target = '/v1/agents/PROJECT-DEMO/branches/main/variants/variant-nyc'; Allow = 'PATCH, DELETE' }
        @{ Method = 'POST'; Target = '/v1/agents/PROJECT-DEMO/real-time-configs/live'; Allow = 'GET' }
        @{ Method = 'POST'; Target = '/v1/agents/PROJECT-DEMO/deployments'; Allow = 'GET' }
        @{ Method = 'PUT'; Target = '/v1/agents/PROJECT-DEMO/deployments/active'; Allow = 'GET' }
        @{ Method = 'GET'; Target = '/v1/agents/PROJECT-DEMO/deployments/publish'; Allow = 'POST' }
        @{ Method = 'GET'; Target = '/v1/agents/PROJECT-DEMO/deployments/dep-seed-sbx/promote'; Allow = 'POST' }
        @{ Method = 'DELETE'; Target = '/v1/agents/PROJECT-DEMO/deployments/dep-seed-sbx/rollback'; Allow = 'POST' }
    ) {
        $response = Send-RawRequest -Method $Method -Target $Target -Body '{}'
        $response.Status | Should -Be 405
        $response.Headers['Allow'] | Should -BeExactly $Allow
        ($response.Body | ConvertFrom-Json).error_code | Should -Be 'METHOD_NOT_ALLOWED'
    }

    It 'answers a method an operation only 1.0.11 has lacks on its path (outbound calls, for Invoke-PolyAiRequest) with 405, Allow naming its methods (<Method> <Target>)' -ForEach @(
        @{ Method = 'GET'; Target = '/v1/agents/PROJECT-DEMO/telephony/outbound-calls'; Allow = 'POST' }
        @{ Method = 'post'; Target = '/v1/agents/PROJECT-DEMO/telephony/outbound-calls'; Allow = 'POST' }
        @{ Method = 'DELETE'; Target = '/v1/agents/PROJECT-DEMO/telephony/outbound-calls/OUT-0001/status'; Allow = 'GET' }
    ) {
        $response = Send-RawRequest -Method $Method -Target $Target -Body '{}'
        $response.Status | Should -Be 405
        $response.Headers['Allow'] | Should -BeExactly $Allow
        ($response.Body | ConvertFrom-Json).error_code | Should -Be 'METHOD_NOT_ALLOWED'
    }

    It 'answers a path no row has with 404 NOT_FOUND, also where the API has operations the emulator lacks (<Target>)' -ForEach @(
        @{ Target = '/v1/agents/PROJECT-DEMO/deployments/dep-seed-sbx' }
        @{ Target = '/v1/agents/PROJECT-DEMO/telephony/outbound-calls/OUT-0001' }
        @{ Target = '/v1/accounts/ws-demo01/agents' }
        @{ Target = '/v1/agents/PROJECT-DEMO/branches/main/nothing' }
        @{ Target = '/v1/agents/PROJECT-DEMO/telephony/connectors/' }
        @{ Target = '/v2/agents' }
    ) {
        $response = Send-RawRequest -Method GET -Target $Target
        $response.Status | Should -Be 404
        ($response.Body | ConvertFrom-Json).error_code | Should -Be 'NOT_FOUND'
    }

    It 'answers raw dot segments with 404, even where resolving them would name a route (<Target>)' -ForEach @(
        @{ Target = '/v1/agents/PROJECT-DEMO/telephony/connectors/./conn-sbx-1' }
        @{ Target = '/v1/agents/PROJECT-DEMO/telephony/phone-numbers/../connectors' }
    ) {
        $response = Send-RawRequest -Method GET -Target $Target
        $response.Status | Should -Be 404
        ($response.Body | ConvertFrom-Json).error_code | Should -Be 'NOT_FOUND'
        Get-TestConnectorIds | Should -Contain 'conn-sbx-1'
    }

    It 'matches methods case-sensitively, as HTTP does: "get" is not GET' {
        $response = Send-RawRequest -Method get -Target '/v1/agents/PROJECT-DEMO/telephony/connectors'
        $response.Status | Should -Be 405
        $response.Headers['Allow'] | Should -BeExactly 'GET'
    }

    It 'answers with the success status of the row: <Method> <Path> is <Status>' -ForEach @(
        @{ Method = 'GET'; Path = 'connectors/conn-sbx-1'; Body = $null; Status = 200 }
        @{ Method = 'POST'; Path = 'phone-numbers/+447700900001'; Body = '{}'; Status = 201 }
        @{ Method = 'POST'; Path = 'phone-numbers'; Body = '{"phoneNumbers":["+447700900002"]}'; Status = 201 }
        @{ Method = 'DELETE'; Path = 'connectors/conn-sbx-2'; Body = $null; Status = 200 }
    ) {
        (Send-RawRequest -Method $Method -Target "/v1/agents/PROJECT-DEMO/telephony/$Path" -Body $Body).Status | Should -Be $Status
    }

    It 'answers with the success status of the row: <Method> <Target> is <Status>' -ForEach @(
        @{ Method = 'POST'; Target = '/v1/agents'; Body = '{"name":"New","responseSettings":{"greeting":"Hi"},"voiceSettings":{"voiceId":"v"}}'; Status = 200 }
        @{ Method = 'POST'; Target = '/v1/agents/PROJECT-DEMO/duplicate'; Body = '{"newAgentName":"Copy"}'; Status = 200 }
        @{ Method = 'DELETE'; Target = '/v1/agents/PROJECT-OTHER'; Body = $null; Status = 204 }
        @{ Method = 'POST'; Target = '/v1/agents/PROJECT-DEMO/branches'; Body = '{"branchName":"x"}'; Status = 201 }
        @{ Method = 'POST'; Target = '/v1/agents/PROJECT-DEMO/branches/main/merge'; Body = $null; Status = 400 }
        @{ Method = 'GET'; Target = '/v1/agents/PROJECT-DEMO/branches/main/knowledge-base/topics/t-hours'; Body = $null; Status = 200 }
        @{ Method = 'GET'; Target = '/v1/agents/PROJECT-DEMO/real-time-configs/sandbox'; Body = $null; Status = 200 }
        @{ Method = 'GET'; Target = '/v1/agents/PROJECT-DEMO/deployments?environment=live'; Body = $null; Status = 200 }
        @{ Method = 'GET'; Target = '/v1/agents/PROJECT-DEMO/deployments/active'; Body = $null; Status = 200 }
        @{ Method = 'POST'; Target = '/v1/agents/PROJECT-OTHER/deployments/publish'; Body = '{}'; Status = 201 }
        @{ Method = 'POST'; Target = '/v1/agents/PROJECT-DEMO/deployments/dep-seed-live/rollback'; Body = '{}'; Status = 200 }
        @{ Method = 'POST'; Target = '/v1/agents/PROJECT-DEMO/telephony/outbound-calls'; Body = '{"toNumber":"+442071230000","environment":"live"}'; Status = 200 }
    ) {
        (Send-RawRequest -Method $Method -Target $Target -Body $Body).Status | Should -Be $Status
    }

    It 'answers K4 and K5 with 204 and no body, and K2, V2 and V6 with 201' {
        $branches = '/v1/agents/PROJECT-DEMO/branches'
        (Send-RawRequest -Method POST -Target $branches -Body '{"branchName":"x"}').Status | Should -Be 201
        $patch = Send-RawRequest -Method PATCH -Target "$branches/br-0001/knowledge-base/topics/t-hours" -Body '{"isActive":false}'
        ($patch.Status, $patch.Body) | Should -Be @(204, '')
        (Send-RawRequest -Method DELETE -Target "$branches/br-0001/knowledge-base/topics/t-promo").Status | Should -Be 204
        (Send-RawRequest -Method POST -Target "$branches/br-0001/knowledge-base/topics" -Body '{"name":"Wifi","content":"Free."}').Status | Should -Be 201
        (Send-RawRequest -Method POST -Target "$branches/br-0001/attributes" -Body '{"name":"floor"}').Status | Should -Be 201
        (Send-RawRequest -Method POST -Target "$branches/br-0001/variants" -Body '{"name":"Paris"}').Status | Should -Be 201
    }
}

Describe 'The emulator: documented platform error codes' {
    BeforeEach {
        Reset-TestEmulator
        Set-PolyAiEmulatorErrorShape -Emulator $emulator -Shape nested
    }

    It 'answers <What> with <Status> <Code> (id <Id>)' -ForEach @(
        @{ What = 'an unknown agent'; Target = '/v1/agents/PROJECT-NOPE/telephony/connectors'; ApiKey = $null; Status = 404; Code = 'PROJECT_NOT_FOUND'; Id = 15001 }
        @{ What = 'a forbidden agent'; Target = '/v1/agents/PROJECT-LOCKED/telephony/connectors'; ApiKey = $null; Status = 403; Code = 'USER_ACCESS_FORBIDDEN'; Id = 2 }
        @{ What = 'a key it does not accept'; Target = '/v1/agents'; ApiKey = 'wrong-key'; Status = 401; Code = 'AUTH_USER_UNAUTHORISED'; Id = 3002 }
        @{ What = 'an unknown connector'; Target = '/v1/agents/PROJECT-DEMO/telephony/connectors/nope'; ApiKey = $null; Status = 404; Code = 'CONNECTORS_NOT_FOUND'; Id = 14100 }
        @{ What = 'an unknown phone number'; Target = '/v1/agents/PROJECT-DEMO/telephony/phone-numbers/+15559999999'; ApiKey = $null; Status = 404; Code = 'PHONE_NUMBERS_NOT_FOUND'; Id = 14006 }
        @{ What = 'an unknown client environment'; Target = '/v1/agents/PROJECT-DEMO/real-time-configs/staging'; ApiKey = $null; Status = 400; Code = 'REAL_TIME_CONFIG_UNKNOWN_CLIENT_ENVIRONMENT'; Id = 29006 }
        @{ What = 'an unknown branch (a code the reference does not list: its id is the status)'; Target = '/v1/agents/PROJECT-DEMO/branches/br-9999/behavior'; ApiKey = $null; Status = 404; Code = 'BRANCH_NOT_FOUND'; Id = 404 }
        @{ What = 'an unknown topic'; Target = '/v1/agents/PROJECT-DEMO/branches/main/knowledge-base/topics/t-none'; ApiKey = $null; Status = 404; Code = 'KNOWLEDGE_BASE_TOPIC_NOT_FOUND'; Id = 404 }
        @{ What = 'a forbidden agent''s config pages'; Target = '/v1/agents/PROJECT-LOCKED/real-time-configs'; ApiKey = $null; Status = 403; Code = 'USER_ACCESS_FORBIDDEN'; Id = 2 }
        @{ What = 'a forbidden agent''s deployments'; Target = '/v1/agents/PROJECT-LOCKED/deployments/active'; ApiKey = $null; Status = 403; Code = 'USER_ACCESS_FORBIDDEN'; Id = 2 }
        @{ What = 'an unknown agent''s deployments'; Target = '/v1/agents/PROJECT-NOPE/deployments?environment=live'; ApiKey = $null; Status = 404; Code = 'PROJECT_NOT_FOUND'; Id = 15001 }
        @{ What = 'deployments without an environment'; Target = '/v1/agents/PROJECT-DEMO/deployments'; ApiKey = $null; Status = 400; Code = 'VALIDATION_ERROR'; Id = 400 }
        @{ What = 'a forbidden agent''s outbound call (1.0.11 only)'; Target = '/v1/agents/PROJECT-LOCKED/telephony/outbound-calls/OUT-0001/status?environment=live'; ApiKey = $null; Status = 403; Code = 'USER_ACCESS_FORBIDDEN'; Id = 2 }
    ) {
        $key = if ($ApiKey) { $ApiKey } else { $emulator.ApiKey }
        $response = Send-RawRequest -Method GET -Target $Target -ApiKey $key
        $response.Status | Should -Be $Status
        $apiError = ($response.Body | ConvertFrom-Json).error
        $apiError.code, $apiError.id | Should -Be @($Code, $Id)
    }

    It 'answers a request without a key with 401 AUTH_USER_UNAUTHORISED' {
        $response = Send-RawRequest -Method GET -Target '/v1/agents' -ApiKey ''
        $response.Status | Should -Be 401
        ($response.Body | ConvertFrom-Json).error.code | Should -Be 'AUTH_USER_UNAUTHORISED'
    }
}
