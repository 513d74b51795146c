using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PolyAI.Agents.Loader;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// Runs when PowerShell imports the module (this assembly is its root module, in the default load context): routes
/// the one reference to the engine, PolyAI.Agents.Core, to a private load context over the engine/ folder, where
/// its dependencies cannot meet other modules' versions (ModuleLoader). Loads nothing else: the engine loads when the
/// first command needs it, and so do the output types' views (FormatViews). None of this assembly's public types may need the engine to load, because PowerShell
/// loads them all to find the cmdlets, and may do so before this runs.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    public void OnImport()
    {
        var moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
        var moduleRoot = Path.GetDirectoryName(moduleDirectory)!;
        // The loader's two builds share one name: PowerShell 7 takes the one with load contexts, Windows PowerShell 5.1
        // the one with a scoped resolve handler. Loaded by path first, so the reference below binds to it.
        var framework = RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal) ? "netstandard2.0" : "net8.0";
        Assembly.LoadFrom(Path.Combine(moduleRoot, "loader", framework, "PolyAI.Agents.Loader.dll"));
        Register(moduleDirectory, Path.Combine(moduleRoot, "engine"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Register(string moduleDirectory, string engineDirectory) =>
        ModuleLoader.Register(moduleDirectory, engineDirectory);
}
