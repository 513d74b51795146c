using System;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using PolyAI.Agents.Json;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// How PowerShell values reach the core's JSON input converter: a PSObject is the object it wraps, a
/// PSCustomObject its properties in order; a script block is refused (it is code, not data).
/// </summary>
internal static class PowerShellJson
{
    /// <summary>The value as JSON; an ArgumentException that names <paramref name="what"/> when it cannot be.</summary>
    public static JsonElement ToElement(object? value, string what) => JsonInput.ToElement(value, what, Adapt);

    /// <summary>A JSON answer as Invoke-RestMethod gives one: objects as [pscustomobject] (members in order), lists
    /// as arrays, integers as long, other numbers as double, and strings, booleans and null as themselves.</summary>
    public static object? ToPowerShell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => Custom(value),
        JsonValueKind.Array => value.EnumerateArray().Select(ToPowerShell).ToArray(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var integer) ? integer : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static PSObject Custom(JsonElement value)
    {
        var custom = new PSObject();
        foreach (var property in value.EnumerateObject())
        {
            custom.Properties.Add(new PSNoteProperty(property.Name, ToPowerShell(property.Value)));
        }

        return custom;
    }

    private static object? Adapt(object value, string path) => value switch
    {
        PSObject { BaseObject: PSCustomObject } custom => Properties(custom),
        PSObject wrapped => Adapt(wrapped.BaseObject, path),
        ScriptBlock => throw new ArgumentException($"{path} is a script block, which is code, not data: it cannot be sent as JSON."),
        _ => value,
    };

    private static OrderedDictionary Properties(PSObject custom)
    {
        var properties = new OrderedDictionary(StringComparer.Ordinal);
        foreach (var property in custom.Properties)
        {
            properties[property.Name] = property.Value;
        }

        return properties;
    }
}
