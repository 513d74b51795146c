using System.Text.Json;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// The methods a published OpenAPI file (contract/, embedded at build time) has on each path template, whether
/// or not the emulator has them.
/// </summary>
internal sealed class PublishedContract
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly Dictionary<string, string[]> _methodsByPath;

    private PublishedContract(string resourceName) => _methodsByPath = Load(resourceName);

    /// <summary>1.0.3, the contract of the operation table.</summary>
    public static PublishedContract Table() => new("published-contract.openapi.json");

    /// <summary>1.0.11, the contract of the operations only it has that the emulator serves (see <see cref="OperationHandlers.AddLater"/>).</summary>
    public static PublishedContract Later() => new("later-contract.openapi.json");

    /// <summary>The methods on a path template as the spec writes it, e.g. /v1/agents/{agentId}; none for a path it lacks.</summary>
    public IReadOnlyList<string> MethodsOn(string pathTemplate) => _methodsByPath.GetValueOrDefault(pathTemplate) ?? [];

    private static Dictionary<string, string[]> Load(string resourceName)
    {
        using var stream = typeof(PublishedContract).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The emulator was built without its embedded {resourceName}.");
        using var spec = JsonDocument.Parse(stream);
        return spec.RootElement.GetProperty("paths").EnumerateObject().ToDictionary(
            path => path.Name,
            path => path.Value.EnumerateObject().Where(item => HttpMethods.Contains(item.Name)).Select(item => item.Name.ToUpperInvariant()).ToArray(),
            StringComparer.Ordinal);
    }
}

/// <summary>The published contracts the emulator answers by: the table's (1.0.3) and the later one (1.0.11).</summary>
internal sealed record PublishedContracts(PublishedContract Table, PublishedContract Later);
