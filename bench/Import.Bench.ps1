<#
.SYNOPSIS
    Import cost of PolyAI.Agents, as whole-process times, each against a baseline measured in the same run (the two
    alternate, run by run):
      pwsh -c 1                                  vs  pwsh -c 'Import-Module PolyAI.Agents'
      Invoke-RestMethod doing one GET            vs  Import-Module + Connect-PolyAi + Get-PolyAiConnector
    Prints a table (medians of -Runs runs); asserts nothing. build.ps1 Bench runs it.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int] $Runs = 7
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tools/EmulatorHost.psm1') -Force
$pwsh = Get-PwshCommand
$pwshLead = @($pwsh | Select-Object -Skip 1)
$manifest = Join-Path (Resolve-Path -LiteralPath $ModulePath).Path 'PolyAI.Agents.psd1'

function Measure-Once([string] $Command) {
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    & $pwsh[0] @pwshLead -NoProfile -NonInteractive -Command $Command | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "Failed ($LASTEXITCODE): $Command" }
    $stopwatch.Elapsed.TotalMilliseconds
}

function Get-Median([double[]] $Values) { ($Values | Sort-Object)[[int][math]::Floor($Values.Count / 2)] }

# Baseline and measured command alternate, run by run, so that both see the same machine (it is shared, and its
# speed drifts over minutes); the medians are compared.
function Measure-Pair([string] $Base, [string] $Measured) {
    $baseTimes = [System.Collections.Generic.List[double]]::new()
    $measuredTimes = [System.Collections.Generic.List[double]]::new()
    foreach ($i in 1..$Runs) {
        $baseTimes.Add((Measure-Once $Base))
        $measuredTimes.Add((Measure-Once $Measured))
    }
    [pscustomobject]@{ Base = Get-Median $baseTimes.ToArray(); Measured = Get-Median $measuredTimes.ToArray() }
}

$emulator = Start-PolyAiEmulator -EmulatorPath $EmulatorPath
try {
    $uri = "$($emulator.BaseUri)/v1/agents/PROJECT-DEMO/telephony/connectors"
    & $pwsh[0] @pwshLead -NoProfile -Command 1 | Out-Null   # warm the disk cache for the first measurement
    $cmdletCount = [int](& $pwsh[0] @pwshLead -NoProfile -NonInteractive -Command "Import-Module '$manifest'; (Get-Command -Module PolyAI.Agents).Count")
    $rows = @(
        @{ Name = "Import-Module PolyAI.Agents ($cmdletCount cmdlets)"; Baseline = 'pwsh -c 1'; Target = 1.15
           Measured = "Import-Module '$manifest'"; Base = '1' }
        @{ Name = 'Import + Connect + first Get-PolyAiConnector'; Baseline = 'Invoke-RestMethod (same GET)'; Target = $null
           Measured = "Import-Module '$manifest'; Connect-PolyAi -BaseUri '$($emulator.BaseUri)' -ApiKey '$($emulator.ApiKey)'; `$null = Get-PolyAiConnector -AgentId PROJECT-DEMO"
           Base = "`$null = Invoke-RestMethod -Uri '$uri' -Headers @{ 'x-api-key' = '$($emulator.ApiKey)' }" }
    )
    $table = foreach ($row in $rows) {
        $pair = Measure-Pair $row.Base $row.Measured
        $ratio = [math]::Round($pair.Measured / $pair.Base, 2)
        [pscustomobject]@{
            Measurement   = $row.Name
            'Time (ms)'   = [int]$pair.Measured
            Baseline      = $row.Baseline
            'Base (ms)'   = [int]$pair.Base
            Ratio         = $ratio
            Target        = if ($null -ne $row.Target) { "<= $($row.Target)" } else { '' }
            Met           = if ($null -eq $row.Target) { '' } elseif ($ratio -le $row.Target) { 'yes' } else { 'NO' }
        }
    }
    # Inside the process: how long Import-Module itself takes, per exported cmdlet.
    $inside = foreach ($i in 1..$Runs) {
        [double](& $pwsh[0] @pwshLead -NoProfile -NonInteractive -Command "`$sw = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$manifest'; `$sw.Elapsed.TotalMilliseconds")
    }
    $insideMs = Get-Median $inside
    "Import cost: whole-process wall time, median of $Runs runs, $(Get-Date -Format 'yyyy-MM-dd'), $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion)"
    $table | Format-Table -AutoSize | Out-String -Width 200
    "Import-Module inside the process: {0:N0} ms for {1} exported cmdlets ({2:N1} ms per cmdlet; median of {3} runs)" -f $insideMs, $cmdletCount, ($insideMs / [math]::Max(1, $cmdletCount)), $Runs
}
finally {
    Stop-PolyAiEmulator -Emulator $emulator
}
