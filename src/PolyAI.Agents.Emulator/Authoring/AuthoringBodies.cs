using System.Collections.Immutable;
using System.Text.Json;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// The request bodies of branches, behavior rules, the knowledge base, attributes and variants, validated as their
/// schemas say (api-notes.md §5-8): every one has additionalProperties false, so an unknown property is a 400
/// VALIDATION_ERROR naming it, like a missing or mistyped one.
/// </summary>
internal static class AuthoringBodies
{
    public const int MaxExampleQueries = 100;

    private static readonly string[] TopicProperties = ["name", "content", "actions", "exampleQueries", "isActive"];
    private static readonly string[] VariantProperties = ["name", "attributeValues", "isDefault"];
    private static readonly string[] Strategies = ["ours", "theirs", "base"];

    /// <summary>B2 {branchName} (1-100 characters). The 1.0.3 introduction's {"name"} is refused.</summary>
    public static string BranchName(string? body)
    {
        var obj = JsonBody.ParseObject(body);
        JsonBody.AllowOnly(obj, null, "branchName");
        return JsonBody.Length(JsonBody.RequiredString(obj, "branchName"), "branchName", 1, 100);
    }

    /// <summary>B4 {deploymentMessage?, conflictResolutions?}; the body is optional. Resolutions by their joined path.</summary>
    public static IReadOnlyDictionary<string, MergeResolution> MergeResolutions(string? body)
    {
        var resolutions = new Dictionary<string, MergeResolution>(StringComparer.Ordinal);
        if (JsonBody.ParseOptionalObject(body) is not { } obj)
        {
            return resolutions;
        }

        JsonBody.AllowOnly(obj, null, "deploymentMessage", "conflictResolutions");
        _ = JsonBody.OptionalString(obj, "deploymentMessage");
        if (!obj.TryGetProperty("conflictResolutions", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return resolutions;
        }

        foreach (var (item, index) in JsonBody.RequiredArray(obj, "conflictResolutions", minItems: 0).Select((item, index) => (item, index)))
        {
            var field = $"conflictResolutions[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new ApiException(ApiErrors.Validation(field, $"'{field}' must be an object, not {JsonBody.Describe(item)}."));
            }

            JsonBody.AllowOnly(item, field, "path", "strategy", "value");
            var path = JsonBody.RequiredStringArray(item, "path", minItems: 1);
            var strategy = JsonBody.RequiredString(item, "strategy", field);
            if (!Strategies.Contains(strategy))
            {
                throw new ApiException(ApiErrors.Validation($"{field}.strategy", $"'{field}.strategy' must be ours, theirs or base, not '{strategy}'."));
            }

            JsonElement? value = item.TryGetProperty("value", out var given) ? given.Clone() : null;
            resolutions[MergeItems.Join(path)] = new MergeResolution(strategy, value);
        }

        return resolutions;
    }

    /// <summary>R2 {behavior} (at least one character): the whole text.</summary>
    public static string Behavior(string? body)
    {
        var obj = JsonBody.ParseObject(body);
        JsonBody.AllowOnly(obj, null, "behavior");
        return JsonBody.RequiredString(obj, "behavior");
    }

    /// <summary>K2 (name and content required, at least one character) or K4 (all optional; name not empty).</summary>
    public static TopicFields Topic(string? body, bool creating)
    {
        var obj = JsonBody.ParseObject(body);
        JsonBody.AllowOnly(obj, null, TopicProperties);
        var name = creating ? JsonBody.RequiredString(obj, "name") : JsonBody.OptionalString(obj, "name");
        if (name is { Length: 0 })
        {
            throw new ApiException(ApiErrors.Validation("name", "'name' must not be empty."));
        }

        var content = creating ? JsonBody.RequiredString(obj, "content") : JsonBody.OptionalString(obj, "content");
        ImmutableArray<string>? queries = null;
        if (JsonBody.OptionalObject(obj, "exampleQueries") is { } wrapper)
        {
            JsonBody.AllowOnly(wrapper, "exampleQueries", "queries");
            var list = JsonBody.RequiredStringArray(wrapper, "queries", minItems: 0);
            queries = list.Count <= MaxExampleQueries
                ? [.. list]
                : throw new ApiException(ApiErrors.Validation("exampleQueries.queries", $"'exampleQueries.queries' takes at most {MaxExampleQueries} queries, not {list.Count}."));
        }

        return new TopicFields(name, content, JsonBody.OptionalString(obj, "actions"), queries, JsonBody.OptionalBoolean(obj, "isActive"));
    }

    /// <summary>V2 and V3 {name} (at least one character).</summary>
    public static string AttributeName(string? body)
    {
        var obj = JsonBody.ParseObject(body);
        JsonBody.AllowOnly(obj, null, "name");
        return JsonBody.RequiredString(obj, "name");
    }

    /// <summary>V6 (name required) or V7 (all optional) {name, attributeValues: {values: {attribute: string}}, isDefault}.</summary>
    public static VariantFields Variant(string? body, bool creating)
    {
        var obj = JsonBody.ParseObject(body);
        JsonBody.AllowOnly(obj, null, VariantProperties);
        var name = creating ? JsonBody.RequiredString(obj, "name") : JsonBody.OptionalString(obj, "name");
        if (name is { Length: 0 })
        {
            throw new ApiException(ApiErrors.Validation("name", "'name' must not be empty."));
        }

        ImmutableSortedDictionary<string, string>? values = null;
        if (JsonBody.OptionalObject(obj, "attributeValues") is { } wrapper)
        {
            JsonBody.AllowOnly(wrapper, "attributeValues", "values");
            values = BranchContent.NoValues;
            var given = JsonBody.OptionalObject(wrapper, "values", "attributeValues");
            foreach (var property in given?.EnumerateObject().ToArray() ?? [])
            {
                values = property.Value.ValueKind == JsonValueKind.String
                    ? values.SetItem(property.Name, property.Value.GetString()!)
                    : throw new ApiException(ApiErrors.Validation($"attributeValues.values.{property.Name}",
                        $"The value of attribute '{property.Name}' must be a string, not {JsonBody.Describe(property.Value)}."));
            }
        }

        return new VariantFields(name, values, JsonBody.OptionalBoolean(obj, "isDefault"));
    }
}
