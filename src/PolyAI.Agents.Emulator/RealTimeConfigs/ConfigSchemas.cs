using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// The JSON Schema (draft 7) rules of real-time config pages: whether a schema is one (T3; a structural check of
/// the draft-7 keywords, then JsonSchema.Net must read it), and whether variables satisfy it (T4; JsonSchema.Net,
/// the core's dependency, evaluating as draft 7).
/// </summary>
internal static class ConfigSchemas
{
    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal) { "null", "boolean", "object", "array", "number", "string", "integer" };

    /// <summary>What makes <paramref name="schema"/> not a draft-7 schema, or null when it is one.</summary>
    public static string? Problem(JsonElement schema)
    {
        if (Check(schema, "") is { } problem)
        {
            return problem;
        }

        try
        {
            _ = JsonSchema.FromText(schema.GetRawText());
            return null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return ex.Message;
        }
    }

    /// <summary>Each variable (top-level name; "" for the object itself) that fails <paramref name="schema"/>, with why.</summary>
    public static IReadOnlyList<(string Variable, string Problem)> Violations(JsonElement schema, JsonElement variables)
    {
        var results = JsonSchema.FromText(schema.GetRawText())
            .Evaluate(JsonNode.Parse(variables.GetRawText()), new EvaluationOptions { OutputFormat = OutputFormat.List, EvaluateAs = SpecVersion.Draft7 });
        if (results.IsValid)
        {
            return [];
        }

        var violations = new List<(string, string)>();
        foreach (var detail in new[] { results }.Concat(results.Details))
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                var location = detail.InstanceLocation.ToString();
                var variable = location.Length == 0 ? MissingRequired(schema, variables) : Unescape(location.Split('/', 3)[1]);
                var where = location.Length == 0 ? "the variables" : $"'{variable}'{(location.Count(c => c == '/') > 1 ? $" at {location}" : "")}";
                var value = location.Length == 0 ? "" : $" = {JsonSerializer.Serialize(detail.InstanceLocation.Evaluate(variables), EmulatorJson.Options)}";
                // A false schema (e.g. additionalProperties false) fails under no keyword of its own.
                var why = keyword.Length == 0 ? "the schema allows no value here (false schema)" : $"{message} ({keyword})";
                violations.Add((variable, $"{where}{value}: {why}"));
            }
        }

        return violations.Distinct().ToArray();
    }

    /// <summary>The first top-level required name the variables lack ("" when none is missing).</summary>
    private static string MissingRequired(JsonElement schema, JsonElement variables) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? required.EnumerateArray().Select(r => r.GetString() ?? "").FirstOrDefault(name => !variables.TryGetProperty(name, out _)) ?? ""
            : "";

    private static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    // ---------------------------------------------------------------- the structural check of a draft-7 schema

    private static string? Check(JsonElement schema, string at) => schema.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => null,
        JsonValueKind.Object => schema.EnumerateObject().Select(keyword => Keyword(keyword, $"{at}/{keyword.Name}")).FirstOrDefault(p => p is not null),
        _ => $"{Where(at)} must be a schema (an object or a boolean), not {JsonBody.Describe(schema)}.",
    };

    private static string? Keyword(JsonProperty keyword, string at)
    {
        var value = keyword.Value;
        return keyword.Name switch
        {
            "type" => value.ValueKind == JsonValueKind.Array
                ? Items(value, at, item => item.ValueKind == JsonValueKind.String && TypeNames.Contains(item.GetString()!), "type names", unique: true, minItems: 1)
                : value.ValueKind == JsonValueKind.String && TypeNames.Contains(value.GetString()!) ? null
                : $"{Where(at)} must be one of {string.Join(", ", TypeNames)} (or an array of them), not {Show(value)}.",
            "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" =>
                value.ValueKind == JsonValueKind.Number ? null : $"{Where(at)} must be a number, not {Show(value)}.",
            "multipleOf" => value.ValueKind == JsonValueKind.Number && value.GetDouble() > 0 ? null : $"{Where(at)} must be a number above 0, not {Show(value)}.",
            "minLength" or "maxLength" or "minItems" or "maxItems" or "minProperties" or "maxProperties" =>
                value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var count) && count >= 0 && count == decimal.Truncate(count)
                    ? null
                    : $"{Where(at)} must be a non-negative integer, not {Show(value)}.",
            "pattern" => value.ValueKind == JsonValueKind.String ? RegexProblem(value.GetString()!, at) : $"{Where(at)} must be a string (a regular expression), not {Show(value)}.",
            "required" => Items(value, at, item => item.ValueKind == JsonValueKind.String, "strings", unique: true, minItems: 0),
            "enum" => Items(value, at, _ => true, "values", unique: false, minItems: 1),
            "uniqueItems" or "readOnly" or "writeOnly" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"{Where(at)} must be a boolean, not {Show(value)}.",
            "$schema" or "$id" or "$ref" or "$comment" or "title" or "description" or "format" or "contentMediaType" or "contentEncoding" =>
                value.ValueKind == JsonValueKind.String ? null : $"{Where(at)} must be a string, not {Show(value)}.",
            "properties" or "definitions" => Schemas(value, at),
            "patternProperties" => value.ValueKind == JsonValueKind.Object
                ? value.EnumerateObject().Select(p => RegexProblem(p.Name, $"{at}/{p.Name}")).FirstOrDefault(p => p is not null) ?? Schemas(value, at)
                : Schemas(value, at),
            "additionalProperties" or "additionalItems" or "contains" or "propertyNames" or "not" or "if" or "then" or "else" => Check(value, at),
            "items" => value.ValueKind == JsonValueKind.Array ? SchemaList(value, at, minItems: 0) : Check(value, at),
            "allOf" or "anyOf" or "oneOf" => SchemaList(value, at, minItems: 1),
            "dependencies" => value.ValueKind == JsonValueKind.Object
                ? value.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Array
                    ? Items(p.Value, $"{at}/{p.Name}", item => item.ValueKind == JsonValueKind.String, "strings", unique: true, minItems: 0)
                    : Check(p.Value, $"{at}/{p.Name}")).FirstOrDefault(p => p is not null)
                : $"{Where(at)} must be an object, not {Show(value)}.",
            _ => null, // const, default, examples and keywords draft 7 does not define: any value.
        };
    }

    private static string? Schemas(JsonElement value, string at) => value.ValueKind == JsonValueKind.Object
        ? value.EnumerateObject().Select(p => Check(p.Value, $"{at}/{p.Name}")).FirstOrDefault(p => p is not null)
        : $"{Where(at)} must be an object of schemas, not {Show(value)}.";

    private static string? SchemaList(JsonElement value, string at, int minItems) =>
        Items(value, at, _ => true, "schemas", unique: false, minItems)
            ?? value.EnumerateArray().Select((item, i) => Check(item, $"{at}/{i}")).FirstOrDefault(p => p is not null);

    private static string? Items(JsonElement value, string at, Func<JsonElement, bool> isValid, string what, bool unique, int minItems)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return $"{Where(at)} must be an array of {what}, not {Show(value)}.";
        }

        var items = value.EnumerateArray().ToArray();
        if (items.Length < minItems || !items.All(isValid))
        {
            return $"{Where(at)} must be an array of {(minItems > 0 ? "at least one of " : "")}{what}, not {Show(value)}.";
        }

        return unique && items.Select(i => i.GetRawText()).Distinct().Count() != items.Length ? $"{Where(at)} must not repeat an item." : null;
    }

    private static string? RegexProblem(string pattern, string at)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"{Where(at)} is not a regular expression: {ex.Message}";
        }
    }

    private static string Where(string at) => at.Length == 0 ? "The schema" : $"'{at[(at.LastIndexOf('/') + 1)..]}' at {at}";

    private static string Show(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : JsonBody.Describe(value);
}
