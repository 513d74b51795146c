#if !NET8_0_OR_GREATER
using System;
using System.IO;
using System.Reflection;

namespace PolyAI.Agents.Loader;

/// <summary>
/// Windows PowerShell 5.1 has no load contexts. Assemblies loaded with LoadFrom find their dependencies
/// next to them; this handler covers what that misses, and answers only for requests made by our own
/// assemblies (never for another module's), with files from our bin folder.
/// </summary>
internal sealed class PrivateAssemblyResolver
{
    private readonly string _directory;

    public PrivateAssemblyResolver(string directory) => _directory = directory;

    public Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var requester = args.RequestingAssembly;
        if (requester is null || requester.IsDynamic || !IsOurs(requester.Location))
        {
            return null;
        }

        var name = new AssemblyName(args.Name).Name;
        var path = Path.Combine(_directory, name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }

    private bool IsOurs(string location) =>
        !string.IsNullOrEmpty(location)
        && string.Equals(Path.GetDirectoryName(Path.GetFullPath(location)), _directory, StringComparison.OrdinalIgnoreCase);
}
#endif
