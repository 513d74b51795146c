#if NET8_0_OR_GREATER
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace PolyAI.Agents.Loader;

/// <summary>
/// The engine's own load context. For each reference it prefers what the runtime (or pwsh itself)
/// already carries when that is at least the version asked for and can stand in for it (see Compatible):
/// System.Text.Json etc. from the shared framework are newer than ours anyway. The module's own default-context
/// assemblies (the output types) are shared with the cmdlets, never loaded twice. Everything else it loads from the
/// engine folder, privately; anything not there falls back to the default context. The engine folder's portable
/// (IL) assemblies run everywhere; where a copy precompiled for this platform and runtime exists
/// (engine/runtimes/&lt;rid&gt;/net&lt;major&gt;.0, see <see cref="ReadyToRunDirectory"/>), that one is loaded instead.
/// </summary>
internal sealed class PrivateLoadContext : AssemblyLoadContext
{
    private readonly string _directory;
    private readonly string? _readyToRunDirectory;
    private readonly string _moduleDirectory;
    private readonly Dictionary<string, string> _platformPaths;
    private readonly Dictionary<string, Version?> _platformVersions = new(StringComparer.OrdinalIgnoreCase);

    public PrivateLoadContext(string directory, string moduleDirectory)
        : base("PolyAI.Agents", isCollectible: false)
    {
        _directory = directory;
        _readyToRunDirectory = ReadyToRunDirectory(directory);
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

        return LoadFromEngine(name);
    }

    /// <summary>
    /// An assembly of the engine folder: its copy precompiled for this platform and runtime when there is one, else
    /// the portable one. Precompiled (ReadyToRun) code spares the first command of every process the JIT compilation
    /// of the engine's request path.
    /// </summary>
    internal Assembly? LoadFromEngine(string name)
    {
        if (_readyToRunDirectory is not null)
        {
            var precompiled = Path.Combine(_readyToRunDirectory, name + ".dll");
            if (IsBuiltForThisProcess(precompiled))
            {
                return LoadFromAssemblyPath(precompiled);
            }
        }

        var path = Path.Combine(_directory, name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    /// <summary>
    /// Whether an image exists and was compiled for this process's OS and architecture. Checked before loading,
    /// because CoreCLR refuses an image precompiled for another platform instead of running its IL, and a load
    /// context remembers that refusal: the portable copy of the same assembly could not be loaded after it.
    /// </summary>
    private static bool IsBuiltForThisProcess(string path)
    {
        if (ThisPlatform is not { } platform || !File.Exists(path))
        {
            return false;
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var image = new PEReader(stream);
            return (int)image.PEHeaders.CoffHeader.Machine == platform.Machine;
        }
        catch (Exception ex) when (ex is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Where the engine's precompiled copies for this process would be: engine/runtimes/&lt;rid&gt;/net&lt;major&gt;.0,
    /// named like NuGet's runtime-specific assets (build.ps1 writes them). Null on a platform nothing is built for.
    /// </summary>
    private static string? ReadyToRunDirectory(string engineDirectory) =>
        ThisPlatform is { } platform
            ? Path.Combine(engineDirectory, "runtimes", platform.Rid, $"net{Environment.Version.Major}.0")
            : null;

    /// <summary>
    /// This process's runtime identifier, and the PE machine field of an image precompiled for it: the
    /// architecture's, XOR-ed with a value per OS (none on Windows), as crossgen2 writes it.
    /// </summary>
    private static readonly (string Rid, int Machine)? ThisPlatform = DetectPlatform();

    private static (string Rid, int Machine)? DetectPlatform()
    {
        (string Name, int Machine)? os =
            OperatingSystem.IsWindows() ? ("win", 0)
            : OperatingSystem.IsLinux() ? ("linux", 0x7B79)
            : OperatingSystem.IsMacOS() ? ("osx", 0x4644)
            : null;
        (string Name, Machine Machine)? architecture = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => ("x64", Machine.Amd64),
            Architecture.Arm64 => ("arm64", Machine.Arm64),
            _ => null,
        };
        return os is { } o && architecture is { } a ? ($"{o.Name}-{a.Name}", (int)a.Machine ^ o.Machine) : null;
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
