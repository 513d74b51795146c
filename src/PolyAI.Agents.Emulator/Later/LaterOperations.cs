using System.Text.Json;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// 1.0.11 only, for the escape hatch: two operations only the later contract (contract/agents-api-1.0.11.openapi.json)
/// has, which the emulator serves so that Invoke-PolyAiRequest can be tested against an operation no cmdlet and no
/// row of the table (1.0.3) has. Written like rows, with ids of their own (L for later), but not rows: they are
/// added with <see cref="OperationHandlers.AddLater"/> and the router reaches them where no row matches.
/// </summary>
internal static class LaterOperations
{
    private const string OutboundCalls = "/v1/agents/{agentId}/telephony/outbound-calls";

    /// <summary>POST .../telephony/outbound-calls: dials a number; not safe to repeat (it would call twice).</summary>
    public static readonly ApiOperation<JsonElement, JsonElement> TriggerOutboundCall = new(
        "L1", "POST", OutboundCalls, 200, ResponseKind.Documented, RetryClass.NotSafeToRepeat, ResourceKind.Request, null, null);

    /// <summary>GET .../telephony/outbound-calls/{callSid}/status?environment=</summary>
    public static readonly ApiOperation<NoBody, JsonElement> GetOutboundCallStatus = new(
        "L2", "GET", OutboundCalls + "/{callSid}/status", 200, ResponseKind.Documented, RetryClass.SafeToRepeat, ResourceKind.Request, null, null, "environment");
}
