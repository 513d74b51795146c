<#
.SYNOPSIS
    Import cost of PolyAI.Agents, as whole-process times, each against baselines measured in the same run (the
    commands of a row alternate, run by run):
      pwsh -c 1, and the floor (a one-file binary module with the same manifest and cmdlet names, each cmdlet empty)
                                                 vs  pwsh -c 'Import-Module PolyAI.Agents'
      Invoke-RestMethod doing one GET            vs  Import-Module + Connect-PolyAi + Get-PolyAiConnector
    each with the startup profile the same command recorded in an untimed run before (Repeat), and with none
    (FirstRun); see BenchSupport.psm1. Prints a table (medians of -Runs runs); asserts nothing. build.ps1 Bench runs it.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int] $Runs = 7
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tools/EmulatorHost.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'BenchSupport.psm1') -Force
$manifest = Join-Path (Resolve-Path -LiteralPath $ModulePath).Path 'PolyAI.Agents.psd1'
$profiles = New-StartupProfileSet

# The floor the issue names: what PowerShell itself costs to import a binary module with this manifest and this many
# cmdlets, with none of this module's code (no loader, no second assembly, no initializer). Written next to the
# startup profiles and deleted with them.
function New-FloorModule([string] $Folder) {
    $data = Import-PowerShellDataFile -LiteralPath $manifest
    $names = @($data.CmdletsToExport | ForEach-Object { $_ -creplace 'PolyAi', 'FloorAi' })
    $source = "using System.Management.Automation;`nnamespace PolyAI.Agents.Bench.Floor {`n" + (($names | ForEach-Object {
        $verb, $noun = $_ -split '-', 2
        "[Cmdlet(`"$verb`", `"$noun`")] public sealed class $verb${noun}Command : PSCmdlet { [Parameter(Position = 0)] public string AgentId { get; set; } protected override void ProcessRecord() { WriteObject(AgentId); } }"
    }) -join "`n") + "`n}"
    $module = New-Item -ItemType Directory -Path (Join-Path $Folder 'FloorModule')
    Add-Type -TypeDefinition $source -OutputAssembly (Join-Path $module 'FloorModule.dll') -OutputType Library
    $text = (Get-Content -LiteralPath $manifest -Raw) -creplace 'PolyAi', 'FloorAi'
    $text = $text.Replace("'bin/PolyAI.Agents.Cmdlets.dll'", "'FloorModule.dll'").Replace($data.GUID, [guid]::NewGuid().ToString())
    Set-Content -LiteralPath (Join-Path $module 'FloorModule.psd1') -Value $text
    Join-Path $module 'FloorModule.psd1'
}

# The commands of a row alternate, run by run (Measure-Alternating), and their medians are compared. Under Repeat each
# first runs once untimed, which records its startup profile.
function Measure-Fresh([string] $Key, [System.Collections.Specialized.OrderedDictionary] $Commands, [string] $Condition) {
    $times = Measure-Alternating -Names @($Commands.Keys) -Runs $Runs -Warm:($Condition -eq 'Repeat') -Measure {
        param($Name)
        (Invoke-FreshPwsh $Commands[$Name] (Get-StartupProfileFolder $profiles $Condition "$Key-$Name")).Milliseconds
    }
    $medians = @{}
    foreach ($name in $Commands.Keys) { $medians[$name] = Get-Median $times[$name] }
    $medians
}

function Row([string] $Measurement, [string] $Condition, [double] $Value, [string] $Baseline, [double] $BaseValue, $Target) {
    $ratio = [math]::Round($Value / $BaseValue, 2)
    [pscustomobject]@{
        Measurement       = $Measurement
        'Startup profile' = if ($Condition -eq 'Repeat') { 'its own (repeat)' } else { 'none (first run)' }
        'Time (ms)'       = [int]$Value
        Baseline          = $Baseline
        'Base (ms)'       = [int]$BaseValue
        Ratio             = $ratio
        Target            = if ($null -ne $Target) { "<= $Target" } else { '' }
        Met               = if ($null -eq $Target) { '' } elseif ($ratio -le $Target) { 'yes' } else { 'NO' }
    }
}

$emulator = Start-PolyAiEmulator -EmulatorPath $EmulatorPath
try {
    $uri = "$($emulator.BaseUri)/v1/agents/PROJECT-DEMO/telephony/connectors"
    $cmdletCount = [int](Invoke-FreshPwsh "Import-Module '$manifest'; (Get-Command -Module PolyAI.Agents).Count" (Get-StartupProfileFolder $profiles FirstRun count)).Output
    $floorManifest = New-FloorModule $profiles.Folder
    $imports = [ordered]@{ Base = '1'; Floor = "Import-Module '$floorManifest'"; Module = "Import-Module '$manifest'" }
    $firstCommands = [ordered]@{
        Base   = "`$null = Invoke-RestMethod -Uri '$uri' -Headers @{ 'x-api-key' = '$($emulator.ApiKey)' }"
        Module = "Import-Module '$manifest'; Connect-PolyAi -BaseUri '$($emulator.BaseUri)' -ApiKey '$($emulator.ApiKey)'; `$null = Get-PolyAiConnector -AgentId PROJECT-DEMO"
    }
    $table = foreach ($condition in 'Repeat', 'FirstRun') {
        $import = Measure-Fresh import $imports $condition
        # The target applies to the steady state (Repeat); the first run on a fresh worker is shown beside it.
        Row "Import-Module PolyAI.Agents ($cmdletCount cmdlets)" $condition $import.Module 'pwsh -c 1' $import.Base $(if ($condition -eq 'Repeat') { 1.15 })
        Row "Import-Module PolyAI.Agents ($cmdletCount cmdlets)" $condition $import.Module "the floor: one-file binary module, same manifest, $cmdletCount empty cmdlets" $import.Floor $null
        Row "the floor, as above" $condition $import.Floor 'pwsh -c 1' $import.Base $null
        $first = Measure-Fresh first-command $firstCommands $condition
        Row 'Import + Connect + first Get-PolyAiConnector' $condition $first.Module 'Invoke-RestMethod (same GET)' $first.Base $null
    }
    # Inside the process: how long Import-Module itself takes, per exported cmdlet (its own startup profile).
    $inside = "`$sw = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$manifest'; `$sw.Elapsed.TotalMilliseconds"
    $insideFolder = Get-StartupProfileFolder $profiles Repeat inside
    $null = Invoke-FreshPwsh $inside $insideFolder
    $insideMs = Get-Median @(foreach ($i in 1..$Runs) { [double](Invoke-FreshPwsh $inside $insideFolder).Output })
    "Import cost: whole-process wall time, median of $Runs runs, $(Get-Date -Format 'yyyy-MM-dd'), $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion)"
    $table | Format-Table -AutoSize | Out-String -Width 240
    "Import-Module inside the process: {0:N0} ms for {1} exported cmdlets ({2:N1} ms per cmdlet; median of {3} runs)" -f $insideMs, $cmdletCount, ($insideMs / [math]::Max(1, $cmdletCount)), $Runs
}
finally {
    Stop-PolyAiEmulator -Emulator $emulator
    Remove-StartupProfileSet $profiles
}
