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

    /// <summary>A new agent is in the directory (A2, or A4 copying <see cref="NewAgent.CopyOf"/>): the area sets up
    /// what the agent starts with. Called with the directory's lock held.</summary>
    void AgentCreated(NewAgent agent)
    {
    }

    /// <summary>An agent was deleted (A3): the area drops everything the agent had. Called with the directory's lock held.</summary>
    void AgentDeleted(string agentId)
    {
    }
}

/// <summary>An agent being created: its id, name and greeting (A2), or the agent whose content it copies (A4).</summary>
internal sealed record NewAgent(string AgentId, string Name, string? Greeting, string? CopyOf);

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

    /// <summary>
    /// Creates an agent in the directory and in every area, as one step (A2, A4); null when the id is taken.
    /// <paramref name="agentId"/> null takes the next PROJECT-NEWnnnn.
    /// </summary>
    public AgentEntry? CreateAgent(string? agentId, string name, string? greeting, string? copyOf)
    {
        lock (directory.Gate)
        {
            if (copyOf is not null)
            {
                directory.Get(copyOf);
            }

            if (directory.TryCreate(agentId, Seed.AccountId) is not { } entry)
            {
                return null;
            }

            var agent = new NewAgent(entry.AgentId, name, greeting, copyOf);
            foreach (var area in areas)
            {
                area.AgentCreated(agent);
            }

            return entry;
        }
    }

    /// <summary>Deletes an agent and everything every area holds for it, as one step (A3); false when it does not exist.</summary>
    public bool DeleteAgent(string agentId)
    {
        lock (directory.Gate)
        {
            if (!directory.Remove(agentId))
            {
                return false;
            }

            foreach (var area in areas)
            {
                area.AgentDeleted(agentId);
            }

            return true;
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
