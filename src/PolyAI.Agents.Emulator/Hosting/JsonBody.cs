using System.Text.Json;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// Reads request bodies as <see cref="JsonElement"/> so that handlers can tell a missing property from an explicit
/// null and reject properties they do not accept. Every failure is a 400 <see cref="ApiException"/>.
/// </summary>
internal static class JsonBody
{
    /// <summary>The body as a JSON object; a missing, malformed or non-object body is a 400.</summary>
    public static JsonElement ParseObject(string? body) =>
        ParseOptionalObject(body) ?? throw new ApiException(ApiErrors.Validation("body", "A JSON object request body is required."));

    /// <summary>The body as a JSON object, or null when the body is empty.</summary>
    public static JsonElement? ParseOptionalObject(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException ex)
        {
            throw new ApiException(ApiErrors.Validation("body", $"The request body is not valid JSON: {ex.Message}"));
        }

        return root.ValueKind == JsonValueKind.Object
            ? root
            : throw new ApiException(ApiErrors.Validation("body", $"The request body must be a JSON object, not {Describe(root)}."));
    }

    /// <summary>A required array property with at least <paramref name="minItems"/> items.</summary>
    public static IReadOnlyList<JsonElement> RequiredArray(JsonElement obj, string name, int minItems)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new ApiException(ApiErrors.Validation(name, $"'{name}' is required."));
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ApiException(ApiErrors.Validation(name, $"'{name}' must be an array, not {Describe(value)}."));
        }

        var items = value.EnumerateArray().ToArray();
        return items.Length >= minItems
            ? items
            : throw new ApiException(ApiErrors.Validation(name, $"'{name}' must contain at least {minItems} item(s)."));
    }

    /// <summary>A required array of strings with at least <paramref name="minItems"/> items.</summary>
    public static IReadOnlyList<string> RequiredStringArray(JsonElement obj, string name, int minItems) =>
        RequiredArray(obj, name, minItems)
            .Select(item => item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new ApiException(ApiErrors.Validation(name, $"Every item of '{name}' must be a string, not {Describe(item)}.")))
            .ToArray();

    /// <summary>A required, non-empty string property.</summary>
    public static string RequiredString(JsonElement obj, string name, string? parent = null) =>
        OptionalString(obj, name, parent) is { Length: > 0 } value
            ? value
            : throw new ApiException(ApiErrors.Validation(Field(parent, name), $"'{Field(parent, name)}' is required and must be a non-empty string."));

    /// <summary>An optional string property; null when absent or null.</summary>
    public static string? OptionalString(JsonElement obj, string name, string? parent = null)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ApiException(ApiErrors.Validation(Field(parent, name), $"'{Field(parent, name)}' must be a string, not {Describe(value)}."));
    }

    /// <summary>An optional boolean property; null when absent or null.</summary>
    public static bool? OptionalBoolean(JsonElement obj, string name, string? parent = null)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new ApiException(ApiErrors.Validation(Field(parent, name), $"'{Field(parent, name)}' must be a boolean, not {Describe(value)}."));
    }

    /// <summary>An optional object property; null when absent or null.</summary>
    public static JsonElement? OptionalObject(JsonElement obj, string name, string? parent = null)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw new ApiException(ApiErrors.Validation(Field(parent, name), $"'{Field(parent, name)}' must be an object, not {Describe(value)}."));
    }

    /// <summary>A required object property.</summary>
    public static JsonElement RequiredObject(JsonElement obj, string name, string? parent = null) =>
        OptionalObject(obj, name, parent)
            ?? throw new ApiException(ApiErrors.Validation(Field(parent, name), $"'{Field(parent, name)}' is required and must be an object."));

    /// <summary>
    /// The schema's <c>additionalProperties: false</c>: a property other than <paramref name="allowed"/> is a 400
    /// naming it (<paramref name="parent"/> is the path of a nested object, e.g. "responseSettings").
    /// </summary>
    public static void AllowOnly(JsonElement obj, string? parent, params string[] allowed)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                var field = Field(parent, property.Name);
                throw new ApiException(ApiErrors.Validation(field,
                    $"Unknown property '{field}'; {(parent is null ? "the body" : $"'{parent}'")} takes only {string.Join(", ", allowed)}."));
            }
        }
    }

    /// <summary>A string's length within <paramref name="min"/>..<paramref name="max"/> characters, or a 400 naming the field.</summary>
    public static string Length(string value, string field, int min, int max) =>
        value.Length >= min && value.Length <= max
            ? value
            : throw new ApiException(ApiErrors.Validation(field, $"'{field}' must have {min} to {max} characters, not {value.Length}."));

    private static string Field(string? parent, string name) => parent is null ? name : $"{parent}.{name}";

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
