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
