BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Get-TestEmulator

    function Add-Fault([hashtable] $Rule) { Add-PolyAiEmulatorFault -Emulator $emulator -Rule $Rule | Out-Null }
}

Describe 'Reliability (faults injected by the emulator)' {
    BeforeEach { Reset-TestEmulator }
    AfterAll { Disconnect-PolyAi }

    Describe 'Retries' {
        It 'rides out a 429, waits for Retry-After, and shows the retry in -Verbose' {
            Connect-TestEmulator -MaxRetry 3
            Add-Fault @{ method = 'GET'; pathContains = 'connectors/conn-sbx-1'; status = 429; retryAfter = '1'; times = 1 }

            $output = Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -Verbose 4>&1
            $connector = $output | Where-Object { $_ -is [PolyAI.Agents.Connector] }
            $verbose = $output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

            $connector.ConnectorId | Should -Be 'conn-sbx-1'
            ($verbose.Message -join "`n") | Should -Match 'Retry 1 of 3 in 1\.0 s after 429'
            $requests = Get-TestRequest -Method GET
            $requests.Count | Should -Be 2
            ([datetimeoffset]$requests[1].startedAt - [datetimeoffset]$requests[0].startedAt).TotalMilliseconds | Should -BeGreaterOrEqual 950
        }

        It 'honours Retry-After given as an HTTP date' {
            Connect-TestEmulator -MaxRetry 3
            # 3 s ahead, to the second (the format has no fractions): the client must wait 2 to 3 s.
            $date = [datetimeoffset]::UtcNow.AddSeconds(3).ToString('r', [cultureinfo]::InvariantCulture)
            Add-Fault @{ method = 'GET'; pathContains = 'connectors'; status = 429; retryAfter = $date; times = 1 }
            @(Get-PolyAiConnector -AgentId PROJECT-DEMO).Count | Should -BeGreaterThan 0
            $requests = Get-TestRequest -Method GET
            $requests.Count | Should -Be 2
            ([datetimeoffset]$requests[1].startedAt - [datetimeoffset]$requests[0].startedAt).TotalMilliseconds | Should -BeGreaterOrEqual 1900
        }

        It 'retries a DELETE through a run of 503s and returns the removal record' {
            Connect-TestEmulator -MaxRetry 3
            Add-Fault @{ method = 'DELETE'; pathContains = 'conn-sbx-1'; status = 503; times = 2 }
            $removal = Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -Force
            $removal.DeletedPhoneNumbers | Should -Be @('+15550100001', '+15550100002')
            (Get-TestRequest -Method DELETE).Count | Should -Be 3
        }

        It 'retries a read after a dropped connection' {
            Connect-TestEmulator -MaxRetry 2
            Add-Fault @{ method = 'GET'; pathContains = 'connectors'; drop = $true; times = 1 }
            @(Get-PolyAiConnector -AgentId PROJECT-DEMO).Count | Should -BeGreaterThan 0
            (Get-TestRequest -Method GET).Count | Should -Be 2
        }

        It 'retries the read-only lookup POST through a 502' {
            Connect-TestEmulator -MaxRetry 2
            Add-Fault @{ method = 'POST'; pathContains = 'lookup'; status = 502; times = 1 }
            (Get-PolyAiConnector -AgentId PROJECT-DEMO -PhoneNumber '+15550100003').ConnectorId | Should -Be 'conn-sbx-3'
            (Get-TestRequest -Method POST).Count | Should -Be 2
        }

        It 'gives up after MaxRetry with PolyAiRateLimited (LimitsExceeded)' {
            Connect-TestEmulator -MaxRetry 2
            Add-Fault @{ method = 'GET'; status = 429; retryAfter = '0'; times = 0 }
            Get-PolyAiConnector -AgentId PROJECT-DEMO -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures[0].FullyQualifiedErrorId | Should -Be 'PolyAiRateLimited,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $failures[0].Exception.Message | Should -Match 'after 3 attempts'
            (Get-TestRequest -Method GET).Count | Should -Be 3
        }

        It 'does not wait for a Retry-After beyond the cap, and says how long the API asked for' {
            Connect-TestEmulator -MaxRetry 3
            Add-Fault @{ method = 'GET'; status = 429; retryAfter = '3600'; times = 0 }
            Get-PolyAiConnector -AgentId PROJECT-DEMO -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].Exception.Message | Should -Match 'asked to wait 3600 s'
            (Get-TestRequest -Method GET).Count | Should -Be 1
        }

        It 'reports a DELETE whose lost response was retried into a 404 as ConnectorRemovalUnconfirmed' {
            Connect-TestEmulator -MaxRetry 2
            Add-Fault @{ method = 'DELETE'; pathContains = 'conn-sbx-1'; afterHandler = $true; drop = $true; times = 1 }
            $removal = Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1, conn-sbx-2 -Force -ErrorVariable failures -ErrorAction SilentlyContinue
            $removal.ConnectorId | Should -Be @('conn-sbx-2') -Because 'the other connector is removed as usual'
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorRemovalUnconfirmed,PolyAI.Agents.Commands.RemovePolyAiConnectorCommand'
            $failures[0].TargetObject | Should -Be 'conn-sbx-1'
            $failures[0].Exception.Message | Should -Match 'most likely removed'
            Get-TestConnectorIds | Should -Not -Contain 'conn-sbx-1'
        }
    }

    Describe 'Timeouts and Ctrl+C' {
        It 'ends a hung request with PolyAiTimeout naming the operation and the limit' {
            Connect-TestEmulator -TimeoutSec 1 -MaxRetry 0
            Add-Fault @{ method = 'GET'; delayMs = 5000; times = 0 }
            Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'PolyAiTimeout,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $failures[0].Exception.Message | Should -Match "Get connector 'conn-sbx-1' of agent 'PROJECT-DEMO' did not complete within the 1 s timeout"
        }

        It 'Stop (Ctrl+C) cancels the requests in flight at once and sends no further request' {
            Add-Fault @{ method = 'DELETE'; delayMs = 20000; times = 0 }
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript(@"
Import-Module '$env:POLYAI_TEST_MODULE'
Connect-PolyAi -BaseUri '$($emulator.BaseUri)' -ApiKey '$($emulator.ApiKey)' -MaxRetry 3
Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1, conn-sbx-2, conn-sbx-3, conn-main-live, conn-pre-1 -Force -ThrottleLimit 2
"@)
                $async = $ps.BeginInvoke()
                $deadline = [datetime]::UtcNow.AddSeconds(15)
                while ((Get-TestRequest -Method DELETE).Count -lt 2 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                Start-Sleep -Milliseconds 200
                (Get-TestRequest -Method DELETE).Count | Should -Be 2 -Because 'two DELETEs are in flight (-ThrottleLimit 2)'

                $stopwatch = [Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $stopwatch.Stop()
                $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 5 -Because 'Stop must not wait for the 20 s response'
                $async.IsCompleted | Should -BeTrue
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'

                Start-Sleep -Milliseconds 500
                (Get-TestRequest -Method DELETE).Count | Should -Be 2 -Because 'nothing is sent after Stop'
            }
            finally { $ps.Dispose() }
        }
    }

    Describe 'Errors' {
        It 'maps <Status> to <Id> / <Category>' -ForEach @(
            @{ Status = 400; Id = 'ConnectorInvalidArgument'; Category = 'InvalidArgument' }
            @{ Status = 422; Id = 'ConnectorInvalidArgument'; Category = 'InvalidArgument' }
            @{ Status = 403; Id = 'ConnectorAccessDenied'; Category = 'PermissionDenied' }
            @{ Status = 404; Id = 'ConnectorNotFound'; Category = 'ObjectNotFound' }
            @{ Status = 409; Id = 'ConnectorAlreadyExists'; Category = 'ResourceExists' }
            @{ Status = 429; Id = 'PolyAiRateLimited'; Category = 'LimitsExceeded' }
            @{ Status = 500; Id = 'PolyAiServerError'; Category = 'ConnectionError' }
            @{ Status = 503; Id = 'PolyAiServerError'; Category = 'ConnectionError' }
            @{ Status = 412; Id = 'ConnectorPreconditionFailed'; Category = 'InvalidOperation' }
        ) {
            Connect-TestEmulator -MaxRetry 0
            Add-Fault @{ method = 'GET'; pathContains = 'conn-sbx-1'; status = $Status; times = 0 }
            Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be "$Id,PolyAI.Agents.Commands.GetPolyAiConnectorCommand"
            $failures[0].CategoryInfo.Category | Should -Be $Category
            $failures[0].TargetObject | Should -Be 'conn-sbx-1'
            $failures[0].ErrorDetails.Message | Should -Match "$Status"
        }

        It 'maps the documented API code <Code> (<Status>) to <Id> / <Category>, whatever the operation' -ForEach @(
            @{ Status = 400; Code = 'VARIANTS_REMOVE_DEFAULT_ERROR'; Id = 'DefaultVariantNotRemovable'; Category = 'InvalidOperation' }
            @{ Status = 409; Code = 'DEPLOYMENTS_ALREADY_PUBLISHED'; Id = 'DeploymentAlreadyPublished'; Category = 'ResourceExists' }
            @{ Status = 412; Code = 'ErrPreReleaseNotReady'; Id = 'DeploymentPreReleaseNotReady'; Category = 'InvalidOperation' }
            @{ Status = 409; Code = 'KNOWLEDGE_BASE_TOPIC_ALREADY_EXISTS'; Id = 'KnowledgeTopicAlreadyExists'; Category = 'ResourceExists' }
            @{ Status = 400; Code = 'REAL_TIME_CONFIG_INVALID_FOR_SCHEMA'; Id = 'RealTimeConfigValueInvalid'; Category = 'InvalidArgument' }
        ) {
            Connect-TestEmulator -MaxRetry 0
            $body = @{ success = $false; error = 'x'; error_id = 'corr-1'; error_code = $Code; error_message = 'the API says no'; data = $null } | ConvertTo-Json -Compress
            Add-Fault @{ method = 'GET'; pathContains = 'conn-sbx-1'; status = $Status; body = $body; times = 0 }
            Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be "$Id,PolyAI.Agents.Commands.GetPolyAiConnectorCommand"
            $failures[0].CategoryInfo.Category | Should -Be $Category
            $failures[0].ErrorDetails.Message | Should -Match "the API says no \[$Code\]"
            $failures[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        }

        It 'writes a 2xx that says nothing changed as a warning, not as an error' {
            Connect-TestEmulator -MaxRetry 0
            $body = @{ success = $false; error = 'OK'; error_id = 'corr-2'; error_code = 'DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED'; error_message = 'the environment already runs this version'; data = $null } | ConvertTo-Json -Compress
            Add-Fault @{ method = 'POST'; pathContains = 'phone-numbers/+447700900001'; status = 200; body = $body; times = 1 }
            $output = Import-PolyAiPhoneNumber -AgentId PROJECT-DEMO -PhoneNumber +447700900001 -Confirm:$false -ErrorVariable failures -WarningVariable warnings -WarningAction SilentlyContinue
            $output | Should -BeNullOrEmpty
            $failures.Count | Should -Be 0
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Match "changed nothing: the environment already runs this version \[DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED\]"
        }

        It 'maps a dropped connection to PolyAiConnectionFailed' {
            Connect-TestEmulator -MaxRetry 0
            Add-Fault @{ method = 'GET'; drop = $true; times = 0 }
            Get-PolyAiConnector -AgentId PROJECT-DEMO -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'PolyAiConnectionFailed,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        }

        It 'turns an HTML error page from a proxy into a short clean excerpt' {
            Connect-TestEmulator -MaxRetry 0
            $html = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style><script>var x=1;</script></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>'
            Add-Fault @{ method = 'GET'; status = 502; contentType = 'text/html'; body = $html; times = 0 }
            Get-PolyAiConnector -AgentId PROJECT-DEMO -ErrorVariable failures -ErrorAction SilentlyContinue
            $message = $failures[0].ErrorDetails.Message
            $message | Should -Match '502 Bad Gateway 502 Bad Gateway nginx'
            $message | Should -Not -Match '<|color:red|var x'
            $failures[0].FullyQualifiedErrorId | Should -Be 'PolyAiServerError,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
        }

        It 'treats a truncated 2xx body as PolyAiInvalidResponse, never as a half-filled object' {
            Connect-TestEmulator -MaxRetry 0
            Add-Fault @{ method = 'GET'; truncate = $true; times = 0 }
            $output = Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId conn-sbx-1 -ErrorVariable failures -ErrorAction SilentlyContinue
            $output | Should -BeNullOrEmpty
            $failures[0].FullyQualifiedErrorId | Should -Be 'PolyAiInvalidResponse,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        }

        It 'streams a truncated list: only whole objects, then PolyAiInvalidResponse' {
            Connect-TestEmulator -MaxRetry 0
            Add-Fault @{ method = 'GET'; pathContains = 'telephony/connectors'; truncate = $true; times = 0 }
            $output = @(Get-PolyAiConnector -AgentId PROJECT-DEMO -ErrorVariable failures -ErrorAction SilentlyContinue)
            $output.Count | Should -BeLessThan 6
            foreach ($connector in $output) {
                $connector | Should -BeOfType ([PolyAI.Agents.Connector])
                $connector.VoiceName | Should -Not -BeNullOrEmpty
            }
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'PolyAiInvalidResponse,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            $failures[0].Exception.Message | Should -Match 'not the documented JSON'
        }
    }

    Describe 'Input' {
        It 'sends the id <Id> as one escaped segment of the intended resource' -ForEach @(
            @{ Id = '../../agents/x'; Raw = '..%2F..%2Fagents%2Fx' }
            @{ Id = 'a/b'; Raw = 'a%2Fb' }
            @{ Id = 'a?b'; Raw = 'a%3Fb' }
            @{ Id = 'a#b'; Raw = 'a%23b' }
            @{ Id = '%2F'; Raw = '%252F' }
        ) {
            Connect-TestEmulator
            Get-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId $Id -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectorNotFound,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            $request = (Get-TestRequest -Method GET)[0]
            $request.rawTarget | Should -BeExactly "/v1/agents/PROJECT-DEMO/telephony/connectors/$Raw"
            $request.segments[-1] | Should -BeExactly $Id
            $request.segments.Count | Should -Be 6
        }

        It "refuses the ids '.' and '..' before any request (URI normalization would address the parent)" {
            Connect-TestEmulator
            { Remove-PolyAiConnector -AgentId PROJECT-DEMO -ConnectorId '..' -Force } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.RemovePolyAiConnectorCommand'
            { Get-PolyAiConnector -AgentId '.' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PolyAI.Agents.Commands.GetPolyAiConnectorCommand'
            (Get-TestRequest).Count | Should -Be 0
        }
    }

    Describe 'Nothing lost in bulk' {
        It 'gives exactly one result or one error per input when faults strike in the middle' {
            Connect-TestEmulator -MaxRetry 1
            New-PolyAiEmulatorData -Emulator $emulator -AgentId PROJECT-BULK -Connectors 20 -NumbersPerConnector 1 | Out-Null
            Add-Fault @{ method = 'DELETE'; pathContains = 'gen-conn-00005'; status = 500; times = 0 }
            Add-Fault @{ method = 'DELETE'; pathContains = 'gen-conn-00010'; drop = $true; times = 0 }
            Add-Fault @{ method = 'DELETE'; pathContains = 'gen-conn-00015'; status = 503; times = 1 }
            $ids = Get-TestConnectorIds -AgentId PROJECT-BULK
            $ids.Count | Should -Be 20

            $removals = @($ids | ForEach-Object { [pscustomobject]@{ AgentId = 'PROJECT-BULK'; ConnectorId = $_ } } |
                    Remove-PolyAiConnector -Force -ErrorVariable failures -ErrorAction SilentlyContinue)

            ($removals.Count + $failures.Count) | Should -Be 20
            $removals.Count | Should -Be 18 -Because 'the 503 is ridden out by the retry'
            $failures.TargetObject | Sort-Object | Should -Be @('gen-conn-00005', 'gen-conn-00010')
            $removals.ConnectorId | Should -Not -Contain 'gen-conn-00005'
        }
    }
}
