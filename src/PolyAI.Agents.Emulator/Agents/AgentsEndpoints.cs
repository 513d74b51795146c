using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>The agents operations of the 1.0.3 contract, A1-A4 (api-notes.md §4).</summary>
internal sealed class AgentsEndpoints(AgentsState agents, EmulatorState state) : IAreaEndpoints
{
    public void Register(OperationHandlers handlers)
    {
        handlers.Add(ApiOperations.ListAgents, ListAgents);
        handlers.Add(ApiOperations.CreateAgent, CreateAgent);
        handlers.Add(ApiOperations.DeleteAgent, DeleteAgent);
        handlers.Add(ApiOperations.DuplicateAgent, DuplicateAgent);
    }

    // A1 GET /v1/agents: a bare JSON array.
    private IReadOnlyList<AgentSummary> ListAgents(OperationCall call) => agents.List();

    // A2 POST /v1/agents: main's rules are the greeting; no topics, no telephony.
    private AgentSummary CreateAgent(OperationCall call)
    {
        var request = AgentBodies.Create(call.Body);
        return Created(request, state.CreateAgent(request.AgentId, request.Name, request.Greeting, copyOf: null));
    }

    // A3 DELETE /v1/agents/{agentId}: its branches, connectors and numbers go with it (the numbers are released); 204.
    private object? DeleteAgent(OperationCall call) =>
        state.DeleteAgent(call.AgentId) ? null : throw new ApiException(ApiErrors.AgentNotFound(call.AgentId));

    // A4 POST /v1/agents/{agentId}/duplicate: a new agent with a copy of main (not the other branches, not telephony).
    private AgentSummary DuplicateAgent(OperationCall call)
    {
        var request = AgentBodies.Duplicate(call.Body);
        return Created(request, state.CreateAgent(request.AgentId, request.Name, greeting: null, copyOf: call.AgentId));
    }

    private AgentSummary Created(AgentRequest request, AgentEntry? created) =>
        created is null
            ? throw new ApiException(ApiErrors.Documented(409, "PROJECT_ID_ALREADY_EXISTS", $"An agent with id '{request.AgentId}' already exists.", "agentId"))
            : agents.Get(created.AgentId);
}
