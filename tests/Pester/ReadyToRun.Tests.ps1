# The engine, its retry library and that library's clock are precompiled (ReadyToRun) for the platforms Directory.Packages.props names
# (build.ps1, Invoke-Precompile), and the loader takes the copy for its platform and runtime. Whether the precompiled
# code is really used is checked in a fresh pwsh whose JIT writes down every method it compiles (DOTNET_JitStdOutFile
# with DOTNET_JitDisasmSummary): engine methods that every listing runs must not be among them, while the portable
# cmdlets' methods are (so the log is known to work).

BeforeDiscovery {
    $props = [xml](Get-Content -LiteralPath (Join-Path $PSScriptRoot '../../Directory.Packages.props') -Raw)
    $settings = $props.Project.PropertyGroup | Where-Object { $_.Label -eq 'Precompilation' }
    $script:ReadyToRunMajor = ([version]$settings.ReadyToRunVersion).Major
    $script:Targets = @($settings.ReadyToRunRuntimeIdentifiers -split ';' | ForEach-Object { @{ Rid = $_; Major = $script:ReadyToRunMajor } })
    $os = if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
    $script:ThisRid = "$os-$("$([Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture)".ToLowerInvariant())"
    $script:Precompiles = $script:ThisRid -in $script:Targets.Rid -and [Environment]::Version.Major -eq $script:ReadyToRunMajor
    # crossgen2 is pinned for a linux-x64 build host (Directory.Packages.props); elsewhere the build lays out the portable
    # engine only, and says so. The tests run where the module was built.
    $script:BuiltPrecompiled = $script:ThisRid -eq 'linux-x64'
    $script:ThisPlatform = @{ Rid = $script:ThisRid; Framework = "net$([Environment]::Version.Major).0" }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:ModuleFolder = Split-Path -Parent $env:POLYAI_TEST_MODULE
    # Engine methods every listing runs; none is generic (an instantiation over framework types is compiled at run time
    # whatever the image).
    $script:EngineMethods = @('PolyAI.Agents.Client.PolyAiClient:BuildRequest(', 'PolyAI.Agents.Contract.ApiOperation:Path(', 'PolyAI.Agents.Client.Identifier:IsValid(')
    $script:CmdletMethod = 'PolyAI.Agents.Commands.GetPolyAiConnectorCommand:ProcessRecord('

    function Invoke-ListingWithJitLog {
        param([Parameter(Mandatory)] [string] $ModuleFolder)
        $log = Join-Path ([IO.Path]::GetTempPath()) ("polyai-jit-{0}.txt" -f [guid]::NewGuid())
        $env:DOTNET_JitStdOutFile = $log
        $env:DOTNET_JitDisasmSummary = '1'
        try {
            $result = Invoke-TestPwsh -NoImport -Script @"
Import-Module '$ModuleFolder/PolyAI.Agents.psd1'
Connect-PolyAi -BaseUri '$env:POLYAI_TEST_EMULATOR_URI' -ApiKey '$env:POLYAI_TEST_EMULATOR_KEY' -MaxRetry 0
'CONNECTORS ' + @(Get-PolyAiConnector -AgentId PROJECT-DEMO).Count
foreach (`$name in 'PolyAI.Agents.Core', 'Polly.Core', 'Microsoft.Bcl.TimeProvider') {
    'LOADED ' + `$name + ' ' + ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq `$name }).Location
}
'DONE'
"@
            $jitted = if (Test-Path -LiteralPath $log) { Get-Content -LiteralPath $log -Raw } else { '' }
            # Not the exit code: with the JIT log on, the runtime at times aborts while shutting down ("free(): invalid
            # pointer", exit 134) after the script has finished; the script's own last line says it did.
            [pscustomobject]@{ Output = $result.Output; Jitted = $jitted }
        }
        finally {
            Remove-Item Env:DOTNET_JitStdOutFile, Env:DOTNET_JitDisasmSummary -ErrorAction SilentlyContinue
            Remove-Item -LiteralPath $log -ErrorAction SilentlyContinue
        }
    }

    # The machine field of a ReadyToRun image: the architecture's, XOR-ed with a constant per OS (none for Windows).
    function Get-ReadyToRunTarget {
        param([Parameter(Mandatory)] [string] $Path)
        $stream = [IO.File]::OpenRead($Path)
        try {
            $reader = [Reflection.PortableExecutable.PEReader]::new($stream)
            $headers = $reader.PEHeaders
            $machine = [int]$headers.CoffHeader.Machine
            $os = @{ 0 = 'win'; 0x7B79 = 'linux'; 0x4644 = 'osx' }
            $architecture = @{ 0x8664 = 'x64'; 0xAA64 = 'arm64' }
            foreach ($osKey in $os.Keys) {
                $archKey = $machine -bxor $osKey
                if ($architecture.ContainsKey($archKey)) {
                    return [pscustomobject]@{ Rid = "$($os[$osKey])-$($architecture[$archKey])"; ReadyToRun = $headers.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0 }
                }
            }
            [pscustomobject]@{ Rid = 'unknown'; ReadyToRun = $headers.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0 }
        }
        finally {
            $stream.Dispose()
        }
    }
}

Describe 'The precompiled engine for <Rid> (.NET <Major>)' -ForEach $script:Targets -Skip:(-not $script:BuiltPrecompiled) {
    It 'holds the engine, Polly.Core and its clock as ReadyToRun images built for <Rid>' {
        foreach ($file in 'PolyAI.Agents.Core.dll', 'Polly.Core.dll', 'Microsoft.Bcl.TimeProvider.dll') {
            $path = Join-Path $script:ModuleFolder "engine/runtimes/$Rid/net$Major.0/$file"
            Test-Path -LiteralPath $path | Should -BeTrue -Because "build.ps1 precompiles $file for $Rid"
            $target = Get-ReadyToRunTarget -Path $path
            $target.ReadyToRun | Should -BeTrue -Because "$file for $Rid must carry precompiled code"
            $target.Rid | Should -Be $Rid
        }
    }

    It 'keeps the portable engine as the fallback, without precompiled code' {
        (Get-ReadyToRunTarget -Path (Join-Path $script:ModuleFolder 'engine/PolyAI.Agents.Core.dll')).ReadyToRun | Should -BeFalse
    }
}

Describe 'Loading the engine on this platform (<Rid>)' -ForEach $script:ThisPlatform -Skip:(-not ($script:Precompiles -and $script:BuiltPrecompiled)) {
    BeforeAll { Reset-TestEmulator }

    It 'loads the copies precompiled for it and runs their code without compiling it again' {
        $run = Invoke-ListingWithJitLog -ModuleFolder $script:ModuleFolder
        $run.Output | Should -Match '(?m)^CONNECTORS 6\s*$'
        $run.Output | Should -Match '(?m)^DONE\s*$'
        foreach ($name in 'PolyAI.Agents.Core', 'Polly.Core', 'Microsoft.Bcl.TimeProvider') {
            $run.Output | Should -Match ("(?m)^LOADED $([regex]::Escape($name)) " + [regex]::Escape((Join-Path $script:ModuleFolder "engine/runtimes/$Rid/$Framework/$name.dll")) + '\s*$')
        }
        $run.Jitted | Should -Match ([regex]::Escape($script:CmdletMethod)) -Because 'the JIT log lists what was compiled (the cmdlets are portable)'
        foreach ($method in $script:EngineMethods) {
            $run.Jitted | Should -Not -Match ([regex]::Escape($method)) -Because "$method is precompiled"
        }
    }

    It 'falls back to the portable engine when the copy for this platform was built for another one' {
        $other = if ($Rid -like 'win-*') { 'linux-x64' } else { 'win-x64' }
        $copy = Join-Path ([IO.Path]::GetTempPath()) ("polyai-r2r-{0}" -f [guid]::NewGuid())
        try {
            Copy-Item -LiteralPath $script:ModuleFolder -Destination $copy -Recurse
            $here = Join-Path $copy "engine/runtimes/$Rid/$Framework"
            Copy-Item -Path (Join-Path $copy "engine/runtimes/$other/$Framework/*.dll") -Destination $here -Force
            (Get-ReadyToRunTarget -Path (Join-Path $here 'PolyAI.Agents.Core.dll')).Rid | Should -Be $other

            $run = Invoke-ListingWithJitLog -ModuleFolder $copy
            $run.Output | Should -Match '(?m)^CONNECTORS 6\s*$'
            $run.Output | Should -Match '(?m)^DONE\s*$'
            foreach ($name in 'PolyAI.Agents.Core', 'Polly.Core', 'Microsoft.Bcl.TimeProvider') {
                $run.Output | Should -Match ("(?m)^LOADED $([regex]::Escape($name)) " + [regex]::Escape((Join-Path $copy "engine/$name.dll")) + '\s*$')
            }
            foreach ($method in $script:EngineMethods) {
                $run.Jitted | Should -Match ([regex]::Escape($method)) -Because "the portable $method is compiled on first use"
            }
        }
        finally {
            Remove-Item -LiteralPath $copy -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}
