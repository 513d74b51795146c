# Another module in the same session may load other versions of assemblies that modules commonly carry
# (Microsoft.Extensions.*, older or newer, before or after us; the engine used them until it moved to .NET's own HTTP
# pipeline). Both must keep working. Each case runs in a fresh pwsh, because an assembly once loaded stays for the
# life of the process.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force

    function Invoke-CoexistenceCase {
        param([string] $Version, [switch] $OursFirst)
        $packages = 'microsoft.extensions.primitives', 'microsoft.extensions.dependencyinjection.abstractions',
            'microsoft.extensions.options', 'microsoft.extensions.logging.abstractions'
        $theirs = foreach ($package in $packages) {
            (Get-ChildItem (Join-Path $env:POLYAI_TEST_NUGET_ROOT "$package/$Version/lib/netstandard2.0/*.dll"))[0].FullName
        }
        $theirsList = ($theirs | ForEach-Object { "'$_'" }) -join ','
        $loadTheirs = @"
foreach (`$path in @($theirsList)) {
    try { `$a = [Reflection.Assembly]::LoadFrom(`$path); "THEIRS-LOADED {0} {1}" -f `$a.GetName().Name, `$a.GetName().Version }
    catch { "THEIRS-FAILED `$(`$_.Exception.Message)" }
}
"@
        $useOurs = @'
try { "OURS-WORKS {0}" -f @(Get-PolyAiConnector -AgentId PROJECT-DEMO -ErrorAction Stop).Count } catch { "OURS-FAILED $($_.Exception.Message)" }
'@
        $useTheirs = @'
$values = [Microsoft.Extensions.Primitives.StringValues]::new([string[]]('a', 'b'))
"THEIRS-WORKS {0} {1}" -f $values.Count, [Microsoft.Extensions.Primitives.StringValues].Assembly.GetName().Version
'@
        $connect = "Import-Module '$env:POLYAI_TEST_MODULE'; Connect-PolyAi -BaseUri '$env:POLYAI_TEST_EMULATOR_URI' -ApiKey '$env:POLYAI_TEST_EMULATOR_KEY'"
        $script = if ($OursFirst) { "$connect`n$useOurs`n$loadTheirs`n$useTheirs`n$useOurs" } else { "$loadTheirs`n$connect`n$useOurs`n$useTheirs" }
        (Invoke-TestPwsh -NoImport -Script $script).Output
    }
}

Describe 'Coexistence with other versions of our dependencies' {
    BeforeEach { Reset-TestEmulator }

    It 'works after another module loaded OLDER Microsoft.Extensions.* (6.0), and theirs still works' {
        $output = Invoke-CoexistenceCase -Version '6.0.0'
        ([regex]::Matches($output, 'THEIRS-LOADED')).Count | Should -Be 4
        $output | Should -Match 'OURS-WORKS 6'
        $output | Should -Match 'THEIRS-WORKS 2 6\.0\.0\.0'
        $output | Should -Not -Match 'FAILED'
    }

    It 'works after another module loaded NEWER Microsoft.Extensions.* (10.0), and theirs still works' {
        $output = Invoke-CoexistenceCase -Version '10.0.14'
        $output | Should -Match 'OURS-WORKS 6'
        $output | Should -Match 'THEIRS-WORKS 2 10\.0\.0\.0'
        $output | Should -Not -Match 'FAILED'
    }

    It 'does not stop another module from loading OLDER versions after it' {
        $output = Invoke-CoexistenceCase -Version '6.0.0' -OursFirst
        ([regex]::Matches($output, 'THEIRS-LOADED')).Count | Should -Be 4
        ([regex]::Matches($output, 'OURS-WORKS 6')).Count | Should -Be 2
        $output | Should -Match 'THEIRS-WORKS 2 6\.0\.0\.0'
        $output | Should -Not -Match 'FAILED'
    }

    It 'works next to an OLDER Polly.Core (8.4.2) that another module loaded, before or after it, and theirs still works' -ForEach @(
        @{ OursFirst = $false }, @{ OursFirst = $true }
    ) {
        $theirs = (Get-ChildItem (Join-Path $env:POLYAI_TEST_NUGET_ROOT 'polly.core/8.4.2/lib/net8.0/Polly.Core.dll'))[0].FullName
        $loadTheirs = "try { `$a = [Reflection.Assembly]::LoadFrom('$theirs'); 'THEIRS-LOADED {0}' -f [Diagnostics.FileVersionInfo]::GetVersionInfo(`$a.Location).ProductVersion } catch { 'THEIRS-FAILED ' + `$_.Exception.Message }"
        $useTheirs = @'
try {
    $pipeline = [Polly.ResiliencePipelineBuilder]::new().Build()
    $version = [Diagnostics.FileVersionInfo]::GetVersionInfo([Polly.ResiliencePipelineBuilder].Assembly.Location).ProductVersion
    "THEIRS-WORKS {0} {1}" -f $pipeline.GetType().Name, $version
} catch { "THEIRS-FAILED $($_.Exception.Message)" }
'@
        $useOurs = @'
try { "OURS-WORKS {0}" -f @(Get-PolyAiConnector -AgentId PROJECT-DEMO -ErrorAction Stop).Count } catch { "OURS-FAILED $($_.Exception.Message)" }
'@
        $script = if ($OursFirst) { "$useOurs`n$loadTheirs`n$useTheirs`n$useOurs" } else { "$loadTheirs`n$useOurs`n$useTheirs" }
        $output = (Invoke-TestPwsh -Script $script).Output
        $output | Should -Match 'THEIRS-LOADED 8\.4\.2'
        $output | Should -Match 'OURS-WORKS 6'
        $output | Should -Match 'THEIRS-WORKS ResiliencePipeline 8\.4\.2'
        $output | Should -Not -Match 'FAILED'
    }

    It 'keeps the engine and its dependencies out of the default load context, and its output types in it' {
        $result = Invoke-TestPwsh -Script @'
Get-PolyAiConnector -AgentId PROJECT-DEMO | Out-Null
$default = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies.GetName().Name
$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PolyAI.Agents.Core' }
"CONTEXT {0}" -f [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).Name
"TYPES {0}" -f [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([PolyAI.Agents.Connector].Assembly).Name
"IN-DEFAULT {0}" -f (@($default | Where-Object { $_ -like 'Microsoft.Extensions.*' -or $_ -like 'Polly*' -or $_ -like 'PolyAI.Agents.Core' -or $_ -like 'Json*' -or $_ -like 'DiffPlex' }) -join ',')
'@
        $result.Output | Should -Match 'CONTEXT PolyAI.Agents'
        $result.Output | Should -Match 'TYPES Default'
        $result.Output | Should -Match 'IN-DEFAULT\s*$'
    }
}
