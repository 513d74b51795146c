<#
.SYNOPSIS
    What the benchmarks share: medians, and starting a fresh pwsh under a startup profile of its own.
.DESCRIPTION
    PowerShell records the methods a process compiled in a startup profile (StartupProfileData-NonInteractive in its
    cache folder: $XDG_CACHE_HOME/powershell, ~/.cache/powershell, or %LOCALAPPDATA%\Microsoft\PowerShell) and
    the next pwsh of the same kind compiles them again on a background thread while it starts (.NET's multicore JIT,
    System.Runtime.ProfileOptimization). All pwsh processes of a user share that file, so fresh processes that
    alternate between two commands each start from the profile the other one wrote: the baseline compiles the
    module's methods and the module the baseline's. Measured here (2 cores, one build, contenders interleaved):
    import 1.11 with the shared profile, 1.16 with each command's own, 1.14 with none (15 runs each); bulk 1.11,
    1.09 and 1.08 (7 runs each). So every fresh pwsh of the benchmarks gets a startup-profile folder of its own:
      - Repeat: one folder per command, recorded by an untimed run first: what a runbook that runs again on the same
        worker starts with (the steady state, as a warm disk cache is). The targets apply here.
      - FirstRun: a new empty folder per process: the first pwsh on a fresh worker (a new CI container).
#>

Import-Module (Join-Path $PSScriptRoot '../tools/EmulatorHost.psm1')   # Get-PwshCommand, Set-ProcessEnvironmentVariable

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Get-Summary([double[]] $Values) {
    [pscustomobject]@{
        Median = Get-Median $Values
        Range  = '{0:N0}-{1:N0}' -f ($Values | Measure-Object -Minimum).Minimum, ($Values | Measure-Object -Maximum).Maximum
    }
}

# The environment variable that names PowerShell's cache folder, where its startup profile is kept.
$script:CacheVariable = if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') { 'LOCALAPPDATA' } else { 'XDG_CACHE_HOME' }

function New-StartupProfileSet {
    <#
    .SYNOPSIS
    A temporary folder for the startup profiles of one benchmark; Remove-StartupProfileSet deletes it.
    #>
    $folder = Join-Path ([IO.Path]::GetTempPath()) ('polyai-bench-profiles-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $folder | Out-Null
    [pscustomobject]@{ Folder = $folder; Next = 0 }
}

function Remove-StartupProfileSet([Parameter(Mandatory)] [psobject] $Set) {
    Remove-Item -LiteralPath $Set.Folder -Recurse -Force -ErrorAction SilentlyContinue
}

function Get-StartupProfileFolder {
    <#
    .SYNOPSIS
    The cache folder a fresh pwsh runs with: the same one every time for -Repeat (named by the command's -Key), a new
    empty one for -FirstRun.
    #>
    param(
        [Parameter(Mandatory)] [psobject] $Set,
        [Parameter(Mandatory)] [ValidateSet('Repeat', 'FirstRun')] [string] $Condition,
        [Parameter(Mandatory)] [string] $Key
    )
    $name = if ($Condition -eq 'Repeat') { "repeat-$Key" } else { 'first-{0}' -f ($Set.Next++) }
    (New-Item -ItemType Directory -Force -Path (Join-Path $Set.Folder $name)).FullName
}

function Measure-Alternating {
    <#
    .SYNOPSIS
    Runs -Measure (given a name) for each of -Names in turn, -Runs rounds, so that a slower spell of this shared machine
    hits them all; with -Warm, one untimed round first (under Repeat it records each command's startup profile and
    warms the disk cache). Returns, per name, what -Measure returned in each kept round.
    #>
    param(
        [Parameter(Mandatory)] [string[]] $Names,
        [Parameter(Mandatory)] [int] $Runs,
        [Parameter(Mandatory)] [scriptblock] $Measure,
        [switch] $Warm
    )
    $results = [ordered]@{}
    foreach ($name in $Names) { $results[$name] = [Collections.Generic.List[object]]::new() }
    if ($Warm) { foreach ($name in $Names) { $null = & $Measure $name } }
    foreach ($i in 1..$Runs) {
        foreach ($name in $Names) { $results[$name].Add((& $Measure $name)) }
    }
    $results
}

function Invoke-FreshPwsh {
    <#
    .SYNOPSIS
    Runs -Command in a new pwsh (-NoProfile -NonInteractive) whose cache folder, and so its startup profile, is
    -CacheFolder. Returns the last line it wrote and the process's wall time in milliseconds; a failure throws.
    #>
    param(
        [Parameter(Mandatory)] [string] $Command,
        [Parameter(Mandatory)] [string] $CacheFolder
    )
    $pwsh = Get-PwshCommand
    $saved = [Environment]::GetEnvironmentVariable($script:CacheVariable)
    Set-ProcessEnvironmentVariable $script:CacheVariable $CacheFolder
    try {
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()
        $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $Command
        $elapsed = $stopwatch.Elapsed.TotalMilliseconds
        if ($LASTEXITCODE -ne 0) { throw "Failed ($LASTEXITCODE): $Command" }
    }
    finally {
        Set-ProcessEnvironmentVariable $script:CacheVariable $saved
    }
    [pscustomobject]@{ Output = @($output)[-1]; Milliseconds = $elapsed }
}

Export-ModuleMember -Function Get-Median, Get-Summary, New-StartupProfileSet, Remove-StartupProfileSet, Get-StartupProfileFolder, Measure-Alternating, Invoke-FreshPwsh
