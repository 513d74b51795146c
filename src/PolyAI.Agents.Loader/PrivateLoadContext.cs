#if NET8_0_OR_GREATER
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace PolyAI.Agents.Loader;

/// <summary>
/// The engine's own load context. For each reference it prefers what the runtime (or pwsh itself)
/// already carries when that is at least the version asked for and can stand in for it (see Compatible):
/// System.Text.Json etc. from the shared framework are newer than ours anyway. The module's own default-context
/// assemblies (the output types) are shared with the cmdlets, never loaded twice. Everything else it loads from the
/// engine folder, privately; anything not there falls back to the default context.
/// </summary>
internal sealed class PrivateLoadContext : AssemblyLoadContext
{
    private readonly string _directory;
    private readonly string _moduleDirectory;
    private readonly Dictionary<string, string> _platformPaths;
    private readonly Dictionary<string, Version?> _platformVersions = new(StringComparer.OrdinalIgnoreCase);

    public PrivateLoadContext(string directory, string moduleDirectory)
        : base("PolyAI.Agents", isCollectible: false)
    {
        _directory = directory;
        _moduleDirectory = moduleDirectory;
        _platformPaths = PlatformAssemblies();
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null || File.Exists(Path.Combine(_moduleDirectory, name + ".dll")))
        {
            return null;
        }

        if (_platformPaths.TryGetValue(name, out var platformPath))
        {
            var platformVersion = PlatformVersion(name, platformPath);
            if (assemblyName.Version is null || (platformVersion is not null && platformVersion >= assemblyName.Version && Compatible(name, platformVersion, assemblyName.Version)))
            {
                return null;
            }
        }

        var path = Path.Combine(_directory, name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    /// <summary>
    /// Whether a newer platform copy can stand in for the version asked for. The .NET platform's own assemblies
    /// (System.*, Microsoft.*) keep their API across major versions; anyone else's follow semantic versioning, so
    /// only the same major version will do: pwsh 7.6 carries JsonSchema.Net 7 (for Test-Json), whose API is not
    /// the 5.x the core is built against, so the module loads its own.
    /// </summary>
    private static bool Compatible(string name, Version platform, Version requested) =>
        platform.Major == requested.Major
        || name.StartsWith("System.", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase);

    /// <summary>The trusted platform assemblies of this process (the shared framework and pwsh's own): name → path.</summary>
    private static Dictionary<string, string> PlatformAssemblies()
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            result.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        return result;
    }

    /// <summary>Read from the file only when that assembly is asked for (reading all of them costs ~0.5 s).</summary>
    private Version? PlatformVersion(string name, string path)
    {
        lock (_platformVersions)
        {
            if (!_platformVersions.TryGetValue(name, out var version))
            {
                try
                {
                    version = AssemblyName.GetAssemblyName(path).Version;
                }
                catch (Exception ex) when (ex is BadImageFormatException or IOException)
                {
                    version = null;
                }

                _platformVersions[name] = version;
            }

            return version;
        }
    }
}
#endif
