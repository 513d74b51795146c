using System.Diagnostics;

namespace PolyAI.Agents.Emulator;

internal enum AgentAccess
{
    Allowed,
    Forbidden,
    NotFound,
}

internal enum UpdateConnectorOutcome
{
    Updated,
    ConnectorNotFound,
    TargetProjectNotFound,
    TargetProjectForbidden,
}

internal enum RouteNumberOutcome
{
    Routed,
    NumberNotFound,
    ConnectorNotFound,
}

/// <summary>A validated connector update. Null members are left unchanged, except that <see cref="SetsVariantId"/>
/// with a null/empty <see cref="VariantId"/> unassigns the variant.</summary>
internal sealed record ConnectorUpdate(bool SetsVariantId, string? VariantId, string? AsrLangCode, string? VoiceName, string? ProjectId);

internal sealed record GenerateRequest(string AgentId, string AccountId, int Connectors, int NumbersPerConnector, int UnroutedNumbers, string ClientEnv);

internal sealed record GenerateResult(
    string AgentId,
    string AccountId,
    int ConnectorsCreated,
    int RoutedNumbersCreated,
    int UnroutedNumbersCreated,
    string? FirstConnectorId,
    string? LastConnectorId,
    double ElapsedMs);

internal sealed record AgentSnapshot(string AgentId, string AccountId, IReadOnlyList<Connector> Connectors, IReadOnlyList<PhoneNumber> PhoneNumbers);

/// <summary>GetAgentsResponse item (1.0.3): all six fields required.</summary>
internal sealed record AgentSummary(string AccountId, string AgentId, string AgentName, string CreatedAt, string UpdatedAt, int BranchCount);

internal sealed record StateSnapshot(IReadOnlyList<AgentSnapshot> Agents, IReadOnlyList<string> ForbiddenAgentIds, int LatencyMs, ErrorShape ErrorShape);

/// <summary>
/// The whole in-memory telephony state. Every read and write takes one lock; all lookups are dictionary/set based
/// (numbers are indexed by number, by agent and by connector), so 100,000 numbers stay cheap. Resources are
/// immutable records and list methods return arrays, so callers can serialise them after the lock is released.
/// Connector ids and phone numbers are unique across the whole emulator; an agent only sees its own.
/// </summary>
internal sealed class EmulatorState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AgentData> _agents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forbiddenAgents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Connector> _connectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PhoneNumber> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _numbersByConnector = new(StringComparer.Ordinal);
    private long _nextSeq;
    private int _nextGeneratedConnector;
    private long _nextGeneratedNumber;
    private int _latencyMs;
    private int _errorShape;

    /// <summary>Delay added before every /v1 request is handled.</summary>
    public int LatencyMs
    {
        get => Volatile.Read(ref _latencyMs);
        set => Volatile.Write(ref _latencyMs, value);
    }

    /// <summary>Shape of every error body.</summary>
    public ErrorShape ErrorShape
    {
        get => (ErrorShape)Volatile.Read(ref _errorShape);
        set => Volatile.Write(ref _errorShape, (int)value);
    }

    // ---------------------------------------------------------------- seed, generate, snapshot

    /// <summary>Replaces the whole state with <paramref name="seed"/>.</summary>
    public void Load(SeedData seed)
    {
        lock (_gate)
        {
            _agents.Clear();
            _forbiddenAgents.Clear();
            _connectors.Clear();
            _numbers.Clear();
            _numbersByConnector.Clear();
            _nextSeq = 0;
            _nextGeneratedConnector = 0;
            _nextGeneratedNumber = 0;

            _forbiddenAgents.UnionWith(seed.ForbiddenAgentIds);
            foreach (var agent in seed.Agents)
            {
                AddAgent(agent.AgentId, agent.AccountId);
                foreach (var (connector, numbers) in agent.Connectors)
                {
                    AddConnector(connector);
                    foreach (var number in numbers)
                    {
                        AddNumber(new PhoneNumber(number, agent.AgentId, agent.AccountId, connector.ClientEnv, connector.ConnectorId));
                    }
                }

                foreach (var (number, clientEnv) in agent.UnroutedNumbers)
                {
                    AddNumber(new PhoneNumber(number, agent.AgentId, agent.AccountId, clientEnv, null));
                }
            }
        }
    }

    /// <summary>
    /// Adds generated connectors <c>gen-conn-00001</c>... with their numbers, plus unrouted numbers, creating the agent
    /// if needed. Generated numbers are <c>+1555</c> followed by nine digits, so they never clash with the seed's.
    /// </summary>
    public GenerateResult Generate(GenerateRequest request)
    {
        var stopwatch = Stopwatch.StartNew();
        lock (_gate)
        {
            var agent = _agents.TryGetValue(request.AgentId, out var existing)
                ? existing
                : AddAgent(request.AgentId, request.AccountId);

            string? first = null, last = null;
            for (var c = 0; c < request.Connectors; c++)
            {
                var connectorId = NextGeneratedConnectorId();
                first ??= connectorId;
                last = connectorId;
                var suffix = connectorId["gen-conn-".Length..];
                AddConnector(new Connector(connectorId, $"Generated {suffix}", agent.AccountId, agent.AgentId, request.ClientEnv,
                    "", "en-US", "en-US", "en-US-Neural2-A", false));
                for (var n = 0; n < request.NumbersPerConnector; n++)
                {
                    AddNumber(new PhoneNumber(NextGeneratedNumber(), agent.AgentId, agent.AccountId, request.ClientEnv, connectorId));
                }
            }

            for (var n = 0; n < request.UnroutedNumbers; n++)
            {
                AddNumber(new PhoneNumber(NextGeneratedNumber(), agent.AgentId, agent.AccountId, request.ClientEnv, null));
            }

            return new GenerateResult(agent.AgentId, agent.AccountId, request.Connectors,
                request.Connectors * request.NumbersPerConnector, request.UnroutedNumbers, first, last,
                Math.Round(stopwatch.Elapsed.TotalMilliseconds, 1));
        }
    }

    public StateSnapshot Snapshot()
    {
        lock (_gate)
        {
            var agents = _agents.Values
                .OrderBy(a => a.Seq)
                .Select(a => new AgentSnapshot(a.AgentId, a.AccountId, ConnectorsOf(a), NumbersOf(a.Numbers)))
                .ToArray();
            return new StateSnapshot(agents, _forbiddenAgents.Order(StringComparer.Ordinal).ToArray(), LatencyMs, ErrorShape);
        }
    }

    public bool IsForbidden(string agentId)
    {
        lock (_gate)
        {
            return _forbiddenAgents.Contains(agentId);
        }
    }

    // ---------------------------------------------------------------- agents

    /// <summary>A1: the agents the key's workspace can see (the forbidden ones are not listed).</summary>
    public IReadOnlyList<AgentSummary> ListAgents()
    {
        lock (_gate)
        {
            return _agents.Values
                .OrderBy(a => a.Seq)
                .Select(a => new AgentSummary(a.AccountId, a.AgentId, AgentNameOf(a.AgentId), SeedTime, SeedTime, 1))
                .ToArray();
        }
    }

    private static readonly string SeedTime = "2026-04-22T09:00:00Z";

    private static string AgentNameOf(string agentId) =>
        System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(agentId.Replace("PROJECT-", string.Empty).ToLowerInvariant()) + " agent";

    public AgentAccess CheckAgent(string agentId)
    {
        lock (_gate)
        {
            return _forbiddenAgents.Contains(agentId) ? AgentAccess.Forbidden
                : _agents.ContainsKey(agentId) ? AgentAccess.Allowed
                : AgentAccess.NotFound;
        }
    }

    // ---------------------------------------------------------------- connectors

    public IReadOnlyList<Connector> ListConnectors(string agentId)
    {
        lock (_gate)
        {
            return ConnectorsOf(Agent(agentId));
        }
    }

    public Connector? GetConnector(string agentId, string connectorId)
    {
        lock (_gate)
        {
            return FindConnector(Agent(agentId), connectorId);
        }
    }

    /// <summary>Connectors of <paramref name="agentId"/> in the order of <paramref name="connectorIds"/>; ids it does not own go to NotFound.</summary>
    public (IReadOnlyList<Connector> Found, IReadOnlyList<string> NotFound) GetConnectors(string agentId, IEnumerable<string> connectorIds)
    {
        lock (_gate)
        {
            var agent = Agent(agentId);
            var found = new List<Connector>();
            var notFound = new List<string>();
            foreach (var id in connectorIds)
            {
                if (FindConnector(agent, id) is { } connector)
                {
                    found.Add(connector);
                }
                else
                {
                    notFound.Add(id);
                }
            }

            return (found, notFound);
        }
    }

    /// <summary>Applies a validated update atomically. Moving to another project moves the connector's numbers too.</summary>
    public UpdateConnectorOutcome UpdateConnector(string agentId, string connectorId, ConnectorUpdate update, out Connector? updated)
    {
        lock (_gate)
        {
            updated = null;
            var agent = Agent(agentId);
            if (FindConnector(agent, connectorId) is not { } connector)
            {
                return UpdateConnectorOutcome.ConnectorNotFound;
            }

            AgentData? target = null;
            if (update.ProjectId is { } projectId && projectId != agent.AgentId)
            {
                if (_forbiddenAgents.Contains(projectId))
                {
                    return UpdateConnectorOutcome.TargetProjectForbidden;
                }

                if (!_agents.TryGetValue(projectId, out target))
                {
                    return UpdateConnectorOutcome.TargetProjectNotFound;
                }
            }

            var changed = connector;
            if (update.SetsVariantId)
            {
                changed = changed with { VariantId = update.VariantId ?? "" };
            }

            if (update.AsrLangCode is { } asr)
            {
                changed = changed with { AsrLangCode = asr };
            }

            if (update.VoiceName is { } voice)
            {
                changed = changed with { VoiceName = voice, TtsLangCode = Formats.TtsLangCodeOf(voice) };
            }

            if (target is not null)
            {
                changed = changed with { ProjectId = target.AgentId, AccountId = target.AccountId };
                agent.ConnectorIds.Remove(connectorId);
                target.ConnectorIds.Add(connectorId);
                foreach (var number in RoutedNumbers(connectorId))
                {
                    agent.Numbers.Remove(number);
                    target.Numbers.Add(number);
                    _numbers[number] = _numbers[number] with { ProjectId = target.AgentId, AccountId = target.AccountId };
                }
            }

            _connectors[connectorId] = changed;
            updated = changed;
            return UpdateConnectorOutcome.Updated;
        }
    }

    /// <summary>Deletes a connector and, in cascade, every number routed to it. Null when the agent has no such connector.</summary>
    public (Connector Connector, IReadOnlyList<string> DeletedNumbers)? DeleteConnector(string agentId, string connectorId)
    {
        lock (_gate)
        {
            var agent = Agent(agentId);
            if (FindConnector(agent, connectorId) is not { } connector)
            {
                return null;
            }

            var deleted = NumbersOf(RoutedNumbers(connectorId)).Select(n => n.Number).ToArray();
            foreach (var number in deleted)
            {
                RemoveNumber(number);
            }

            _numbersByConnector.Remove(connectorId);
            _connectors.Remove(connectorId);
            agent.ConnectorIds.Remove(connectorId);
            return (connector, deleted);
        }
    }

    /// <summary>The connector serving <paramref name="number"/>; <paramref name="numberKnown"/> tells an unknown number from an unrouted one.</summary>
    public Connector? LookupConnector(string agentId, string number, out bool numberKnown)
    {
        lock (_gate)
        {
            var agent = Agent(agentId);
            var phoneNumber = FindNumber(agent, number);
            numberKnown = phoneNumber is not null;
            return phoneNumber?.ConnectorId is { } connectorId ? _connectors[connectorId] : null;
        }
    }

    // ---------------------------------------------------------------- phone numbers

    /// <summary>The agent's numbers in creation order, optionally only those routed to <paramref name="connectorId"/>.</summary>
    public IReadOnlyList<PhoneNumber> ListNumbers(string agentId, string? connectorId)
    {
        lock (_gate)
        {
            var agent = Agent(agentId);
            if (connectorId is null)
            {
                return NumbersOf(agent.Numbers);
            }

            return FindConnector(agent, connectorId) is null ? [] : NumbersOf(RoutedNumbers(connectorId));
        }
    }

    public PhoneNumber? GetNumber(string agentId, string number)
    {
        lock (_gate)
        {
            return FindNumber(Agent(agentId), number);
        }
    }

    public (IReadOnlyList<PhoneNumber> Found, IReadOnlyList<string> NotFound) GetNumbers(string agentId, IEnumerable<string> numbers)
    {
        lock (_gate)
        {
            var agent = Agent(agentId);
            var found = new List<PhoneNumber>();
            var notFound = new List<string>();
            foreach (var number in numbers)
            {
                if (FindNumber(agent, number) is { } phoneNumber)
                {
                    found.Add(phoneNumber);
                }
                else
                {
                    notFound.Add(number);
                }
            }

            return (found, notFound);
        }
    }

    /// <summary>Imports unrouted numbers; numbers that already exist anywhere in the emulator are skipped. Returns the imported ones.</summary>
    public IReadOnlyList<string> ImportNumbers(string agentId, IEnumerable<string> numbers, string clientEnv)
    {
        lock (_gate)
        {
            var agent = Agent(agentId);
            var imported = new List<string>();
            foreach (var number in numbers)
            {
                if (!_numbers.ContainsKey(number))
                {
                    AddNumber(new PhoneNumber(number, agent.AgentId, agent.AccountId, clientEnv, null));
                    imported.Add(number);
                }
            }

            return imported;
        }
    }

    /// <summary>Imports one unrouted number; false when it already exists anywhere in the emulator.</summary>
    public bool ImportNumber(string agentId, string number, string clientEnv) =>
        ImportNumbers(agentId, [number], clientEnv).Count == 1;

    /// <summary>Deletes each number the agent owns; the others are returned as not found.</summary>
    public (IReadOnlyList<string> Deleted, IReadOnlyList<string> NotFound) DeleteNumbers(string agentId, IEnumerable<string> numbers)
    {
        lock (_gate)
        {
            var agent = Agent(agentId);
            var deleted = new List<string>();
            var notFound = new List<string>();
            foreach (var number in numbers)
            {
                if (FindNumber(agent, number) is not null)
                {
                    RemoveNumber(number);
                    deleted.Add(number);
                }
                else
                {
                    notFound.Add(number);
                }
            }

            return (deleted, notFound);
        }
    }

    public bool DeleteNumber(string agentId, string number) => DeleteNumbers(agentId, [number]).Deleted.Count == 1;

    /// <summary>Routes a number of the agent to one of the agent's connectors.</summary>
    public RouteNumberOutcome RouteNumber(string agentId, string number, string connectorId, out PhoneNumber? routed)
    {
        lock (_gate)
        {
            routed = null;
            var agent = Agent(agentId);
            if (FindNumber(agent, number) is not { } phoneNumber)
            {
                return RouteNumberOutcome.NumberNotFound;
            }

            if (FindConnector(agent, connectorId) is null)
            {
                return RouteNumberOutcome.ConnectorNotFound;
            }

            if (phoneNumber.ConnectorId is { } previous)
            {
                _numbersByConnector[previous].Remove(number);
            }

            routed = phoneNumber with { ConnectorId = connectorId };
            _numbers[number] = routed;
            RoutedNumbers(connectorId).Add(number);
            return RouteNumberOutcome.Routed;
        }
    }

    // ---------------------------------------------------------------- helpers; callers hold _gate

    /// <summary>
    /// The agent's data. The HTTP layer checks the agent before a handler runs; this only fails when a reset
    /// races with a request, and then "agent not found" is the truthful answer.
    /// </summary>
    private AgentData Agent(string agentId) =>
        _agents.TryGetValue(agentId, out var agent) ? agent : throw new ApiException(ApiErrors.AgentNotFound(agentId));

    private Connector? FindConnector(AgentData agent, string connectorId) =>
        agent.ConnectorIds.Contains(connectorId) ? _connectors[connectorId] : null;

    private PhoneNumber? FindNumber(AgentData agent, string number) =>
        agent.Numbers.Contains(number) ? _numbers[number] : null;

    private Connector[] ConnectorsOf(AgentData agent) =>
        agent.ConnectorIds.Select(id => _connectors[id]).OrderBy(c => c.Seq).ToArray();

    private PhoneNumber[] NumbersOf(IEnumerable<string> numbers)
    {
        var result = numbers.Select(n => _numbers[n]).ToArray();
        Array.Sort(result, static (a, b) => a.Seq.CompareTo(b.Seq));
        return result;
    }

    private HashSet<string> RoutedNumbers(string connectorId)
    {
        if (!_numbersByConnector.TryGetValue(connectorId, out var numbers))
        {
            numbers = new HashSet<string>(StringComparer.Ordinal);
            _numbersByConnector[connectorId] = numbers;
        }

        return numbers;
    }

    private AgentData AddAgent(string agentId, string accountId)
    {
        var agent = new AgentData(agentId, accountId, ++_nextSeq);
        _agents.Add(agentId, agent);
        return agent;
    }

    private void AddConnector(Connector connector)
    {
        _connectors.Add(connector.ConnectorId, connector with { Seq = ++_nextSeq });
        _agents[connector.ProjectId].ConnectorIds.Add(connector.ConnectorId);
    }

    private void AddNumber(PhoneNumber number)
    {
        _numbers.Add(number.Number, number with { Seq = ++_nextSeq });
        _agents[number.ProjectId].Numbers.Add(number.Number);
        if (number.ConnectorId is { } connectorId)
        {
            RoutedNumbers(connectorId).Add(number.Number);
        }
    }

    private void RemoveNumber(string number)
    {
        var phoneNumber = _numbers[number];
        _numbers.Remove(number);
        _agents[phoneNumber.ProjectId].Numbers.Remove(number);
        if (phoneNumber.ConnectorId is { } connectorId)
        {
            _numbersByConnector[connectorId].Remove(number);
        }
    }

    private string NextGeneratedConnectorId()
    {
        string id;
        do
        {
            id = $"gen-conn-{++_nextGeneratedConnector:D5}";
        }
        while (_connectors.ContainsKey(id));

        return id;
    }

    private string NextGeneratedNumber()
    {
        string number;
        do
        {
            number = $"+1555{_nextGeneratedNumber++:D9}";
        }
        while (_numbers.ContainsKey(number));

        return number;
    }

    private sealed class AgentData(string agentId, string accountId, long seq)
    {
        public string AgentId { get; } = agentId;

        public string AccountId { get; } = accountId;

        public long Seq { get; } = seq;

        public HashSet<string> ConnectorIds { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Numbers { get; } = new(StringComparer.Ordinal);
    }
}
