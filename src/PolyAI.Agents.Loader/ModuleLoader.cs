using System;
using System.IO;
using System.Reflection;

namespace PolyAI.Agents.Loader;

/// <summary>
/// Loads PolyAI.Agents.Cmdlets.dll (the cmdlets) and everything it depends on from the module's bin folder, away
/// from PowerShell's default load context, so another module that loaded another version of
/// Microsoft.Extensions.*, Polly or System.Text.Json cannot break this one, and this one cannot break it.
/// Called once per process by PolyAI.Agents.psm1; later imports get the same assembly.
/// </summary>
public static class ModuleLoader
{
    public const string ModuleAssemblyName = "PolyAI.Agents.Cmdlets";

    private static readonly object Gate = new();
    private static Assembly? _module;

    /// <summary>Loads the cmdlet assembly (once per process) and returns it.</summary>
    public static Assembly Load(string binDirectory)
    {
        lock (Gate)
        {
            if (_module is null)
            {
                var directory = Path.GetFullPath(binDirectory);
#if NET8_0_OR_GREATER
                var context = new PrivateLoadContext(directory);
                _module = context.LoadFromAssemblyPath(Path.Combine(directory, ModuleAssemblyName + ".dll"));
#else
                AppDomain.CurrentDomain.AssemblyResolve += new PrivateAssemblyResolver(directory).Resolve;
                _module = Assembly.LoadFrom(Path.Combine(directory, ModuleAssemblyName + ".dll"));
#endif
            }

            return _module;
        }
    }
}
