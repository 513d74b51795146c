using System.Text.Json.Serialization;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// The data of one API family, kept next to the agent directory: its part of each seed and of the state snapshot.
/// Both are called with the directory's lock held, so a reset or a snapshot is one step for all areas.
/// </summary>
internal interface IAreaState
{
    /// <summary>Replaces the area's data with its part of the named seed; the seed's agents are already in the directory.</summary>
    void Load(string seed);

    /// <summary>Adds what the area holds for one agent to that agent's entry of the snapshot, e.g. "connectors".</summary>
    void Describe(string agentId, IDictionary<string, object> entry);
}

/// <summary>One agent in GET /_emulator/state: its id and account, then what each area holds for it.</summary>
internal sealed record AgentSnapshot(string AgentId, string AccountId)
{
    [JsonExtensionData]
    public Dictionary<string, object> Areas { get; } = [];
}

/// <summary>The agent directory and every area's state, seeded and inspected together.</summary>
internal sealed class EmulatorState(AgentDirectory directory, IEnumerable<IAreaState> areas)
{
    /// <summary>Replaces all the data with the named seed.</summary>
    public void Load(string seed)
    {
        lock (directory.Gate)
        {
            directory.Reset(Seed.Agents(seed), Seed.ForbiddenAgentIds);
            foreach (var area in areas)
            {
                area.Load(seed);
            }
        }
    }

    public (IReadOnlyList<AgentSnapshot> Agents, IReadOnlyList<string> ForbiddenAgentIds) Snapshot()
    {
        lock (directory.Gate)
        {
            var agents = directory.List().Select(agent =>
            {
                var snapshot = new AgentSnapshot(agent.AgentId, agent.AccountId);
                foreach (var area in areas)
                {
                    area.Describe(agent.AgentId, snapshot.Areas);
                }

                return snapshot;
            });
            return (agents.ToArray(), directory.ForbiddenAgentIds());
        }
    }
}
