using System.Text.Json;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// The methods the published OpenAPI file (contract/, embedded at build time) has on each path template, whether
/// or not the operation table has them yet.
/// </summary>
internal sealed class PublishedContract
{
    private const string ResourceName = "published-contract.openapi.json";

    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly Dictionary<string, string[]> _methodsByPath = Load();

    /// <summary>The methods on a path template as the spec writes it, e.g. /v1/agents/{agentId}; none for a path it lacks.</summary>
    public IReadOnlyList<string> MethodsOn(string pathTemplate) => _methodsByPath.GetValueOrDefault(pathTemplate) ?? [];

    private static Dictionary<string, string[]> Load()
    {
        using var stream = typeof(PublishedContract).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The emulator was built without its embedded {ResourceName}.");
        using var spec = JsonDocument.Parse(stream);
        return spec.RootElement.GetProperty("paths").EnumerateObject().ToDictionary(
            path => path.Name,
            path => path.Value.EnumerateObject().Where(item => HttpMethods.Contains(item.Name)).Select(item => item.Name.ToUpperInvariant()).ToArray(),
            StringComparer.Ordinal);
    }
}
