using System.Management.Automation;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Runtime;

/// <summary>Refuses empty, whitespace, '.' and '..' ids (each element of an array) before any request is sent.</summary>
public sealed class ValidateIdentifierAttribute : ValidateEnumeratedArgumentsAttribute
{
    protected override void ValidateElement(object element)
    {
        var value = element is PSObject wrapped ? wrapped.BaseObject : element;
        if (value is not string text || !Identifier.IsValid(text))
        {
            throw new ValidationMetadataException($"The id '{value}' is not valid: it must not be empty, whitespace, '.' or '..'.");
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
