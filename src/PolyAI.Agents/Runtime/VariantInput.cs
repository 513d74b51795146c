using System.Collections;
using System.Collections.Generic;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Runtime;

/// <summary>-AttributeValue as the core takes it: attribute name -> text, null where a value is to be removed.</summary>
internal static class VariantInput
{
    /// <summary>The error of a hashtable that holds something that is not a value (a list, a nested table, a script block).</summary>
    public const string InvalidErrorId = "VariantAttributeValueInvalid";

    /// <summary>The values of the hashtable; null when none was given. An ArgumentException names what is wrong.</summary>
    public static IReadOnlyDictionary<string, string?>? Values(IDictionary? input) =>
        input is null ? null : VariantValues.FromJson(PowerShellJson.ToElement(input, "-AttributeValue"));
}
