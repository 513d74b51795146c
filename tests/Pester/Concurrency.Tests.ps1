# -ThrottleLimit: requests run concurrently up to the limit, ShouldProcess stays on the pipeline thread in input
# order, every input ends as exactly one result or one error, progress is rate-limited and can be silenced.
# Overlap is read from the emulator's request log (when each request started and how long it took), not timed.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-TestModule
    $emulator = Get-TestEmulator

    function Get-MaxOverlap([string] $Method = 'DELETE') {
        $intervals = foreach ($request in (Get-TestRequest -Method $Method)) {
            $start = ([datetimeoffset]$request.startedAt).ToUnixTimeMilliseconds()
            # The server logs a request as ended a moment after its response has left, when the client may
            # already have started the next one in that slot: trim the end so a handover is not an overlap.
            [pscustomobject]@{ Start = $start; End = $start + [double]$request.durationMs - 10 }
        }
        $max = 0
        foreach ($interval in $intervals) {
            $overlap = @($intervals | Where-Object { $_.Start -le $interval.Start -and $_.End -gt $interval.Start }).Count
            if ($overlap -gt $max) { $max = $overlap }
        }
        $max
    }

    function New-BulkAgent([int] $Count) {
        New-PolyAiEmulatorData -Emulator $emulator -AgentId PROJECT-BULK -Connectors $Count -NumbersPerConnector 1 | Out-Null
        Get-TestConnectorIds -AgentId PROJECT-BULK | ForEach-Object { [pscustomobject]@{ AgentId = 'PROJECT-BULK'; ConnectorId = $_ } }
    }
}

Describe '-ThrottleLimit' {
    BeforeEach {
        Reset-TestEmulator
        Connect-TestEmulator -MaxRetry 0
    }

    AfterAll { Disconnect-PolyAi }

    It 'runs up to <Limit> requests at once, never more' -ForEach @(
        @{ Limit = 1 }
        @{ Limit = 3 }
        @{ Limit = 8 }
    ) {
        $inputs = New-BulkAgent 16
        Set-PolyAiEmulatorLatency -Emulator $emulator -Milliseconds 150
        $removals = $inputs | Remove-PolyAiConnector -Force -ThrottleLimit $Limit
        @($removals).Count | Should -Be 16
        $overlap = Get-MaxOverlap
        $overlap | Should -BeLessOrEqual $Limit
        if ($Limit -gt 1) { $overlap | Should -BeGreaterThan 1 -Because 'the requests overlap' }
    }

    It 'sends nothing more once -ErrorAction Stop has ended the command (queued requests are cancelled)' {
        $inputs = @([pscustomobject]@{ AgentId = 'PROJECT-BULK'; ConnectorId = 'conn-missing' }) + @(New-BulkAgent 15)
        Set-PolyAiEmulatorLatency -Emulator $emulator -Milliseconds 150
        { $inputs | Remove-PolyAiConnector -Force -ThrottleLimit 2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectorNotFound,PolyAI.Agents.Commands.RemovePolyAiConnectorCommand'
        Start-Sleep -Milliseconds 800   # what was still queued would have been sent by now
        # The failed DELETE and the one beside it; each worker may have taken one more before the failure was
        # written on the pipeline thread (2 x -ThrottleLimit). Without the cancellation all 8 queued are sent.
        (Get-TestRequest -Method DELETE).Count | Should -BeLessOrEqual 4
        @(Get-TestConnectorIds -AgentId PROJECT-BULK).Count | Should -BeGreaterOrEqual 13
    }

    It 'confirms in input order on the pipeline thread (the What-if lines come in input order)' {
        $inputs = New-BulkAgent 12
        $text = Get-HostOutput { $inputs | Remove-PolyAiConnector -ThrottleLimit 8 -WhatIf }
        $named = [regex]::Matches($text, "What if: Remove connector '[^']*' \((gen-conn-\d+)") | ForEach-Object { $_.Groups[1].Value }
        $named | Should -Be @($inputs.ConnectorId)
        (Get-TestRequest -Method DELETE).Count | Should -Be 0
    }

    It 'ends every input as exactly one result or one error, whatever fails in between' {
        $inputs = New-BulkAgent 40
        foreach ($id in 'gen-conn-00003', 'gen-conn-00011', 'gen-conn-00019', 'gen-conn-00027', 'gen-conn-00035') {
            Add-PolyAiEmulatorFault -Emulator $emulator -Rule @{ method = 'DELETE'; pathContains = $id; status = 500; times = 0 } | Out-Null
        }
        Set-PolyAiEmulatorLatency -Emulator $emulator -Milliseconds 20

        $removals = @($inputs | Remove-PolyAiConnector -Force -ThrottleLimit 8 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $removals.Count | Should -Be 35
        $failures.Count | Should -Be 5
        $accounted = @($removals.ConnectorId) + @($failures.TargetObject)
        $accounted | Sort-Object | Should -Be ($inputs.ConnectorId | Sort-Object) -Because 'each input once, none twice, none lost'
    }

    It 'routes phone numbers concurrently with Set-PolyAiPhoneNumber, one output per number' {
        $numbers = Get-PolyAiPhoneNumber -AgentId PROJECT-DEMO | Where-Object ConnectorId
        Set-PolyAiEmulatorLatency -Emulator $emulator -Milliseconds 150
        $routed = $numbers | Set-PolyAiPhoneNumber -ConnectorId conn-pre-1 -PassThru -ThrottleLimit 8
        @($routed).Count | Should -Be @($numbers).Count
        $routed.ConnectorId | Select-Object -Unique | Should -Be 'conn-pre-1'
        Get-MaxOverlap -Method PATCH | Should -BeGreaterThan 1 -Because 'the PATCHes overlap'
    }

    It 'reports progress at a bounded rate, and not at all when $ProgressPreference says so' {
        $inputs = New-BulkAgent 24
        Set-PolyAiEmulatorLatency -Emulator $emulator -Milliseconds 100
        $run = {
            param($Preference)
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript(@"
`$ProgressPreference = '$Preference'
Import-Module '$env:POLYAI_TEST_MODULE'
Connect-PolyAi -BaseUri '$($emulator.BaseUri)' -ApiKey '$($emulator.ApiKey)'
Get-PolyAiConnector -AgentId PROJECT-BULK | Remove-PolyAiConnector -Force -ThrottleLimit 2 | Measure-Object | ForEach-Object Count
"@)
                $count = $ps.Invoke()
                [pscustomobject]@{ Removed = $count[0]; Progress = @($ps.Streams.Progress) }
            }
            finally { $ps.Dispose() }
        }

        $shown = & $run 'Continue'
        $shown.Removed | Should -Be 24
        $shown.Progress.Count | Should -BeGreaterThan 1
        $shown.Progress.Count | Should -BeLessThan 12 -Because '24 requests over ~1.2 s give at most a few updates, not one per request'
        $shown.Progress[-1].RecordType | Should -Be 'Completed'
        $shown.Progress[0].StatusDescription | Should -Match 'requests done'

        New-BulkAgent 24 | Out-Null
        $silent = & $run 'SilentlyContinue'
        $silent.Removed | Should -Be 24
        $silent.Progress.Count | Should -Be 0
    }
}
