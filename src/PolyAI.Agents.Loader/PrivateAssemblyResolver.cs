#if !NET8_0_OR_GREATER
using System;
using System.IO;
using System.Reflection;

namespace PolyAI.Agents.Loader;

/// <summary>
/// Windows PowerShell 5.1 has no load contexts. Assemblies loaded with LoadFrom find their dependencies
/// next to them; this handler covers what that misses (the cmdlets' references to the engine and to
/// System.Text.Json, the engine's to the output types), and answers only for requests made by our own
/// assemblies (never for another module's), with files from our engine folder, then our module folder.
/// </summary>
internal sealed class PrivateAssemblyResolver
{
    private readonly string _engineDirectory;
    private readonly string _moduleDirectory;

    public PrivateAssemblyResolver(string engineDirectory, string moduleDirectory)
    {
        _engineDirectory = engineDirectory;
        _moduleDirectory = moduleDirectory;
    }

    public Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var requester = args.RequestingAssembly;
        if (requester is null || requester.IsDynamic || !IsOurs(requester.Location))
        {
            return null;
        }

        var file = new AssemblyName(args.Name).Name + ".dll";
        foreach (var directory in new[] { _engineDirectory, _moduleDirectory })
        {
            var path = Path.Combine(directory, file);
            if (File.Exists(path))
            {
                return Assembly.LoadFrom(path);
            }
        }

        return null;
    }

    private bool IsOurs(string location)
    {
        if (string.IsNullOrEmpty(location))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(location));
        return string.Equals(directory, _engineDirectory, StringComparison.OrdinalIgnoreCase)
            || string.Equals(directory, _moduleDirectory, StringComparison.OrdinalIgnoreCase);
    }
}
#endif
