using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PolyAI.Agents.Json;

namespace PolyAI.Agents.Changes;

/// <summary>
/// What a change of a real-time config page does, worked out before anything is sent: the variables it changes or
/// adds (old -> new), and every way the page would then fail its schema (the merged variables against the page's
/// schema for new variables, today's variables against a new schema).
/// </summary>
internal sealed class ConfigChange
{
    private ConfigChange(bool currentKnown, IReadOnlyList<(string Name, string? Before, string After)> variables, IReadOnlyList<SchemaViolation> violations)
    {
        CurrentKnown = currentKnown;
        Variables = variables;
        Violations = violations;
    }

    /// <summary>Whether the page was read, so old values are known.</summary>
    public bool CurrentKnown { get; }

    /// <summary>Each variable that changes: its name, its value now (null when it is added) and after, as compact JSON.</summary>
    public IReadOnlyList<(string Name, string? Before, string After)> Variables { get; }

    /// <summary>Empty when the page will satisfy its schema (or was not checked).</summary>
    public IReadOnlyList<SchemaViolation> Violations { get; }

    /// <summary>A shallow merge of <paramref name="changes"/> into <paramref name="page"/> (null when it was not read),
    /// checked against the page's schema when <paramref name="validate"/>. A schema the validator cannot read is an
    /// <see cref="ArgumentException"/>.</summary>
    public static ConfigChange OfVariables(RealTimeConfig? page, JsonElement changes, bool validate)
    {
        ConfigSchema.EnsureObject(changes, "The variables");
        if (page is null)
        {
            return new ConfigChange(false, changes.EnumerateObject().Select(p => (p.Name, (string?)null, ConfigSchema.Text(p.Value))).ToList(), Array.Empty<SchemaViolation>());
        }

        var violations = validate ? ConfigSchema.Validate(page.SchemaJson, ConfigSchema.Merge(page.VariablesJson, changes)) : Array.Empty<SchemaViolation>();
        return new ConfigChange(true, ConfigSchema.Changes(page.VariablesJson, changes), violations);
    }

    /// <summary>A new schema for <paramref name="page"/>: how today's variables fare against it.</summary>
    public static ConfigChange OfSchema(RealTimeConfig page, JsonElement schema)
    {
        ConfigSchema.EnsureObject(schema, "The schema");
        return new ConfigChange(true, Array.Empty<(string, string?, string)>(), ConfigSchema.Validate(schema, page.VariablesJson));
    }

    /// <summary>openingHours "09:00-17:00" -> "08:00-20:00", holidayMessage (new) -> "Closed"; without the page read,
    /// openingHours -> "08:00-20:00".</summary>
    public string DescribeVariables() =>
        Variables.Count == 0
            ? "no variable changes (the values given are the page's values)"
            : string.Join(", ", Variables.Select(v => !CurrentKnown ? $"{v.Name} -> {v.After}" : v.Before is null ? $"{v.Name} (new) -> {v.After}" : $"{v.Name} {v.Before} -> {v.After}"));

    /// <summary>Each violation on a line of its own, for an error message.</summary>
    public string DescribeViolations() => string.Join("; ", Violations.Select(v => v.ToString()));
}
