using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PolyAI.Agents.Json;

/// <summary>
/// Reads JSON that has no contract in the published API: the 2xx bodies 1.0.3 leaves undocumented (branches,
/// knowledge-base topics, merges, deleted attributes and variants) and free-form values (config variables and
/// schemas).
///
/// The decision, made once for all of them: the fields later versions of the API name are read into typed
/// properties of the output model; every other field is kept, never dropped, as a plain value in the model's
/// AdditionalProperties (see <see cref="ToPlain"/>). A field a model needs to address the resource (its id) is
/// required: without it the answer is an invalid response. An empty body is allowed and reads as Undefined.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public JsonObjectReader(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"The {what} is not a JSON object.");
        }

        _element = element;
    }

    /// <summary>A string member that must be there and not be null.</summary>
    public string RequiredString(string name) =>
        OptionalString(name) ?? throw new JsonException($"The required field '{name}' is missing or null.");

    /// <summary>A string member; null when it is missing or null. Any other kind of value is an invalid response.</summary>
    public string? OptionalString(string name) =>
        Take(name) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new JsonException($"The field '{name}' is not a string.")
            : null;

    /// <summary>A boolean member; null when it is missing or null.</summary>
    public bool? OptionalBoolean(string name) =>
        Take(name) is { } value
            ? value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw new JsonException($"The field '{name}' is not a boolean.")
            : null;

    /// <summary>A member as it is (object, array, anything); null when it is missing or null.</summary>
    public JsonElement? OptionalElement(string name) => Take(name);

    /// <summary>Every member not read by name, as plain values, in the order the API sent them.</summary>
    public IReadOnlyDictionary<string, object?> Rest()
    {
        var rest = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                rest[property.Name] = ToPlain(property.Value);
            }
        }

        return rest;
    }

    private JsonElement? Take(string name)
    {
        _read.Add(name);
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    /// <summary>
    /// A JSON value as plain .NET values, the way ConvertFrom-Json reads numbers: null, bool, string, long (or
    /// double when not integral), object?[] and Dictionary&lt;string, object?&gt; (member order kept). In PowerShell
    /// these work with dot access, ConvertTo-Json and Export-Clixml.
    /// </summary>
    public static object? ToPlain(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    members[property.Name] = ToPlain(property.Value);
                }

                return members;
            case JsonValueKind.Array:
                var items = new List<object?>();
                foreach (var item in value.EnumerateArray())
                {
                    items.Add(ToPlain(item));
                }

                return items.ToArray();
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number when value.TryGetInt64(out var integer):
                return integer;
            case JsonValueKind.Number:
                return value.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>The whole body as one JSON value; an empty body is a value of kind Undefined. A body that is not
    /// JSON is a <see cref="JsonException"/>.</summary>
    public static async Task<JsonElement> ReadOptionalAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        if (IsBlank(bytes))
        {
            return default;
        }

        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }

    private static bool IsBlank(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
