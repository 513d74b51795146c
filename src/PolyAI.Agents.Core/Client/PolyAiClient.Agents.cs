using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Client;

internal sealed partial class PolyAiClient
{
    /// <summary>A1: the agents of the key's workspace.</summary>
    public Task<IReadOnlyList<Agent>> ListAgentsAsync(CancellationToken cancellationToken) =>
        Request(ApiOperations.ListAgents, "List agents")
            .SendAsync(agents => (IReadOnlyList<Agent>)RequiredList(agents, "agents").Select(Map).ToList(), cancellationToken);

    /// <summary>A1, then the one agent asked for; an id the key cannot see is NotFound, like a 404 for it.</summary>
    public async Task<Agent> GetAgentAsync(string agentId, CancellationToken cancellationToken)
    {
        Identifier.EnsureValid(agentId, "agent id");
        var agents = await ListAgentsAsync(cancellationToken).ConfigureAwait(false);
        return agents.FirstOrDefault(a => a.AgentId == agentId) ?? throw NotInList(ApiOperations.ListAgents, $"Get agent '{agentId}'", $"Agent '{agentId}' is not among the agents the key can see.");
    }

    /// <summary>A2: creates an agent with its greeting and voice (what the schema requires) and returns it.</summary>
    public Task<Agent> CreateAgentAsync(AgentDefinition definition, CancellationToken cancellationToken)
    {
        definition.Validate();
        return Request(ApiOperations.CreateAgent, $"Create agent '{definition.Name}'")
            .WithBody(new CreateAgentBody
            {
                Name = definition.Name,
                AgentId = definition.AgentId,
                ResponseSettings = new ResponseSettingsBody { Greeting = definition.Greeting, LanguageCode = definition.LanguageCode },
                VoiceSettings = new VoiceSettingsBody { VoiceId = definition.VoiceId },
                LlmSettings = definition.ModelId is null ? null : new LlmSettingsBody { ModelId = definition.ModelId },
            })
            .SendAsync(Map, cancellationToken);
    }

    /// <summary>A3: deletes an agent (204) and, with it, its branches, connectors and phone numbers.</summary>
    public Task<NoContent> DeleteAgentAsync(string agentId, CancellationToken cancellationToken) =>
        Request(ApiOperations.DeleteAgent, $"Delete agent '{agentId}'", agentId).SendAsync(done => done, cancellationToken);

    /// <summary>A4: copies an agent's content into a new agent and returns the new one.</summary>
    public Task<Agent> DuplicateAgentAsync(string agentId, string newName, string? newAgentId, CancellationToken cancellationToken)
    {
        AgentDefinition.EnsureName(newName);
        AgentDefinition.EnsureAgentId(newAgentId);
        return Request(ApiOperations.DuplicateAgent, $"Copy agent '{agentId}' to '{newName}'", agentId)
            .WithBody(new DuplicateAgentBody { NewAgentName = newName, NewAgentId = newAgentId })
            .SendAsync(Map, cancellationToken);
    }

    /// <summary>An item a list did not contain: the NotFound a 404 for it would give.</summary>
    private static PolyAiApiException NotInList(ApiOperation operation, string description, string message) =>
        new(PolyAiFailureKind.NotFound, description, message, operation.Resource);

    internal static Agent Map(AgentDto dto) => new(
        Required(dto.AccountId, "accountId"),
        Required(dto.AgentId, "agentId"),
        Required(dto.AgentName, "agentName"),
        Timestamp(Required(dto.CreatedAt, "createdAt"), "createdAt"),
        Timestamp(Required(dto.UpdatedAt, "updatedAt"), "updatedAt"),
        (int)Math.Round(dto.BranchCount));

    private static DateTimeOffset Timestamp(string text, string field) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new JsonException($"The field '{field}' is not a date and time: '{text}'.");
}
