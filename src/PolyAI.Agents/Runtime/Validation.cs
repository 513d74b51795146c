using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Runtime;

/// <summary>Refuses empty, whitespace, '.' and '..' ids (each element of an array) before any request is sent.</summary>
public sealed class ValidateIdentifierAttribute : ValidateEnumeratedArgumentsAttribute
{
    protected override void ValidateElement(object element)
    {
        var value = element is PSObject wrapped ? wrapped.BaseObject : element;
        if (value is not string text || !Identifier.IsValid(text))
        {
            throw new ValidationMetadataException(Identifier.NotValidMessage(value, "id"));
        }
    }
}

/// <summary>Refuses phone numbers that are not E.164 before any request is sent.</summary>
public sealed class ValidateE164Attribute : ValidateEnumeratedArgumentsAttribute
{
    protected override void ValidateElement(object element)
    {
        var value = element is PSObject wrapped ? wrapped.BaseObject : element;
        if (value is not string text || !Identifier.IsE164(text))
        {
            throw new ValidationMetadataException(Identifier.NotE164Message(value));
        }
    }
}

/// <summary>
/// Accepts one of a fixed set of names, in any casing, like ValidateSet; the set comes from the core, so it is
/// written once for every parameter that takes it. <see cref="ValidValues"/> is what help shows as accepted values.
/// </summary>
public abstract class ValidateNameAttribute : ValidateEnumeratedArgumentsAttribute
{
    private readonly string _what;

    private protected ValidateNameAttribute(string what, IReadOnlyList<string> validValues)
    {
        _what = what;
        ValidValues = validValues;
    }

    public IReadOnlyList<string> ValidValues { get; }

    protected override void ValidateElement(object element)
    {
        var value = element is PSObject wrapped ? wrapped.BaseObject : element;
        if (value is not string text || !ValidValues.Any(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ValidationMetadataException($"'{value}' is not a {_what}: use {string.Join(", ", ValidValues)}.");
        }
    }
}

/// <summary>sandbox, pre-release or live (any casing; send <see cref="Environments.Normalize"/> of it).</summary>
public sealed class ValidateEnvironmentAttribute() : ValidateNameAttribute("PolyAI environment", Environments.All);

/// <summary>us, uk or eu (any casing).</summary>
public sealed class ValidateRegionAttribute() : ValidateNameAttribute("PolyAI region", Session.Regions.ToList());

/// <summary>
/// Lets a [bool] parameter take text, as CSV gives it: true/false, yes/no, 1/0 (any casing); an empty cell is no
/// value. PowerShell's own binding refuses strings for booleans (and a plain conversion would read "false" as true).
/// </summary>
public sealed class BooleanTextAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text)
        {
            return inputData;
        }

        return text.Trim().ToLowerInvariant() switch
        {
            "" => null,
            "true" or "yes" or "1" or "$true" => true,
            "false" or "no" or "0" or "$false" => false,
            _ => throw new ArgumentTransformationMetadataException($"'{text}' is not a boolean: use true or false (yes/no, 1/0)."),
        };
    }
}
