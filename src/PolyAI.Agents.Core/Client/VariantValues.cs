using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PolyAI.Agents.Client;

/// <summary>
/// A variant's attribute values as the user gives them (attribute name -> value, from a hashtable) and what they do:
/// values are strings in the API, so numbers and booleans are sent as their invariant text; a null value removes
/// that attribute's value when merged into a variant's values.
/// </summary>
internal static class VariantValues
{
    /// <summary>The values of a JSON object (the converted hashtable); nested objects and lists are an ArgumentException naming the attribute.</summary>
    public static IReadOnlyDictionary<string, string?> FromJson(JsonElement values)
    {
        if (values.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The attribute values must be a map of attribute name to value (a hashtable), not {values.ValueKind.ToString().ToLowerInvariant()}.");
        }

        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in values.EnumerateObject())
        {
            if (property.Name.Length == 0)
            {
                throw new ArgumentException("An attribute name in the attribute values is empty.");
            }

            result[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => bool.TrueString.ToLowerInvariant(),
                JsonValueKind.False => bool.FalseString.ToLowerInvariant(),
                JsonValueKind.Null => null,
                _ => throw new ArgumentException($"The value of attribute '{property.Name}' is {(property.Value.ValueKind == JsonValueKind.Array ? "a list" : "an object")}; a variant's values are text."),
            };
        }

        return result;
    }

    /// <summary>Values for a new variant: a null value means nothing there.</summary>
    public static IReadOnlyDictionary<string, string> ForNew(IReadOnlyDictionary<string, string?> values) =>
        values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal);

    /// <summary>The variant's whole set of values after <paramref name="changes"/>: each name given replaces or adds
    /// its value, a null removes it, the others stay.</summary>
    public static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string?> changes)
    {
        var merged = current.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Value is null)
            {
                merged.Remove(change.Key);
            }
            else
            {
                merged[change.Key] = change.Value;
            }
        }

        return merged;
    }

    /// <summary>What a merge changes, attribute by attribute: (name, before or null when added, after or null when removed),
    /// in the order the changes were given; values that stay the same are left out.</summary>
    public static IReadOnlyList<(string Attribute, string? Before, string? After)> Changes(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string?> changes) =>
        changes
            .Select(c => (c.Key, current.TryGetValue(c.Key, out var before) ? before : null, c.Value))
            .Where(c => c.Item2 != c.Value)
            .ToList();
}
