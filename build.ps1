<#
.SYNOPSIS
    Builds, tests and demonstrates PolyAI.Agents.
.DESCRIPTION
    Tasks (run one or several, in order):
      Build    publishes the module and lays it out under out/PolyAI.Agents from an explicit file list,
               precompiles its engine for the platforms of Directory.Packages.props (Precompilation),
               and builds the local emulator API under out/emulator.
      Package  Build, then publishes the module as a .nupkg to a local PSResourceGet repository in
               out/repository (what Install-PSResource installs from; the Test task installs it by name).
      Test     Package, then the xunit suite (core client) and the Pester suite (the built module in a fresh
               pwsh against the emulator). Ends with one line: "Total: N passed, N failed".
      Demo     Build, start the emulator on 127.0.0.1, run examples/Demo.ps1 against it, stop the emulator.
      Emulator Build, then run the emulator in the foreground until Ctrl+C, to try runbooks offline.
      Bench    Build, then the benchmarks (bench/*.Bench.ps1): figures against baselines measured in the
               same run, printed as tables; nothing is asserted.
      Clean    removes out/ and the bin/obj folders.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Package', 'Test', 'Demo', 'Emulator', 'Bench', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # For Emulator: the port to listen on (0 = any free port).
    [int] $Port = 5099
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$Root = $PSScriptRoot
# Starting, resetting and stopping the emulator, and Get-PwshCommand (how to start a fresh PowerShell like this one).
Import-Module (Join-Path $Root 'tools/EmulatorHost.psm1') -Force
$Out = Join-Path $Root 'out'
$ModuleName = 'PolyAI.Agents'
$ModuleOut = Join-Path $Out $ModuleName
$EmulatorOut = Join-Path $Out 'emulator'
$ResultsDir = Join-Path $Out 'test-results'
$RepositoryOut = Join-Path $Out 'repository'
$script:Built = $false

# Exactly what ships in the module folder. The build fails when one is missing or another file appears,
# so a new dependency is a deliberate change here (and a version choice, see Directory.Packages.props).
# bin/ holds the root module (the cmdlets) and the output types: PowerShell loads them into its default load context.
# engine/ holds PolyAI.Agents.Core and every dependency: the cmdlets reach it through loader/ (a private
# AssemblyLoadContext on PowerShell 7, a scoped resolve handler on Windows PowerShell 5.1), so other modules'
# versions of Polly, JsonSchema.Net or (on 5.1) System.Text.Json never meet ours.
$RootFiles = @(
    'PolyAI.Agents.psd1'
)
$BinFiles = @(
    'PolyAI.Agents.Cmdlets.dll'
    'PolyAI.Agents.Models.dll'
)
$EngineFiles = @(
    'PolyAI.Agents.Core.dll'
    'Microsoft.Bcl.AsyncInterfaces.dll'
    'Microsoft.Bcl.TimeProvider.dll'
    'DiffPlex.dll'
    'JsonSchema.Net.dll'
    'Json.More.dll'
    'JsonPointer.Net.dll'
    'JetBrains.Annotations.dll'
    'Polly.Core.dll'
    'System.Buffers.dll'
    'System.ComponentModel.Annotations.dll'
    'System.Memory.dll'
    'System.Numerics.Vectors.dll'
    'System.Runtime.CompilerServices.Unsafe.dll'
    'System.Text.Encodings.Web.dll'
    'System.Text.Json.dll'
    'System.Threading.Tasks.Extensions.dll'
)
# Precompiled (ReadyToRun) for the platforms of Directory.Packages.props (Precompilation), into
# engine/runtimes/<rid>/net<major>.0, where the loader looks first: the engine, the retry library and its clock, the
# code every request runs. The rest of engine/ serves only some commands (schemas, diffs) and stays portable.
$ReadyToRunFiles = @(
    'PolyAI.Agents.Core.dll'
    'Polly.Core.dll'
    'Microsoft.Bcl.TimeProvider.dll'
)
$RepositoryFiles = @('LICENSE')
$LoaderFrameworks = @('net8.0', 'netstandard2.0')
$ModuleFiles = @($RootFiles) + @($RepositoryFiles) + @($BinFiles | ForEach-Object { "bin/$_" }) + @($EngineFiles | ForEach-Object { "engine/$_" }) +
    @($LoaderFrameworks | ForEach-Object { "loader/$_/PolyAI.Agents.Loader.dll" })
# Published next to them but not shipped (symbols, xml docs, deps.json).
$PublishOnlyPattern = '\.(pdb|xml|deps\.json)$'

function Invoke-Native {
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $ArgumentList = @())
    Write-Host "> $FilePath $($ArgumentList -join ' ')" -ForegroundColor DarkGray
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Assert-SameFiles {
    param([string[]] $Actual, [string[]] $Expected, [string] $What)
    $missing = @($Expected | Where-Object { $_ -notin $Actual })
    $unexpected = @($Actual | Where-Object { $_ -notin $Expected })
    if ($missing) { throw "$What is missing: $($missing -join ', ')" }
    if ($unexpected) { throw "$What has files the layout does not list (add them to build.ps1 on purpose): $($unexpected -join ', ')" }
}

function Invoke-ChildPowerShell {
    param([Parameter(Mandatory)] [string] $File, [string[]] $ArgumentList = @())
    $pwsh = Get-PwshCommand
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $File) + $ArgumentList
    & $pwsh[0] @arguments | Out-Host
    return $LASTEXITCODE
}

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list | Select-Object -First 1
    return ($line -replace '^global-packages:\s*', '').Trim()
}

function Invoke-Precompile {
    # Returns the files it laid out, relative to the module folder.
    $settings = (& dotnet msbuild (Join-Path $Root 'src/PolyAI.Agents/PolyAI.Agents.csproj') -nologo '-getProperty:ReadyToRunVersion' '-getProperty:ReadyToRunRuntimeIdentifiers' '-getProperty:NETCoreSdkRuntimeIdentifier' | ConvertFrom-Json).Properties
    $packages = Get-NuGetPackageRoot
    $crossgen = Join-Path $packages "microsoft.netcore.app.crossgen2.$($settings.NETCoreSdkRuntimeIdentifier)/$($settings.ReadyToRunVersion)/tools/crossgen2"
    if (-not (Test-Path -LiteralPath $crossgen)) {
        Write-Warning "No crossgen2 $($settings.ReadyToRunVersion) for a $($settings.NETCoreSdkRuntimeIdentifier) build host: the engine is laid out portable only (it runs everywhere, with its code compiled on first use)."
        return @()
    }
    $framework = 'net{0}.0' -f ([version]$settings.ReadyToRunVersion).Major
    $engine = Join-Path $ModuleOut 'engine'
    foreach ($rid in $settings.ReadyToRunRuntimeIdentifiers -split ';') {
        $platform = Join-Path $packages "microsoft.netcore.app.runtime.$rid/$($settings.ReadyToRunVersion)/runtimes/$rid/lib/$framework"
        $platformNames = @(Get-ChildItem -LiteralPath $platform -Filter *.dll | ForEach-Object BaseName)
        # Compiled against the target's framework, and against the engine's other assemblies except those the framework
        # carries (the loader takes the framework's there), plus the output types.
        $references = @(Get-ChildItem -LiteralPath $engine -Filter *.dll | Where-Object BaseName -NotIn $platformNames) + @(Get-Item (Join-Path $ModuleOut 'bin/PolyAI.Agents.Models.dll'))
        $os, $architecture = $rid -split '-', 2
        $target = New-Item -ItemType Directory -Path (Join-Path $engine "runtimes/$rid/$framework") -Force
        foreach ($file in $ReadyToRunFiles) {
            $arguments = @((Join-Path $engine $file), '-o', (Join-Path $target $file), '--targetos', ($os -replace '^win$', 'windows'), '--targetarch', $architecture, '-O', '-r', (Join-Path $platform '*.dll')) +
                @($references | ForEach-Object { '-r', $_.FullName })
            Invoke-Native $crossgen $arguments | Out-Null
            "engine/runtimes/$rid/$framework/$file"
        }
    }
}

function Invoke-Build {
    if ($script:Built) { return }
    Invoke-Native dotnet @('tool', 'restore')
    Invoke-Native dotnet @('restore', (Join-Path $Root 'PolyAI.sln'))
    $publish = Join-Path $Out 'publish'
    if (Test-Path $publish) { Remove-Item $publish -Recurse -Force }
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/PolyAI.Agents/PolyAI.Agents.csproj'), '-c', $Configuration, '-o', $publish, '--no-restore', '-nologo')

    $published = @(Get-ChildItem $publish -File | Where-Object Name -NotMatch $PublishOnlyPattern | ForEach-Object Name)
    $expected = @($RootFiles) + @($BinFiles) + @($EngineFiles)
    Assert-SameFiles -Actual $published -Expected $expected -What 'The publish output'

    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'bin'), (Join-Path $ModuleOut 'engine') | Out-Null
    foreach ($file in $RootFiles) { Copy-Item (Join-Path $publish $file) $ModuleOut }
    foreach ($file in $RepositoryFiles) { Copy-Item (Join-Path $Root $file) $ModuleOut }
    foreach ($file in $BinFiles) { Copy-Item (Join-Path $publish $file) (Join-Path $ModuleOut 'bin') }
    foreach ($file in $EngineFiles) { Copy-Item (Join-Path $publish $file) (Join-Path $ModuleOut 'engine') }
    foreach ($framework in $LoaderFrameworks) {
        $loaderOut = Join-Path $Out "loader/$framework"
        Invoke-Native dotnet @('build', (Join-Path $Root 'src/PolyAI.Agents.Loader/PolyAI.Agents.Loader.csproj'), '-c', $Configuration, '-f', $framework, '-o', $loaderOut, '--no-restore', '-nologo')
        $target = New-Item -ItemType Directory -Path (Join-Path $ModuleOut "loader/$framework") -Force
        Copy-Item (Join-Path $loaderOut 'PolyAI.Agents.Loader.dll') $target
    }
    $precompiled = @(Invoke-Precompile)
    # Help from docs/en-US (platyPS-style markdown) into <module>/en-US, where Get-Help looks for the cmdlets' MAML and about topics.
    # The parameters' facts and the syntax come from the built cmdlets: the generator imports the module, in a child pwsh
    # so that this process does not load the module's assemblies.
    $HelpFiles = @('en-US/PolyAI.Agents.Cmdlets.dll-Help.xml', 'en-US/about_PolyAI.Agents.help.txt')
    $exit = Invoke-ChildPowerShell -File (Join-Path $Root 'tools/New-ExternalHelp.ps1') -ArgumentList @(
        '-SourcePath', (Join-Path $Root 'docs/en-US'), '-OutputPath', (Join-Path $ModuleOut 'en-US'),
        '-ModulePath', (Join-Path $ModuleOut "$ModuleName.psd1"), '-ManifestPath', (Join-Path $Root "$ModuleName.psd1"))
    if ($exit -ne 0) { throw "Generating the help failed (exit code $exit)." }

    $laidOut = @(Get-ChildItem $ModuleOut -File -Recurse | ForEach-Object { [IO.Path]::GetRelativePath($ModuleOut, $_.FullName).Replace('\', '/') })
    Assert-SameFiles -Actual $laidOut -Expected (@($ModuleFiles) + $HelpFiles + $precompiled) -What 'The module folder'
    $manifest = Test-ModuleManifest (Join-Path $ModuleOut "$ModuleName.psd1")
    Write-Host "Module $ModuleName $($manifest.Version) laid out in $ModuleOut" -ForegroundColor Green

    Invoke-Native dotnet @('build', (Join-Path $Root 'src/PolyAI.Agents.Emulator/PolyAI.Agents.Emulator.csproj'), '-c', $Configuration, '-o', $EmulatorOut, '--no-restore', '-nologo')
    $script:Built = $true
}

function Invoke-Package {
    Invoke-Build
    if (Test-Path $RepositoryOut) { Remove-Item $RepositoryOut -Recurse -Force }
    New-Item -ItemType Directory -Path $RepositoryOut | Out-Null
    $userProfile = Enter-TemporaryUserProfile
    try {
        $exit = Invoke-ChildPowerShell -File (Join-Path $Root 'tools/Publish-LocalPackage.ps1') -ArgumentList @('-ModulePath', $ModuleOut, '-RepositoryPath', $RepositoryOut)
        if ($exit -ne 0) { throw "Publishing to the local repository failed (exit code $exit)." }
    }
    finally {
        Exit-TemporaryUserProfile $userProfile
    }
    $package = Get-ChildItem $RepositoryOut -Filter "$ModuleName.*.nupkg"
    if (-not $package) { throw "No $ModuleName package in $RepositoryOut." }
    Write-Host "Package $($package.Name) in $RepositoryOut" -ForegroundColor Green
}

function Get-TrxCounts {
    param([string] $Path)
    [xml] $trx = Get-Content -LiteralPath $Path -Raw
    $counters = $trx.TestRun.ResultSummary.Counters
    # The spec test reports how many operations of the published contract the operation table covers.
    $coverage = @($trx.TestRun.Results.UnitTestResult | Where-Object testName -Like '*Coverage_OfThePublishedOperations_IsReported*' |
        ForEach-Object { $_.Output.StdOut })
    [pscustomobject]@{
        Passed   = [int]$counters.passed
        Failed   = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        Coverage = ($coverage -join "`n").Trim()
    }
}

function Invoke-Test {
    Invoke-Package
    if (Test-Path $ResultsDir) { Remove-Item $ResultsDir -Recurse -Force }
    New-Item -ItemType Directory -Path $ResultsDir | Out-Null

    $passed = 0; $failed = 0

    Write-Host "`n== xunit: core client ==" -ForegroundColor Cyan
    $trx = Join-Path $ResultsDir 'xunit.trx'
    & dotnet test (Join-Path $Root 'tests/PolyAI.Agents.Tests/PolyAI.Agents.Tests.csproj') -c $Configuration --no-restore -nologo `
        --logger "trx;LogFileName=$trx" --logger 'console;verbosity=normal'
    $xunitExit = $LASTEXITCODE
    if (Test-Path $trx) {
        $counts = Get-TrxCounts $trx
        $passed += $counts.Passed; $failed += $counts.Failed
        Write-Host "xunit: $($counts.Passed) passed, $($counts.Failed) failed"
        if ($counts.Coverage) { Write-Host $counts.Coverage }
        if ($xunitExit -ne 0 -and $counts.Failed -eq 0) { $failed++ }
    }
    else {
        Write-Host 'xunit: no results (the test run did not start)' -ForegroundColor Red
        $failed++
    }

    Write-Host "`n== Pester: the built module in a fresh pwsh ==" -ForegroundColor Cyan
    $summary = Join-Path $ResultsDir 'pester-summary.json'
    $pester = Join-Path (Get-NuGetPackageRoot) 'pester/5.7.1/tools/Pester.psd1'
    $null = Invoke-ChildPowerShell -File (Join-Path $Root 'tests/Invoke-PesterSuite.ps1') -ArgumentList @(
        '-PesterPath', $pester, '-ModulePath', $ModuleOut, '-EmulatorPath', (Join-Path $EmulatorOut 'PolyAI.Agents.Emulator.dll'),
        '-SummaryPath', $summary, '-ResultsPath', (Join-Path $ResultsDir 'pester.xml'), '-RepositoryPath', $RepositoryOut)
    if (Test-Path $summary) {
        $counts = Get-Content $summary -Raw | ConvertFrom-Json
        $passed += $counts.Passed; $failed += $counts.Failed
    }
    else {
        Write-Host 'Pester: no results (the suite did not run)' -ForegroundColor Red
        $failed++
    }

    Write-Host ''
    Write-Output "Total: $passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $emulator = Start-PolyAiEmulator -EmulatorPath (Join-Path $EmulatorOut 'PolyAI.Agents.Emulator.dll')
    try {
        Write-Host "Emulator listening on $($emulator.BaseUri)" -ForegroundColor Green
        $env:POLYAI_DEMO_BASE_URI = $emulator.BaseUri
        $env:POLYAI_DEMO_API_KEY = $emulator.ApiKey
        $env:POLYAI_DEMO_MODULE = Join-Path $ModuleOut "$ModuleName.psd1"
        $exit = Invoke-ChildPowerShell -File (Join-Path $Root 'examples/Demo.ps1')
        if ($exit -ne 0) { throw "The demo runbook failed (exit code $exit)." }
    }
    finally {
        Stop-PolyAiEmulator -Emulator $emulator
        Remove-Item Env:POLYAI_DEMO_* -ErrorAction SilentlyContinue
        Write-Host 'Emulator stopped.' -ForegroundColor Green
    }
}

function Invoke-Emulator {
    Invoke-Build
    Write-Host @"
Starting the PolyAI emulator on http://127.0.0.1:$Port (API key: emulator-key). In another shell:
    Import-Module $ModuleOut/$ModuleName.psd1
    Connect-PolyAi -BaseUri http://127.0.0.1:$Port -ApiKey emulator-key
    Get-PolyAiConnector -AgentId PROJECT-DEMO
Press Ctrl+C to stop.
"@ -ForegroundColor Green
    & dotnet (Join-Path $EmulatorOut 'PolyAI.Agents.Emulator.dll') --port $Port
}

function Invoke-Bench {
    Invoke-Build
    $arguments = @('-ModulePath', $ModuleOut, '-EmulatorPath', (Join-Path $EmulatorOut 'PolyAI.Agents.Emulator.dll'))
    foreach ($bench in 'Bulk', 'Import') {
        Write-Host "`n== bench/$bench.Bench.ps1 ==" -ForegroundColor Cyan
        $exit = Invoke-ChildPowerShell -File (Join-Path $Root "bench/$bench.Bench.ps1") -ArgumentList $arguments
        if ($exit -ne 0) { throw "bench/$bench.Bench.ps1 failed (exit code $exit)." }
    }
}

function Invoke-Clean {
    if (Test-Path $Out) { Remove-Item $Out -Recurse -Force }
    Get-ChildItem $Root -Directory -Recurse -Include bin, obj | Remove-Item -Recurse -Force
}

foreach ($step in $Task) {
    switch ($step) {
        'Build' { Invoke-Build }
        'Package' { Invoke-Package }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Emulator' { Invoke-Emulator }
        'Bench' { Invoke-Bench }
        'Clean' { Invoke-Clean }
    }
}
