using System.Text.Json;
using Microsoft.Extensions.Primitives;
using PolyAI.Agents.Contract;
using Environments = PolyAI.Agents.Contract.Environments;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// 1.0.11 only, for the escape hatch: outbound calls L1 and L2 (see <see cref="LaterOperations"/>), in the shapes of
/// contract/agents-api-1.0.11.openapi.json. Every invalid input is a 400 VALIDATION_ERROR (1.0.11 lists 400 for
/// malformed numbers, environments and parameters).
/// </summary>
internal sealed class OutboundCallsEndpoints(OutboundCallsState state) : IAreaEndpoints
{
    public void Register(OperationHandlers handlers)
    {
        handlers.AddLater(LaterOperations.TriggerOutboundCall, TriggerOutboundCall);
        handlers.AddLater(LaterOperations.GetOutboundCallStatus, GetOutboundCallStatus);
    }

    // L1 POST .../telephony/outbound-calls {toNumber, environment, countryCode?, variantId?, encryption?, metadata?}
    private OutboundCallResponse TriggerOutboundCall(OperationCall call) => state.Trigger(call.AgentId, Body(call.Body));

    // L2 GET .../telephony/outbound-calls/{callSid}/status?environment=: the environment of the call.
    private OutboundCallStatusResponse GetOutboundCallStatus(OperationCall call) =>
        state.Status(call.AgentId, call.PathValue("callSid"), Environment(call.Query.GetValueOrDefault("environment"), "environment"));

    /// <summary>InitiateOutboundCallBody, with no other properties.</summary>
    private static OutboundCallRequest Body(string? body)
    {
        var obj = JsonBody.ParseObject(body);
        JsonBody.AllowOnly(obj, null, "toNumber", "environment", "countryCode", "variantId", "encryption", "metadata");
        var toNumber = JsonBody.RequiredString(obj, "toNumber");
        if (!Formats.IsE164(toNumber))
        {
            throw new ApiException(ApiErrors.Validation("toNumber", $"'toNumber' must be an E.164 number (e.g. +442012345678), not '{toNumber}'."));
        }

        var environment = Environment(JsonBody.RequiredString(obj, "environment"), "environment");
        JsonBody.OptionalString(obj, "countryCode");
        JsonBody.OptionalString(obj, "encryption");
        var variantId = JsonBody.OptionalString(obj, "variantId");
        return new OutboundCallRequest(toNumber, environment, variantId, Metadata(JsonBody.OptionalObject(obj, "metadata")));
    }

    /// <summary>metadata: string values only (they become SIP headers).</summary>
    private static IReadOnlyDictionary<string, string> Metadata(JsonElement? metadata)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in metadata?.EnumerateObject() ?? default)
        {
            values[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw new ApiException(ApiErrors.Validation($"metadata.{property.Name}",
                    $"Every value of 'metadata' must be a string, not {JsonBody.Describe(property.Value)} ('{property.Name}')."));
        }

        return values;
    }

    private static string Environment(StringValues values, string field) =>
        values.Count == 1 && Environments.All.Contains(values[0], StringComparer.Ordinal)
            ? values[0]!
            : throw new ApiException(ApiErrors.Validation(field,
                $"'{field}' is required and must be one of {string.Join(", ", Environments.All)}{(values.Count == 1 ? $", not '{values[0]}'" : "")}."));
}
