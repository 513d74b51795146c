using System;
using System.Management.Automation;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Runtime;

/// <summary>The errors of the check of a real-time config page before sending: the ids are the API's own for the
/// same failure (29002, 29004), so a runbook handles one id whichever side found it.</summary>
internal static class ConfigCheck
{
    public const string SchemaUnreadableId = "RealTimeConfigSchemaUnreadable";

    /// <summary>The plan <paramref name="plan"/> makes; false after writing an error when the schema cannot be read by the validator.</summary>
    public static bool TryPlan(Cmdlet cmdlet, Func<ConfigChange> plan, string pageName, string clientEnv, out ConfigChange result)
    {
        try
        {
            result = plan();
            return true;
        }
        catch (ArgumentException ex)
        {
            cmdlet.WriteError(new ErrorRecord(ex, SchemaUnreadableId, ErrorCategory.InvalidData, clientEnv)
            {
                ErrorDetails = new ErrorDetails($"The schema of {pageName} cannot be checked, so nothing was sent: {ex.Message}")
                {
                    RecommendedAction = "Correct the schema, or run again with -SkipValidation to leave the check to the API.",
                },
            });
            result = null!;
            return false;
        }
    }

    /// <summary>Variables that fail the page's schema (the error the API's 29002 would give).</summary>
    public static ErrorRecord ValueInvalid(string message, string clientEnv) => Refused(ApiErrorCodes.ConfigValueInvalid, "Update the variables", message, clientEnv);

    /// <summary>A schema that is not a JSON Schema (the error the API's 29004 would give).</summary>
    public static ErrorRecord SchemaInvalid(string message, string clientEnv) => Refused(ApiErrorCodes.ConfigSchemaInvalid, "Set the schema", message, clientEnv);

    private static ErrorRecord Refused(ApiErrorCode code, string operation, string message, string clientEnv) =>
        ErrorRecords.FromApi(PolyAiApiException.Refused(code, $"{operation} of the {clientEnv} real-time config page", message), clientEnv);
}
