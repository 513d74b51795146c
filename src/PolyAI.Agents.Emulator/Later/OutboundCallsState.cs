namespace PolyAI.Agents.Emulator;

/// <summary>OutboundCallResponse (L1).</summary>
internal sealed record OutboundCallResponse(string CallSid, string Status);

/// <summary>OutboundCallStatusResponse (L2).</summary>
internal sealed record OutboundCallStatusResponse(string CallSid, string Status, string Reason);

/// <summary>A validated L1 body.</summary>
internal sealed record OutboundCallRequest(string ToNumber, string Environment, string? VariantId, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// 1.0.11 only, for the escape hatch: the outbound calls of each agent. A call needs a connector of the agent in
/// its environment (Telephony's); its status is QUEUED on the first read, CALLING on the second, SUCCESS from the
/// third on. Call ids come from a counter a reset restarts: OUT-0001, OUT-0002, ...
/// </summary>
internal sealed class OutboundCallsState(AgentDirectory directory, TelephonyState telephony) : IAreaState
{
    private static readonly string[] Statuses = ["QUEUED", "CALLING", "SUCCESS"];

    private readonly Dictionary<string, OutboundCall> _calls = new(StringComparer.Ordinal);
    private int _nextCall;

    public void Load(string seed)
    {
        lock (directory.Gate)
        {
            _calls.Clear();
            _nextCall = 0;
        }
    }

    public void Describe(string agentId, IDictionary<string, object> entry)
    {
        lock (directory.Gate)
        {
            entry["outboundCalls"] = _calls.Values.Where(call => call.AgentId == agentId)
                .Select(call => new OutboundCallSnapshot(call.CallSid, call.Request.Environment, call.Request.ToNumber, call.Reads))
                .ToArray();
        }
    }

    public void AgentDeleted(string agentId)
    {
        lock (directory.Gate)
        {
            foreach (var call in _calls.Values.Where(call => call.AgentId == agentId).ToArray())
            {
                _calls.Remove(call.CallSid);
            }
        }
    }

    /// <summary>L1: queues the call, or 404 CONNECTORS_NOT_FOUND when the agent has no connector in the environment.</summary>
    public OutboundCallResponse Trigger(string agentId, OutboundCallRequest request)
    {
        lock (directory.Gate)
        {
            if (!telephony.ListConnectors(agentId).Any(connector => connector.ClientEnv == request.Environment))
            {
                throw new ApiException(ApiErrors.Documented(404, "CONNECTORS_NOT_FOUND",
                    $"Agent '{agentId}' has no connector in {request.Environment}.", "environment"));
            }

            var call = new OutboundCall($"OUT-{++_nextCall:D4}", agentId, request);
            _calls.Add(call.CallSid, call);
            return new OutboundCallResponse(call.CallSid, Statuses[0]);
        }
    }

    /// <summary>L2: the call's status, one step further on each read; an unknown call or another environment is a 400 (as 1.0.11 lists).</summary>
    public OutboundCallStatusResponse Status(string agentId, string callSid, string environment)
    {
        lock (directory.Gate)
        {
            if (!_calls.TryGetValue(callSid, out var call) || call.AgentId != agentId || call.Request.Environment != environment)
            {
                throw new ApiException(ApiErrors.Validation("callSid", $"Agent '{agentId}' has no outbound call '{callSid}' in {environment}."));
            }

            call.Reads++;
            return new OutboundCallStatusResponse(call.CallSid, Statuses[Math.Min(call.Reads, Statuses.Length) - 1], "");
        }
    }

    private sealed class OutboundCall(string callSid, string agentId, OutboundCallRequest request)
    {
        public string CallSid { get; } = callSid;

        public string AgentId { get; } = agentId;

        public OutboundCallRequest Request { get; } = request;

        public int Reads { get; set; }
    }

    private sealed record OutboundCallSnapshot(string CallSid, string Environment, string ToNumber, int StatusReads);
}
