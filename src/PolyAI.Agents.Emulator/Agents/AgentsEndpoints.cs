using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>The agents operations of the 1.0.3 contract that the operation table has: A1.</summary>
internal sealed class AgentsEndpoints(AgentsState state) : IAreaEndpoints
{
    public void Register(OperationHandlers handlers) => handlers.Add(ApiOperations.ListAgents, ListAgents);

    // A1 GET /v1/agents: a bare JSON array.
    private IReadOnlyList<AgentSummary> ListAgents(OperationCall call) => state.List();
}
