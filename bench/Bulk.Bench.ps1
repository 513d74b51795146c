<#
.SYNOPSIS
    Bulk throughput and list streaming of PolyAI.Agents against the emulator with injected latency, each
    figure next to its baseline measured in the same run. Prints a table; asserts nothing.
      1. N connector removals piped from Get-PolyAiConnector at -ThrottleLimit 8, against the floor (a bare .NET
         HttpClient with 8 workers doing the same list and deletes, bench/BareHttpClient.cs), an Invoke-RestMethod
         loop, ForEach-Object -Parallel -ThrottleLimit 8 { Invoke-RestMethod }, and the physical limit
         N x latency / 8; in one process and once per fresh pwsh.
      2. The same removals at -ThrottleLimit 1, against N x latency.
      3. Listing M phone numbers: time to first object, total time and peak working set, against
         Invoke-RestMethod plus the same typed projection (each in a fresh pwsh, so memory is comparable).
.DESCRIPTION
    Removals run in one process, in rounds: every contender once per round, in the same order, after
    -Warmup untimed rounds (JIT of the module, of PowerShell's engine and of the emulator), and the median of
    -Runs rounds is reported with the fastest and slowest run. Interleaving gives each contender the same
    machine state; the median does not reward the luckiest run of the noisiest contender.
    The removals are also timed once per fresh pwsh (import and connect untimed, the contenders alternating run
    by run): what a runbook that does this once per process sees, JIT included. Each fresh pwsh starts with its own
    contender's startup profile, then with none (BenchSupport.psm1 says why).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int] $Connectors = 300,
    [int] $LatencyMs = 20,
    [int] $Numbers = 100000,
    [int] $Runs = 5,
    [int] $Warmup = 2
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module (Join-Path $PSScriptRoot '../tools/EmulatorHost.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'BenchSupport.psm1') -Force
$manifest = Join-Path (Resolve-Path -LiteralPath $ModulePath).Path 'PolyAI.Agents.psd1'
Import-Module $manifest
$agent = 'PROJECT-BENCH'
$profiles = New-StartupProfileSet

function Reset-BenchData($Emulator) {
    Reset-PolyAiEmulator -Emulator $Emulator -Seed empty
    New-PolyAiEmulatorData -Emulator $Emulator -AgentId $agent -Connectors $Connectors -NumbersPerConnector 1 | Out-Null
    Set-PolyAiEmulatorLatency -Emulator $Emulator -Milliseconds $LatencyMs
}

# A timed run counts only if it did the work: every connector gone, one DELETE each (checked untimed, in the log).
# Returns the emulator's own mean time per DELETE (its log), the part of every run no client can shorten.
function Assert-AllRemoved($Emulator, [string] $Contender) {
    $deletes = @(Get-PolyAiEmulatorRequest -Emulator $Emulator | Where-Object { $_.method -eq 'DELETE' -and $_.status -eq 200 })
    if ($deletes.Count -ne $Connectors) { throw "$Contender removed $($deletes.Count) connectors, expected $Connectors." }
    ($deletes | Measure-Object -Property durationMs -Average).Average
}

# Each contender once per round, rounds repeated; the first -Warmup rounds are not kept in the summary (but are
# in Rounds, to show the trend). $Verify checks each run's work, untimed, and returns the server's time per request.
function Measure-Rounds([scriptblock] $Prepare, [scriptblock] $Verify, [System.Collections.Specialized.OrderedDictionary] $Contenders) {
    $times = @{}
    foreach ($name in $Contenders.Keys) { $times[$name] = [System.Collections.Generic.List[double]]::new() }
    $serverTimes = [System.Collections.Generic.List[double]]::new()
    foreach ($round in 1..($Warmup + $Runs)) {
        foreach ($name in $Contenders.Keys) {
            & $Prepare
            $stopwatch = [Diagnostics.Stopwatch]::StartNew()
            & $Contenders[$name]
            $times[$name].Add($stopwatch.Elapsed.TotalMilliseconds)
            $serverTimes.Add((& $Verify $name))
        }
    }
    $summaries = [ordered]@{}
    foreach ($name in $Contenders.Keys) {
        $kept = $times[$name].ToArray() | Select-Object -Skip $Warmup
        $summaries[$name] = Get-Summary $kept | Add-Member -PassThru Rounds (($times[$name] | ForEach-Object { '{0:N0}' -f $_ }) -join ', ')
    }
    $summaries['ServerPerRequest'] = Get-Median $serverTimes.ToArray()
    $summaries
}

# Target: the highest ratio that meets it (Value / Base value), or $null for a row shown for information.
function Row($Measurement, $Value, $Range, $Baseline, $BaselineValue, $Target, [string] $Note = '') {
    $ratio = if ($BaselineValue -gt 0) { [math]::Round($Value / $BaselineValue, 2) } else { $null }
    [pscustomobject]@{
        Measurement  = $Measurement
        Value        = [math]::Round($Value)
        'Runs (ms)'  = $Range
        Baseline     = $Baseline
        'Base value' = [math]::Round($BaselineValue)
        Ratio        = $ratio
        Target       = if ($null -ne $Target) { "<= $Target$Note" } else { '' }
        Met          = if ($null -eq $Target) { '' } elseif ($ratio -le $Target) { 'yes' } else { 'NO' }
    }
}

$emulator = Start-PolyAiEmulator -EmulatorPath $EmulatorPath
try {
    Connect-PolyAi -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey
    $headers = @{ 'x-api-key' = $emulator.ApiKey }
    $base = "$($emulator.BaseUri)/v1/agents/$agent/telephony/connectors"
    $prepare = { Reset-BenchData $emulator }

    # The floor: a bare .NET HttpClient doing the same list and deletes with 8 workers (bench/BareHttpClient.cs).
    $bareAssembly = Join-Path ([IO.Path]::GetTempPath()) "PolyAI.Agents.Bench.$PID.dll"
    Add-Type -Path (Join-Path $PSScriptRoot 'BareHttpClient.cs') -OutputAssembly $bareAssembly -OutputType Library
    Add-Type -Path $bareAssembly
    $bareRemoval = "[PolyAI.Agents.Bench.BareHttpClient]::RemoveAll('$base', '$($emulator.ApiKey)', 8)"

    $moduleRemoval = { param($Throttle) $null = Get-PolyAiConnector -AgentId $agent | Remove-PolyAiConnector -Force -ThrottleLimit $Throttle }
    $removals = Measure-Rounds $prepare { param($Name) Assert-AllRemoved $emulator $Name } ([ordered]@{
        Module8  = { & $moduleRemoval 8 }
        Parallel = {
            $ids = (Invoke-RestMethod -Uri $base -Headers $headers).connectors.connectorId
            $ids | ForEach-Object -ThrottleLimit 8 -Parallel { $null = Invoke-RestMethod -Method Delete -Uri "$using:base/$_" -Headers $using:headers }
        }
        Bare     = [scriptblock]::Create($bareRemoval)
        Module1  = { & $moduleRemoval 1 }
        Loop     = {
            $ids = (Invoke-RestMethod -Uri $base -Headers $headers).connectors.connectorId
            foreach ($id in $ids) { $null = Invoke-RestMethod -Method Delete -Uri "$base/$id" -Headers $headers }
        }
    })

    # Once per fresh pwsh, as a runbook does it: import and connect are not timed, JIT of the work is. The contenders
    # alternate run by run, as in the rounds above, so that a slower spell of this shared machine hits them all. Each
    # process starts with its own contender's startup profile (Repeat, recorded by an untimed run first), then with
    # none (FirstRun); see BenchSupport.psm1.
    $connect = "Import-Module '$manifest'; Connect-PolyAi -BaseUri '$($emulator.BaseUri)' -ApiKey '$($emulator.ApiKey)'"
    $fresh = [ordered]@{
        Module8  = @{ Prelude = $connect; Work = "`$null = Get-PolyAiConnector -AgentId $agent | Remove-PolyAiConnector -Force -ThrottleLimit 8" }
        Parallel = @{ Prelude = "`$headers = @{ 'x-api-key' = '$($emulator.ApiKey)' }; `$base = '$base'"
                      Work = "`$ids = (Invoke-RestMethod -Uri `$base -Headers `$headers).connectors.connectorId; " +
                          "`$ids | ForEach-Object -ThrottleLimit 8 -Parallel { `$null = Invoke-RestMethod -Method Delete -Uri `"`$using:base/`$_`" -Headers `$using:headers }" }
        Bare     = @{ Prelude = "Add-Type -Path '$bareAssembly'"; Work = $bareRemoval }
    }
    function Measure-FreshRemoval([string] $Name, [string] $Condition) {
        & $prepare
        $script = "$($fresh[$Name].Prelude)`n`$s = [Diagnostics.Stopwatch]::StartNew(); $($fresh[$Name].Work); `$s.Elapsed.TotalMilliseconds"
        $milliseconds = [double](Invoke-FreshPwsh $script (Get-StartupProfileFolder $profiles $Condition "removal-$Name")).Output
        $null = Assert-AllRemoved $emulator $Name
        $milliseconds
    }
    $freshRuns = [ordered]@{}
    foreach ($condition in 'Repeat', 'FirstRun') {
        $times = Measure-Alternating -Names @($fresh.Keys) -Runs $Runs -Warm:($condition -eq 'Repeat') -Measure { param($Name) Measure-FreshRemoval $Name $condition }
        $freshRuns[$condition] = @{}
        foreach ($name in $fresh.Keys) { $freshRuns[$condition][$name] = Get-Summary $times[$name] }
    }
    $limit8 = [double]($Connectors * $LatencyMs / 8)
    $limit1 = [double]($Connectors * $LatencyMs)

    # Listing: each in a fresh process, so that peak working set means the same thing for both.
    Reset-PolyAiEmulator -Emulator $emulator -Seed empty
    New-PolyAiEmulatorData -Emulator $emulator -AgentId $agent -Connectors 0 -NumbersPerConnector 0 -UnroutedNumbers $Numbers | Out-Null
    # Total time and peak memory stream into Out-Null (nothing keeps the list); the first object is timed in
    # separate runs that stop at it (Select-Object -First 1).
    $moduleList = "Get-PolyAiPhoneNumber -AgentId $agent"
    $irmList = "(Invoke-RestMethod -Uri '$($emulator.BaseUri)/v1/agents/$agent/telephony/phone-numbers' -Headers @{ 'x-api-key' = '$($emulator.ApiKey)' }).phoneNumbers | " +
        "ForEach-Object { [pscustomobject]@{ AgentId = '$agent'; Number = `$_.number; ProjectId = `$_.projectId; AccountId = `$_.accountId; ClientEnv = `$_.clientEnv; ConnectorId = `$_.connectorId } }"
    # Each its own startup profile, recorded by an untimed run first (Repeat).
    function Measure-Listing([string] $Key, [string] $Prelude, [string] $List) {
        $scripts = @{
            total = "$Prelude`n`$s = [Diagnostics.Stopwatch]::StartNew(); $List | Out-Null; `$t = `$s.Elapsed.TotalMilliseconds; " +
                "'{0}|{1}' -f `$t, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64"
            first = "$Prelude`n`$s = [Diagnostics.Stopwatch]::StartNew(); `$one = $List | Select-Object -First 1; " +
                "if (-not `$one.Number) { throw 'no object' }; `$s.Elapsed.TotalMilliseconds"
        }
        $outputs = Measure-Alternating -Names total, first -Runs $Runs -Warm -Measure {
            param($Name)
            (Invoke-FreshPwsh $scripts[$Name] (Get-StartupProfileFolder $profiles Repeat "list-$Key-$Name")).Output
        }
        $total = foreach ($line in $outputs.total) {
            $time, $peak = $line -split '\|'
            [pscustomobject]@{ Total = [double]$time; Peak = [double]$peak }
        }
        $first = @($outputs.first | ForEach-Object { [double]$_ })
        [pscustomobject]@{
            First = Get-Summary $first
            Total = Get-Summary $total.Total
            Peak  = Get-Summary ($total.Peak | ForEach-Object { $_ / 1MB })
        }
    }
    $listing = @(
        Measure-Listing module $connect $moduleList
        Measure-Listing irm '' $irmList
    )
    $check = (Invoke-FreshPwsh "$connect; @($moduleList).Count" (Get-StartupProfileFolder $profiles FirstRun check)).Output
    if ([int]$check -ne $Numbers) { throw "Listed $check numbers, expected $Numbers." }

    $n = $Connectors
    $m8 = $removals.Module8
    $m1 = $removals.Module1
    $bare = $removals.Bare
    $rows = @(
        Row "$n removals, -ThrottleLimit 8 (ms)" $m8.Median $m8.Range "bare .NET HttpClient x 8 ($($bare.Range))" $bare.Median 1.05
        Row "$n removals, -ThrottleLimit 8 (ms)" $m8.Median $m8.Range "limit N x $LatencyMs ms / 8" $limit8 1.15
        Row "$n removals, -ThrottleLimit 8 (ms)" $m8.Median $m8.Range "ForEach-Object -Parallel 8 + IRM ($($removals.Parallel.Range))" $removals.Parallel.Median 0.59 ' (1.7x faster)'
        Row "$n removals, bare .NET HttpClient x 8 (ms)" $bare.Median $bare.Range "limit N x $LatencyMs ms / 8" $limit8 $null
        Row "$n removals, -ThrottleLimit 8 (ms)" $m8.Median $m8.Range "Invoke-RestMethod loop ($($removals.Loop.Range))" $removals.Loop.Median $null
        Row "$n removals, -ThrottleLimit 1 (ms)" $m1.Median $m1.Range "N x $LatencyMs ms" $limit1 1.10
        foreach ($condition in 'Repeat', 'FirstRun') {
            $module8 = $freshRuns[$condition].Module8
            $parallel = $freshRuns[$condition].Parallel
            $floor = $freshRuns[$condition].Bare
            # The targets apply to the steady state (Repeat); the first run on a fresh worker is shown beside it.
            $startup, $floorTarget, $parallelTarget = if ($condition -eq 'Repeat') { 'fresh pwsh, its own startup profile', 1.10, 0.59 } else { 'fresh pwsh, no startup profile', $null, $null }
            Row "$n removals, -ThrottleLimit 8, $startup (ms)" $module8.Median $module8.Range "bare .NET HttpClient x 8, same ($($floor.Range))" $floor.Median $floorTarget
            Row "$n removals, -ThrottleLimit 8, $startup (ms)" $module8.Median $module8.Range "ForEach-Object -Parallel 8 + IRM, same ($($parallel.Range))" $parallel.Median $parallelTarget ' (1.7x faster)'
            Row "$n removals, bare .NET HttpClient x 8, $startup (ms)" $floor.Median $floor.Range "limit N x $LatencyMs ms / 8" $limit8 $null
        }
        Row "list $Numbers numbers: first object (ms)" $listing[0].First.Median $listing[0].First.Range "IRM + projection ($($listing[1].First.Range))" $listing[1].First.Median $null
        Row "list $Numbers numbers: total (ms)" $listing[0].Total.Median $listing[0].Total.Range "IRM + projection ($($listing[1].Total.Range))" $listing[1].Total.Median 0.33 ' (3x faster)'
        Row "list $Numbers numbers: peak working set (MB)" $listing[0].Peak.Median $listing[0].Peak.Range "IRM + projection ($($listing[1].Peak.Range))" $listing[1].Peak.Median 0.99
    )
    # Which engine the module ran: its copy precompiled for this platform, or the portable one (see README, Performance).
    $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PolyAI.Agents.Core' } | Select-Object -First 1
    $engineFolder = [IO.Path]::GetRelativePath((Split-Path -Parent $manifest), (Split-Path -Parent $engine.Location)).Replace('\', '/')
    "PolyAI.Agents bulk benchmark: $(Get-Date -Format 'yyyy-MM-dd'), $([Environment]::ProcessorCount) cores, $([Runtime.InteropServices.RuntimeInformation]::OSDescription), PowerShell $($PSVersionTable.PSVersion); emulator latency $LatencyMs ms; engine from $engineFolder/"
    "Value: median of $Runs runs (fastest-slowest in Runs); in-process removals after $Warmup untimed warm-up rounds, contenders interleaved."
    $rows | Format-Table -AutoSize | Out-String -Width 220
    "In-process rounds in order, warm-up first (ms):"
    foreach ($name in 'Module8', 'Parallel', 'Bare') { "  {0,-9} {1}" -f $name, $removals[$name].Rounds }
    "Emulator time per DELETE by its own log (median of the runs' means): {0:N2} ms" -f $removals.ServerPerRequest
}
finally {
    Stop-PolyAiEmulator -Emulator $emulator
    Remove-StartupProfileSet $profiles
    if ($bareAssembly) { Remove-Item -LiteralPath $bareAssembly -ErrorAction SilentlyContinue }
}
