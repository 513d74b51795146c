namespace PolyAI.Agents.Emulator;

/// <summary>An agent the emulator holds data for. <see cref="Seq"/> is its place in the creation order.</summary>
internal sealed record AgentEntry(string AgentId, string AccountId, long Seq);

/// <summary>
/// The part of the state every area shares: the agents, the agents the key may not see, the one lock and the one
/// creation sequence. Every area takes <see cref="Gate"/> around its own reads and writes, so an operation that
/// spans areas or agents (a connector moved to another agent) is atomic, and a reset is never seen half done.
/// </summary>
internal sealed class AgentDirectory
{
    private readonly Dictionary<string, AgentEntry> _agents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forbidden = new(StringComparer.Ordinal);
    private long _nextSeq;
    private int _nextNewAgent;

    /// <summary>The lock of all the emulator's data. It is reentrant: the methods below take it too.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Empties the directory and the sequence, then adds the seed's agents.</summary>
    public void Reset(IEnumerable<(string AgentId, string AccountId)> agents, IEnumerable<string> forbiddenAgentIds)
    {
        lock (Gate)
        {
            _agents.Clear();
            _forbidden.Clear();
            _nextSeq = 0;
            _nextNewAgent = 0;
            _forbidden.UnionWith(forbiddenAgentIds);
            foreach (var (agentId, accountId) in agents)
            {
                Add(agentId, accountId);
            }
        }
    }

    /// <summary>The next number of the creation sequence that orders every resource of every area.</summary>
    public long NextSeq()
    {
        lock (Gate)
        {
            return ++_nextSeq;
        }
    }

    public AgentEntry GetOrAdd(string agentId, string accountId)
    {
        lock (Gate)
        {
            return Find(agentId) ?? Add(agentId, accountId);
        }
    }

    /// <summary>
    /// Adds a new agent (A2, A4) with the id given, or else the next free PROJECT-NEW0001, PROJECT-NEW0002, ...;
    /// null when the id is taken, also by an agent the key may not see.
    /// </summary>
    public AgentEntry? TryCreate(string? agentId, string accountId)
    {
        lock (Gate)
        {
            if (agentId is null)
            {
                do
                {
                    agentId = $"PROJECT-NEW{++_nextNewAgent:D4}";
                }
                while (_agents.ContainsKey(agentId) || _forbidden.Contains(agentId));
            }

            return _agents.ContainsKey(agentId) || _forbidden.Contains(agentId) ? null : Add(agentId, accountId);
        }
    }

    /// <summary>Removes an agent (A3); false when there is none with that id.</summary>
    public bool Remove(string agentId)
    {
        lock (Gate)
        {
            return _agents.Remove(agentId);
        }
    }

    public AgentEntry? Find(string agentId)
    {
        lock (Gate)
        {
            return _agents.GetValueOrDefault(agentId);
        }
    }

    /// <summary>
    /// The agent, or the API's 404 for it. The HTTP layer checks the agent before a handler runs; this only fails
    /// when a reset races with a request, and then "agent not found" is the truthful answer.
    /// </summary>
    public AgentEntry Get(string agentId) => Find(agentId) ?? throw new ApiException(ApiErrors.AgentNotFound(agentId));

    public bool IsForbidden(string agentId)
    {
        lock (Gate)
        {
            return _forbidden.Contains(agentId);
        }
    }

    /// <summary>Throws the API's answer to a request about an agent the key may not see (403) or that does not exist (404).</summary>
    public void EnsureAccess(string agentId)
    {
        lock (Gate)
        {
            if (_forbidden.Contains(agentId))
            {
                throw new ApiException(ApiErrors.Forbidden(agentId));
            }

            Get(agentId);
        }
    }

    /// <summary>The agents in creation order (the forbidden ones are not among them).</summary>
    public IReadOnlyList<AgentEntry> List()
    {
        lock (Gate)
        {
            return _agents.Values.OrderBy(agent => agent.Seq).ToArray();
        }
    }

    public IReadOnlyList<string> ForbiddenAgentIds()
    {
        lock (Gate)
        {
            return _forbidden.Order(StringComparer.Ordinal).ToArray();
        }
    }

    private AgentEntry Add(string agentId, string accountId)
    {
        var agent = new AgentEntry(agentId, accountId, ++_nextSeq);
        _agents.Add(agentId, agent);
        return agent;
    }
}
