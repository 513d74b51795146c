using System.Diagnostics;

namespace PolyAI.Agents.Emulator;

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

/// <summary>
/// Connectors and phone numbers. Every read and write takes the directory's lock; all lookups are dictionary/set
/// based (numbers are indexed by number, by agent and by connector), so 100,000 numbers stay cheap. Resources are
/// immutable records and list methods return arrays, so callers can serialise them after the lock is released.
/// Connector ids and phone numbers are unique across the whole emulator; an agent only sees its own.
/// </summary>
internal sealed class TelephonyState(AgentDirectory directory) : IAreaState
{
    private readonly Dictionary<string, AgentTelephony> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Connector> _connectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PhoneNumber> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _numbersByConnector = new(StringComparer.Ordinal);
    private int _nextGeneratedConnector;
    private long _nextGeneratedNumber;

    // ---------------------------------------------------------------- seed, generate, snapshot

    public void Load(string seed)
    {
        lock (directory.Gate)
        {
            _agents.Clear();
            _connectors.Clear();
            _numbers.Clear();
            _numbersByConnector.Clear();
            _nextGeneratedConnector = 0;
            _nextGeneratedNumber = 0;

            foreach (var agent in TelephonySeed.Get(seed))
            {
                var owner = Agent(agent.AgentId);
                foreach (var (connector, numbers) in agent.Connectors)
                {
                    AddConnector(connector);
                    foreach (var number in numbers)
                    {
                        AddNumber(new PhoneNumber(number, owner.AgentId, owner.AccountId, connector.ClientEnv, connector.ConnectorId));
                    }
                }

                foreach (var (number, clientEnv) in agent.UnroutedNumbers)
                {
                    AddNumber(new PhoneNumber(number, owner.AgentId, owner.AccountId, clientEnv, null));
                }
            }
        }
    }

    public void Describe(string agentId, IDictionary<string, object> entry)
    {
        lock (directory.Gate)
        {
            var agent = Agent(agentId);
            entry["connectors"] = ConnectorsOf(agent);
            entry["phoneNumbers"] = NumbersOf(agent.Numbers);
        }
    }

    /// <summary>A3: the agent's connectors go, and its numbers are released (they can be imported again).</summary>
    public void AgentDeleted(string agentId)
    {
        lock (directory.Gate)
        {
            if (!_agents.Remove(agentId, out var agent))
            {
                return;
            }

            foreach (var number in agent.Numbers)
            {
                _numbers.Remove(number);
            }

            foreach (var connectorId in agent.ConnectorIds)
            {
                _connectors.Remove(connectorId);
                _numbersByConnector.Remove(connectorId);
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
        lock (directory.Gate)
        {
            directory.GetOrAdd(request.AgentId, request.AccountId);
            var agent = Agent(request.AgentId);

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

    // ---------------------------------------------------------------- connectors

    public IReadOnlyList<Connector> ListConnectors(string agentId)
    {
        lock (directory.Gate)
        {
            return ConnectorsOf(Agent(agentId));
        }
    }

    public Connector? GetConnector(string agentId, string connectorId)
    {
        lock (directory.Gate)
        {
            return FindConnector(Agent(agentId), connectorId);
        }
    }

    /// <summary>Connectors of <paramref name="agentId"/> in the order of <paramref name="connectorIds"/>; ids it does not own go to NotFound.</summary>
    public (IReadOnlyList<Connector> Found, IReadOnlyList<string> NotFound) GetConnectors(string agentId, IEnumerable<string> connectorIds)
    {
        lock (directory.Gate)
        {
            var agent = Agent(agentId);
            return FindEach(connectorIds, id => FindConnector(agent, id));
        }
    }

    /// <summary>Applies a validated update atomically. Moving to another project moves the connector's numbers too.</summary>
    public UpdateConnectorOutcome UpdateConnector(string agentId, string connectorId, ConnectorUpdate update, out Connector? updated)
    {
        lock (directory.Gate)
        {
            updated = null;
            var agent = Agent(agentId);
            if (FindConnector(agent, connectorId) is not { } connector)
            {
                return UpdateConnectorOutcome.ConnectorNotFound;
            }

            AgentTelephony? target = null;
            if (update.ProjectId is { } projectId && projectId != agent.AgentId)
            {
                if (directory.IsForbidden(projectId))
                {
                    return UpdateConnectorOutcome.TargetProjectForbidden;
                }

                if (directory.Find(projectId) is null)
                {
                    return UpdateConnectorOutcome.TargetProjectNotFound;
                }

                target = Agent(projectId);
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
        lock (directory.Gate)
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
        lock (directory.Gate)
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
        lock (directory.Gate)
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
        lock (directory.Gate)
        {
            return FindNumber(Agent(agentId), number);
        }
    }

    public (IReadOnlyList<PhoneNumber> Found, IReadOnlyList<string> NotFound) GetNumbers(string agentId, IEnumerable<string> numbers)
    {
        lock (directory.Gate)
        {
            var agent = Agent(agentId);
            return FindEach(numbers, number => FindNumber(agent, number));
        }
    }

    /// <summary>Imports unrouted numbers; numbers that already exist anywhere in the emulator are skipped. Returns the imported ones.</summary>
    public IReadOnlyList<string> ImportNumbers(string agentId, IEnumerable<string> numbers, string clientEnv)
    {
        lock (directory.Gate)
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
        lock (directory.Gate)
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
        lock (directory.Gate)
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

    // ---------------------------------------------------------------- helpers; callers hold the directory's lock

    /// <summary>The telephony of an agent of the directory, empty until it has any; the directory's 404 for another id.</summary>
    private AgentTelephony Agent(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            var entry = directory.Get(agentId);
            agent = new AgentTelephony(entry.AgentId, entry.AccountId);
            _agents.Add(agentId, agent);
        }

        return agent;
    }

    private Connector? FindConnector(AgentTelephony agent, string connectorId) =>
        agent.ConnectorIds.Contains(connectorId) ? _connectors[connectorId] : null;

    private PhoneNumber? FindNumber(AgentTelephony agent, string number) =>
        agent.Numbers.Contains(number) ? _numbers[number] : null;

    /// <summary>What <paramref name="find"/> finds for each id, in order, and the ids it finds nothing for.</summary>
    private static (IReadOnlyList<T> Found, IReadOnlyList<string> NotFound) FindEach<T>(IEnumerable<string> ids, Func<string, T?> find)
        where T : class
    {
        var found = new List<T>();
        var notFound = new List<string>();
        foreach (var id in ids)
        {
            if (find(id) is { } resource)
            {
                found.Add(resource);
            }
            else
            {
                notFound.Add(id);
            }
        }

        return (found, notFound);
    }

    private Connector[] ConnectorsOf(AgentTelephony agent) =>
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

    private void AddConnector(Connector connector)
    {
        _connectors.Add(connector.ConnectorId, connector with { Seq = directory.NextSeq() });
        Agent(connector.ProjectId).ConnectorIds.Add(connector.ConnectorId);
    }

    private void AddNumber(PhoneNumber number)
    {
        _numbers.Add(number.Number, number with { Seq = directory.NextSeq() });
        Agent(number.ProjectId).Numbers.Add(number.Number);
        if (number.ConnectorId is { } connectorId)
        {
            RoutedNumbers(connectorId).Add(number.Number);
        }
    }

    private void RemoveNumber(string number)
    {
        var phoneNumber = _numbers[number];
        _numbers.Remove(number);
        Agent(phoneNumber.ProjectId).Numbers.Remove(number);
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

    /// <summary>An agent's connectors and numbers, by id.</summary>
    private sealed class AgentTelephony(string agentId, string accountId)
    {
        public string AgentId { get; } = agentId;

        public string AccountId { get; } = accountId;

        public HashSet<string> ConnectorIds { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Numbers { get; } = new(StringComparer.Ordinal);
    }
}
