using System.Security.Cryptography;
using System.Text.Json;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// The version of main's content a deployment runs: the first 7 hex characters of the SHA-256 of a canonical JSON
/// of it (behavior, then topics, attributes and variants in their order, each as the API shows it; a variant's
/// values sorted by name). The same content always gives the same version, so publishing an unchanged main is
/// "already published".
/// </summary>
internal static class ContentVersion
{
    public const int Length = 7;

    public static string Of(BranchContent content)
    {
        var canonical = new CanonicalContent(
            content.Behavior,
            content.Topics.Select(TopicResponse.Of).ToArray(),
            content.Attributes.Select(AttributeResponse.Of).ToArray(),
            content.Variants.Select(v => VariantResponse.Of(v) with
            {
                // Sorted here, whatever order the branch keeps them in: the version must not depend on it.
                AttributeValues = new AttributeValuesResponse(new SortedDictionary<string, string>(v.Values.ToDictionary(), StringComparer.Ordinal)),
            }).ToArray());
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical, EmulatorJson.Options));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    private sealed record CanonicalContent(
        string Behavior,
        IReadOnlyList<TopicResponse> Topics,
        IReadOnlyList<AttributeResponse> Attributes,
        IReadOnlyList<VariantResponse> Variants);
}
