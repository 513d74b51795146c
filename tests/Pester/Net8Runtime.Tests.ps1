# The module claims PowerShell 7.4, which runs on .NET 8; this machine may have only a newer runtime. So a
# self-contained net8.0 host (tests/PolyAI.Agents.Net8Host, the .NET 8 runtime from its NuGet runtime pack) loads the
# BUILT module's assemblies the way PowerShell 7 imports the module (output types into the default load context, the
# loader by path, then the engine through the loader) and runs the core client against the emulator. The host has no
# copy of any module assembly: whatever it uses comes from the module folder, so a broken loader or layout fails here.
# Published once per run (the first publish downloads the runtime pack).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force

    $script:ModuleFolder = Split-Path -Parent $env:POLYAI_TEST_MODULE
    $script:HostFolder = Join-Path ([IO.Path]::GetTempPath()) ("polyai-net8host-{0}" -f [guid]::NewGuid())
    $project = Join-Path $PSScriptRoot '../PolyAI.Agents.Net8Host/PolyAI.Agents.Net8Host.csproj'
    $output = & dotnet publish $project -c Release -o $script:HostFolder -nologo 2>&1
    if ($LASTEXITCODE -ne 0) {
        throw "Publishing the .NET 8 host failed (exit code $LASTEXITCODE):`n$($output -join "`n")"
    }
    $script:HostExe = Join-Path $script:HostFolder 'PolyAI.Agents.Net8Host'

    function Invoke-Net8Host {
        param([string] $Module = $script:ModuleFolder)
        $emulator = Get-TestEmulator
        $lines = @(& $script:HostExe --module $Module --base-uri $emulator.BaseUri --api-key $emulator.ApiKey 2>&1 | ForEach-Object { "$_" })
        $assemblies = @{}
        foreach ($line in $lines) {
            # ASSEMBLY <name> <version> <load context> <location>
            if ($line -match '^ASSEMBLY (\S+) (\S+) (\S+) (.+)$') {
                $assemblies[$Matches[1]] = [pscustomobject]@{ Version = $Matches[2]; Context = $Matches[3]; Location = $Matches[4] }
            }
        }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Lines = $lines; Text = $lines -join "`n"; Assemblies = $assemblies }
    }
}

AfterAll {
    if ($script:HostFolder -and (Test-Path -LiteralPath $script:HostFolder)) { Remove-Item -LiteralPath $script:HostFolder -Recurse -Force }
}

Describe 'The engine on a .NET 8 runtime (PowerShell 7.4''s)' -Skip:(-not $IsLinux -or [Runtime.InteropServices.RuntimeInformation]::OSArchitecture -ne 'X64') {
    BeforeEach { Reset-TestEmulator }

    It 'the host carries no module assembly of its own: not in its folder, not in its deps.json' {
        $files = @(Get-ChildItem -LiteralPath $script:HostFolder -File).Name
        $files | Should -Contain 'PolyAI.Agents.Net8Host.dll'
        $files | Should -Contain 'System.Private.CoreLib.dll'
        @($files | Where-Object { $_ -like 'PolyAI.Agents.*' -and $_ -notlike 'PolyAI.Agents.Net8Host*' }) | Should -BeNullOrEmpty
        @($files | Where-Object { $_ -like 'Microsoft.Extensions.*' -or $_ -like 'Polly*' -or $_ -like 'Json*' -or $_ -like 'DiffPlex*' -or $_ -like 'Microsoft.Bcl.*' }) | Should -BeNullOrEmpty
        $deps = Get-Content -LiteralPath (Join-Path $script:HostFolder 'PolyAI.Agents.Net8Host.deps.json') -Raw | ConvertFrom-Json -AsHashtable
        @($deps.libraries.Keys | Where-Object { $_ -notlike 'PolyAI.Agents.Net8Host/*' -and $_ -notlike 'runtimepack.Microsoft.NETCore.App.Runtime.*' }) | Should -BeNullOrEmpty
    }

    It 'runs on .NET 8 and the client lists and removes connectors' {
        $result = Invoke-Net8Host
        $result.ExitCode | Should -Be 0 -Because $result.Text
        $result.Text | Should -Match '(?m)^RUNTIME \.NET 8\.0\.\d+\s*$'
        $result.Text | Should -Match '(?s)CONNECTORS 6\s.*REMOVED (\S+) \d+\s.*CONNECTORS 5\s'
        $removed = [regex]::Match($result.Text, 'REMOVED (\S+)').Groups[1].Value
        Get-TestConnectorIds | Should -Not -Contain $removed
        @(Get-TestConnectorIds).Count | Should -Be 5
        # Real-time configs: JSON Schema validation (JsonSchema.Net) and a line diff (DiffPlex) in the engine.
        $result.Text | Should -Match '(?m)^SCHEMA-INVALID 1 ''openingHours'''
        $result.Text | Should -Match '(?m)^SCHEMA-VALID 0 '
        $result.Text | Should -Match '(?m)^DIFF 1 line changed'
        $result.Text | Should -Match '(?m)^OK\s*$'
    }

    It 'loads the engine and its dependencies into the private context from engine/ (portable: nothing is precompiled for .NET 8), the output types into Default from bin/' {
        $result = Invoke-Net8Host
        $result.ExitCode | Should -Be 0 -Because $result.Text
        $engine = Join-Path $script:ModuleFolder 'engine'
        foreach ($name in 'PolyAI.Agents.Core', 'Polly.Core', 'JsonSchema.Net', 'DiffPlex') {
            $result.Assemblies[$name].Context | Should -Be 'PolyAI.Agents' -Because "$name belongs to the engine"
            $result.Assemblies[$name].Location | Should -Be (Join-Path $engine "$name.dll")
        }
        $result.Assemblies['PolyAI.Agents.Models'].Context | Should -Be 'Default'
        $result.Assemblies['PolyAI.Agents.Models'].Location | Should -Be (Join-Path $script:ModuleFolder 'bin/PolyAI.Agents.Models.dll')
        $result.Assemblies['PolyAI.Agents.Loader'].Location | Should -Be (Join-Path $script:ModuleFolder 'loader/net8.0/PolyAI.Agents.Loader.dll')
        $result.Text | Should -Match '(?m)^IN-DEFAULT\s*$'
    }

    It 'uses .NET 8''s own System.Text.Json, not the engine''s copy' {
        $result = Invoke-Net8Host
        $result.ExitCode | Should -Be 0 -Because $result.Text
        $json = $result.Assemblies['System.Text.Json']
        $json.Version | Should -Be '8.0.0.0'
        $json.Context | Should -Be 'Default'
        $json.Location | Should -Be (Join-Path $script:HostFolder 'System.Text.Json.dll')
    }

    It 'fails, naming the engine, when the module folder has no engine' {
        $broken = Join-Path ([IO.Path]::GetTempPath()) ("polyai-net8-broken-{0}" -f [guid]::NewGuid())
        try {
            Copy-Item -LiteralPath $script:ModuleFolder -Destination $broken -Recurse
            Remove-Item -LiteralPath (Join-Path $broken 'engine/PolyAI.Agents.Core.dll')
            $result = Invoke-Net8Host -Module $broken
            $result.ExitCode | Should -Not -Be 0
            $result.Text | Should -Match 'FAILED .*PolyAI\.Agents\.Core'
            $result.Text | Should -Not -Match '(?m)^OK'
        }
        finally {
            Remove-Item -LiteralPath $broken -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}
