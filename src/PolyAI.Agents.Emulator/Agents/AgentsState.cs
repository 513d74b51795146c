using System.Globalization;

namespace PolyAI.Agents.Emulator;

/// <summary>GetAgentsResponse item (1.0.3): all six fields required.</summary>
internal sealed record AgentSummary(string AccountId, string AgentId, string AgentName, string CreatedAt, string UpdatedAt, int BranchCount);

/// <summary>
/// The agents family. The agents themselves are the directory's (every area needs them); what the API tells about
/// each one beyond its ids is derived from the id, so the area has no data of its own to seed or snapshot yet.
/// </summary>
internal sealed class AgentsState(AgentDirectory directory) : IAreaState
{
    private const string SeedTime = "2026-04-22T09:00:00Z";

    /// <summary>The agents the key's workspace can see (the forbidden ones are not listed).</summary>
    public IReadOnlyList<AgentSummary> List() => directory.List()
        .Select(agent => new AgentSummary(agent.AccountId, agent.AgentId, NameOf(agent.AgentId), SeedTime, SeedTime, 1))
        .ToArray();

    public void Load(string seed)
    {
    }

    public void Describe(string agentId, IDictionary<string, object> entry)
    {
    }

    private static string NameOf(string agentId) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(agentId.Replace("PROJECT-", string.Empty).ToLowerInvariant()) + " agent";
}
