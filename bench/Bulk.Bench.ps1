<#
.SYNOPSIS
    Bulk throughput and list streaming of PolyAI.Agents against the sandbox with injected latency, each
    figure next to its baseline measured in the same run. Prints a table; asserts nothing.
      1. N connector removals piped from Get-PolyAiConnector at -ThrottleLimit 8, against an
         Invoke-RestMethod loop, ForEach-Object -Parallel -ThrottleLimit 8 { Invoke-RestMethod }, and the
         physical limit N x latency / 8.
      2. The same removals at -ThrottleLimit 1, against N x latency.
      3. Listing M phone numbers: time to first object, total time and peak working set, against
         Invoke-RestMethod plus the same typed projection (each in a fresh pwsh, so memory is comparable).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SandboxPath,
    [int] $Connectors = 300,
    [int] $LatencyMs = 20,
    [int] $Numbers = 100000,
    [int] $Runs = 3
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module (Join-Path $PSScriptRoot '../tests/Tools/SandboxHost.psm1') -Force
$manifest = Join-Path (Resolve-Path -LiteralPath $ModulePath).Path 'PolyAI.Agents.psd1'
Import-Module $manifest
$pwsh = Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
$agent = 'PROJECT-BENCH'

function Reset-BenchData($Sandbox) {
    Reset-PolyAiSandbox -Sandbox $Sandbox -Seed empty
    New-PolyAiSandboxData -Sandbox $Sandbox -AgentId $agent -Connectors $Connectors -NumbersPerConnector 1 | Out-Null
    Set-PolyAiSandboxLatency -Sandbox $Sandbox -Milliseconds $LatencyMs
}

function Measure-Best([scriptblock] $Prepare, [scriptblock] $Work) {
    $times = foreach ($run in 1..$Runs) {
        & $Prepare
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()
        & $Work
        $stopwatch.Elapsed.TotalMilliseconds
    }
    ($times | Measure-Object -Minimum).Minimum
}

function Row($Measurement, $Value, $Baseline, $BaselineValue, $Target) {
    [pscustomobject]@{
        Measurement = $Measurement
        Value       = $Value
        Baseline    = $Baseline
        'Base value' = $BaselineValue
        Ratio       = if ($BaselineValue -is [double] -and $BaselineValue -gt 0) { [math]::Round($Value / $BaselineValue, 2) } else { $null }
        Target      = $Target
    }
}

$sandbox = Start-PolyAiSandbox -SandboxPath $SandboxPath
try {
    Connect-PolyAi -BaseUri $sandbox.BaseUri -ApiKey $sandbox.ApiKey
    $headers = @{ 'x-api-key' = $sandbox.ApiKey }
    $base = "$($sandbox.BaseUri)/v1/agents/$agent/telephony/connectors"
    $prepare = { Reset-BenchData $sandbox }

    $module8 = Measure-Best $prepare { $null = Get-PolyAiConnector -AgentId $agent | Remove-PolyAiConnector -Force -ThrottleLimit 8 }
    $module1 = Measure-Best $prepare { $null = Get-PolyAiConnector -AgentId $agent | Remove-PolyAiConnector -Force -ThrottleLimit 1 }
    $loop = Measure-Best $prepare {
        $ids = (Invoke-RestMethod -Uri $base -Headers $headers).connectors.connectorId
        foreach ($id in $ids) { $null = Invoke-RestMethod -Method Delete -Uri "$base/$id" -Headers $headers }
    }
    $parallel = Measure-Best $prepare {
        $ids = (Invoke-RestMethod -Uri $base -Headers $headers).connectors.connectorId
        $ids | ForEach-Object -ThrottleLimit 8 -Parallel { $null = Invoke-RestMethod -Method Delete -Uri "$using:base/$_" -Headers $using:headers }
    }
    $limit8 = [double]($Connectors * $LatencyMs / 8)
    $limit1 = [double]($Connectors * $LatencyMs)

    # Listing: each in a fresh process, so that peak working set means the same thing for both.
    Reset-PolyAiSandbox -Sandbox $sandbox -Seed empty
    New-PolyAiSandboxData -Sandbox $sandbox -AgentId $agent -Connectors 0 -NumbersPerConnector 0 -UnroutedNumbers $Numbers | Out-Null
    # Total time and peak memory stream into Out-Null (nothing keeps the list); the first object is timed in
    # separate runs that stop at it (Select-Object -First 1).
    $connect = "Import-Module '$manifest'; Connect-PolyAi -BaseUri '$($sandbox.BaseUri)' -ApiKey '$($sandbox.ApiKey)'"
    $moduleList = "Get-PolyAiPhoneNumber -AgentId $agent"
    $irmList = "(Invoke-RestMethod -Uri '$($sandbox.BaseUri)/v1/agents/$agent/telephony/phone-numbers' -Headers @{ 'x-api-key' = '$($sandbox.ApiKey)' }).phoneNumbers | " +
        "ForEach-Object { [pscustomobject]@{ AgentId = '$agent'; Number = `$_.number; ProjectId = `$_.projectId; AccountId = `$_.accountId; ClientEnv = `$_.clientEnv; ConnectorId = `$_.connectorId } }"
    function Measure-Listing([string] $Prelude, [string] $List) {
        $total = foreach ($run in 1..$Runs) {
            $script = "$Prelude`n`$s = [Diagnostics.Stopwatch]::StartNew(); $List | Out-Null; `$t = `$s.Elapsed.TotalMilliseconds; " +
                "'{0}|{1}' -f `$t, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64"
            $time, $peak = (& $pwsh -NoProfile -NonInteractive -Command $script | Select-Object -Last 1) -split '\|'
            [pscustomobject]@{ Total = [double]$time; Peak = [double]$peak }
        }
        $first = foreach ($run in 1..$Runs) {
            $script = "$Prelude`n`$s = [Diagnostics.Stopwatch]::StartNew(); `$one = $List | Select-Object -First 1; " +
                "if (-not `$one.Number) { throw 'no object' }; `$s.Elapsed.TotalMilliseconds"
            [double](& $pwsh -NoProfile -NonInteractive -Command $script | Select-Object -Last 1)
        }
        [pscustomobject]@{
            First = ($first | Measure-Object -Minimum).Minimum
            Total = ($total.Total | Measure-Object -Minimum).Minimum
            Peak  = ($total.Peak | Measure-Object -Minimum).Minimum
        }
    }
    $listing = @(
        Measure-Listing $connect $moduleList
        Measure-Listing '' $irmList
    )
    $check = & $pwsh -NoProfile -NonInteractive -Command "$connect; @($moduleList).Count" | Select-Object -Last 1
    if ([int]$check -ne $Numbers) { throw "Listed $check numbers, expected $Numbers." }

    $rows = @(
        Row "$Connectors removals, -ThrottleLimit 8 (ms)" ([math]::Round($module8)) "limit N x $LatencyMs ms / 8" $limit8 '<= 1.15'
        Row "$Connectors removals, -ThrottleLimit 8 (ms)" ([math]::Round($module8)) 'ForEach-Object -Parallel 8 + IRM' ([math]::Round($parallel, 0) -as [double]) '<= 0.59 (1.7x faster)'
        Row "$Connectors removals, -ThrottleLimit 8 (ms)" ([math]::Round($module8)) 'Invoke-RestMethod loop' ([math]::Round($loop, 0) -as [double]) ''
        Row "$Connectors removals, -ThrottleLimit 1 (ms)" ([math]::Round($module1)) "N x $LatencyMs ms" $limit1 '<= 1.10'
        Row "list $Numbers numbers: first object (ms)" ([math]::Round($listing[0].First)) 'IRM + projection' ([math]::Round($listing[1].First, 0) -as [double]) ''
        Row "list $Numbers numbers: total (ms)" ([math]::Round($listing[0].Total)) 'IRM + projection' ([math]::Round($listing[1].Total, 0) -as [double]) '<= 0.33 (3x faster)'
        Row "list $Numbers numbers: peak working set (MB)" ([math]::Round($listing[0].Peak / 1MB)) 'IRM + projection' ([math]::Round($listing[1].Peak / 1MB, 0) -as [double]) '< 1'
    )
    "PolyAI.Agents bulk benchmark: $(Get-Date -Format 'yyyy-MM-dd'), $([Environment]::ProcessorCount) cores, $([Runtime.InteropServices.RuntimeInformation]::OSDescription), PowerShell $($PSVersionTable.PSVersion); sandbox latency $LatencyMs ms; best of $Runs runs"
    $rows | Format-Table -AutoSize | Out-String -Width 220
}
finally {
    Stop-PolyAiSandbox -Sandbox $sandbox
}
