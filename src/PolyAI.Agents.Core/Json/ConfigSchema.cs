using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PolyAI.Agents.Json;

/// <summary>What is wrong with one value: the variable (top-level name), where in it, the value, the rule (the
/// schema keyword) and the validator's words.</summary>
internal sealed class SchemaViolation(string variable, string location, string? value, string rule, string message)
{
    public string Variable { get; } = variable;

    public string Location { get; } = location;

    public string? Value { get; } = value;

    public string Rule { get; } = rule;

    public string Message { get; } = message;

    public override string ToString() =>
        $"{(Location.Length == 0 ? "the variables" : $"'{Variable}'{(Location == "/" + Variable ? "" : $" at {Location}")}")}{(Value is null ? "" : $" = {Value}")}: {Message} ({Rule})";
}

/// <summary>
/// Real-time config variables and their JSON Schema (draft 7): the shallow merge the API makes, what it changes,
/// and validation (JsonSchema.Net) of the merged variables before they are sent.
/// </summary>
internal static class ConfigSchema
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Pretty = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static void EnsureObject(JsonElement value, string what)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"{what} must be a JSON object, not {value.ValueKind.ToString().ToLowerInvariant()}.");
        }
    }

    /// <summary>The page's variables after a shallow merge: each top-level name given replaces (or adds) that one.</summary>
    public static JsonElement Merge(JsonElement current, JsonElement changes)
    {
        var merged = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (current.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in current.EnumerateObject())
            {
                merged[property.Name] = property.Value;
            }
        }

        foreach (var property in changes.EnumerateObject())
        {
            merged[property.Name] = property.Value;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var pair in merged)
            {
                writer.WritePropertyName(pair.Key);
                pair.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    /// <summary>What a merge of <paramref name="changes"/> into <paramref name="current"/> does, variable by variable:
    /// (name, the current value or null when it is added, the new value); values that would stay the same are left out.</summary>
    public static IReadOnlyList<(string Name, string? Before, string After)> Changes(JsonElement current, JsonElement changes)
    {
        var list = new List<(string, string?, string)>();
        foreach (var property in changes.EnumerateObject())
        {
            var before = current.ValueKind == JsonValueKind.Object && current.TryGetProperty(property.Name, out var existing) ? Text(existing) : null;
            var after = Text(property.Value);
            if (before != after)
            {
                list.Add((property.Name, before, after));
            }
        }

        return list;
    }

    /// <summary>Every way <paramref name="variables"/> fail <paramref name="schema"/> (JSON Schema draft 7 unless the
    /// schema names its own dialect); empty when they satisfy it. A schema the validator cannot read is an
    /// <see cref="ArgumentException"/>.</summary>
    public static IReadOnlyList<SchemaViolation> Validate(JsonElement schema, JsonElement variables)
    {
        JsonSchema parsed;
        try
        {
            parsed = JsonSchema.FromText(schema.GetRawText());
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw new ArgumentException($"The schema cannot be read as a JSON Schema ({ex.Message}).", ex);
        }

        var instance = JsonNode.Parse(variables.GetRawText());
        EvaluationResults results;
        try
        {
            results = parsed.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, EvaluateAs = SpecVersion.Draft7 });
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or KeyNotFoundException)
        {
            throw new ArgumentException($"The schema cannot be used to validate ({ex.Message}).", ex);
        }

        if (results.IsValid)
        {
            return Array.Empty<SchemaViolation>();
        }

        var violations = new List<SchemaViolation>();
        foreach (var detail in new[] { results }.Concat(results.Details))
        {
            if (detail.Errors is null)
            {
                continue;
            }

            var location = detail.InstanceLocation.ToString();
            var segments = location.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            var variable = segments.Length == 0 ? string.Empty : Unescape(segments[0]);
            var value = segments.Length == 0 ? null : ValueAt(variables, segments);
            foreach (var error in detail.Errors)
            {
                violations.Add(new SchemaViolation(variable, location, value, error.Key, error.Value));
            }
        }

        return violations
            .GroupBy(v => (v.Location, v.Rule, v.Message))
            .Select(g => g.First())
            .ToList();
    }

    /// <summary>A value as indented JSON, one member per line: what a line diff of two schemas compares.</summary>
    public static string Indented(JsonElement value) => JsonSerializer.Serialize(value, Pretty);

    /// <summary>A value as compact JSON ("+44...", 17, true, {"open":"09:00"}).</summary>
    public static string Text(JsonElement value) => JsonSerializer.Serialize(value, Compact);

    private static string? ValueAt(JsonElement root, IEnumerable<string> segments)
    {
        var current = root;
        foreach (var raw in segments)
        {
            var segment = Unescape(raw);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return Text(current);
    }

    private static string Unescape(string segment) => Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~");
}
