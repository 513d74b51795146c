# PolyAI.Agents: loads the binary cmdlets in isolation from other modules' dependency versions.
# On PowerShell 7.4+ the cmdlets and their dependencies live in a private AssemblyLoadContext; on
# Windows PowerShell 5.1 a resolve handler serves only our own assemblies. Nothing here touches the
# network or builds an HTTP client.

$edition = if ($PSVersionTable.PSEdition -eq 'Core') { 'Core' } else { 'Desktop' }
if ($edition -eq 'Core' -and $PSVersionTable.PSVersion -lt [version]'7.4') {
    throw "PolyAI.Agents needs PowerShell 7.4 or later (or Windows PowerShell 5.1); this is $($PSVersionTable.PSVersion)."
}

if (-not ('PolyAI.Agents.Loader.ModuleLoader' -as [type])) {
    $framework = if ($edition -eq 'Core') { 'net8.0' } else { 'netstandard2.0' }
    $null = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, 'loader', $framework, 'PolyAI.Agents.Loader.dll'))
}

$cmdletAssembly = [PolyAI.Agents.Loader.ModuleLoader]::Load([System.IO.Path]::Combine($PSScriptRoot, 'bin'))
$cmdletModule = Import-Module -Assembly $cmdletAssembly -PassThru

# PowerShell resolves [TypeName] literals only in its default load context: the cmdlets' output types
# ([PolyAI.Agents.Connector], [PolyAI.Agents.Session], ...) are registered as type accelerators under their full names,
# so scripts can write them as usual; the client's own types are not for scripts. They stay when the module is
# removed: type accelerators are process-wide, other runspaces (ForEach-Object -Parallel, hosted runspaces) may still
# use the module, and its assemblies stay loaded anyway (a load context is never unloaded).
$cmdletAssembly.GetType('PolyAI.Agents.Runtime.OutputTypeAccelerators')::Register()

# Remove-Module (and Import-Module -Force) must take the nested cmdlet module too, or a re-import finds it
# still loaded and imports no cmdlets.
$ExecutionContext.SessionState.Module.OnRemove = {
    Remove-Module -ModuleInfo $cmdletModule -Force -ErrorAction SilentlyContinue
}.GetNewClosure()
