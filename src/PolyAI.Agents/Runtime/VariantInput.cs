using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Runtime;

/// <summary>-AttributeValue as the core takes it: attribute name -> text, null where a value is to be removed.</summary>
internal static class VariantInput
{
    public const string InvalidErrorId = "VariantAttributeValueInvalid";

    /// <summary>False after writing an InvalidArgument error for <paramref name="target"/> when the hashtable holds
    /// something that is not a value (a list, a nested table, a script block); nothing is sent then.</summary>
    public static bool TryRead(Cmdlet cmdlet, IDictionary? input, object target, out IReadOnlyDictionary<string, string?>? values)
    {
        values = null;
        if (input is null)
        {
            return true;
        }

        try
        {
            values = VariantValues.FromJson(PowerShellJson.ToElement(input, "-AttributeValue"));
            return true;
        }
        catch (ArgumentException ex)
        {
            cmdlet.WriteError(ErrorRecords.InvalidInput(ex.Message, InvalidErrorId, target));
            return false;
        }
    }
}
