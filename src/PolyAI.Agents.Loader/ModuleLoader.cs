using System;
using System.IO;
using System.Reflection;
#if NET8_0_OR_GREATER
using System.Runtime.Loader;
#endif

namespace PolyAI.Agents.Loader;

/// <summary>
/// Keeps the module's engine (PolyAI.Agents.Core and everything it depends on: Microsoft.Extensions.*, Polly,
/// JsonSchema.Net, DiffPlex, and on Windows PowerShell System.Text.Json) away from PowerShell's default load
/// context, so another module that loaded other versions of them cannot break this one, and this one cannot
/// break it. The cmdlets and their output types stay in the default context, where PowerShell imports them as
/// an ordinary binary module and resolves their type names; they reach the engine by name, and this loader
/// answers that one name from the engine folder. Nothing is loaded until the first command needs the engine.
/// Called by the cmdlet assembly's module initializer on every import; registers once per process.
/// </summary>
public static class ModuleLoader
{
    public const string EngineAssemblyName = "PolyAI.Agents.Core";

    private static readonly object Gate = new();
    private static bool _registered;

    /// <param name="moduleDirectory">The folder of the cmdlets and their output types (default load context).</param>
    /// <param name="engineDirectory">The folder of the engine and its dependencies (private).</param>
    public static void Register(string moduleDirectory, string engineDirectory)
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            var module = Path.GetFullPath(moduleDirectory);
            var engine = Path.GetFullPath(engineDirectory);
#if NET8_0_OR_GREATER
            var context = new Lazy<PrivateLoadContext>(() => new PrivateLoadContext(engine, module));
            AssemblyLoadContext.Default.Resolving += (defaultContext, name) =>
            {
                if (string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal))
                {
                    // A missing engine fails here, naming the file it looked for.
                    return context.Value.LoadFromEngine(EngineAssemblyName)
                        ?? context.Value.LoadFromAssemblyPath(Path.Combine(engine, EngineAssemblyName + ".dll"));
                }

                // The engine's references to the output types come back here (see PrivateLoadContext.Load).
                var shared = Path.Combine(module, name.Name + ".dll");
                return name.Name is not null && File.Exists(shared) ? defaultContext.LoadFromAssemblyPath(shared) : null;
            };
#else
            AppDomain.CurrentDomain.AssemblyResolve += new PrivateAssemblyResolver(engine, module).Resolve;
#endif
            _registered = true;
        }
    }
}
