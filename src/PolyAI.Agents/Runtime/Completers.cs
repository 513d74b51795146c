using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// Tab completion from the API: short timeout, results cached per session for a minute, silent on any
/// failure (a completer must never throw or hang the prompt).
/// </summary>
internal static class CompletionSource
{
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    internal static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);

    private sealed class Entry
    {
        public Entry(IReadOnlyList<(string Value, string Tooltip)> items) => Items = items;

        public IReadOnlyList<(string Value, string Tooltip)> Items { get; }

        public DateTime Expires { get; } = DateTime.UtcNow + CacheLifetime;
    }

    private static readonly ConditionalWeakTable<Session, Dictionary<string, Entry>> Cache = new();

    public static IEnumerable<CompletionResult> Complete(
        IDictionary fakeBoundParameters,
        string key,
        string wordToComplete,
        Func<PolyAiClient, CancellationToken, Task<IReadOnlyList<(string Value, string Tooltip)>>> fetch)
    {
        var session = SessionFrom(fakeBoundParameters);
        if (session is null)
        {
            return Array.Empty<CompletionResult>();
        }

        var items = Cached(session, key, fetch);
        var pattern = WildcardPattern.Get(Unquote(wordToComplete) + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        return items
            .Where(item => pattern.IsMatch(item.Value))
            .Select(item => new CompletionResult(Quote(item.Value), item.Value, CompletionResultType.ParameterValue, item.Tooltip))
            .ToList();
    }

    /// <summary>Completes ids of something that belongs to the -AgentId already on the command line; nothing
    /// without one. The cache key is per agent.</summary>
    public static IEnumerable<CompletionResult> CompleteForAgent(
        IDictionary fakeBoundParameters,
        string key,
        string wordToComplete,
        Func<PolyAiClient, string, CancellationToken, Task<IReadOnlyList<(string Value, string Tooltip)>>> fetch)
    {
        var agentId = BoundString(fakeBoundParameters, "AgentId");
        return agentId is null
            ? Array.Empty<CompletionResult>()
            : Complete(fakeBoundParameters, $"{key}:{agentId}", wordToComplete, (client, token) => fetch(client, agentId, token));
    }

    /// <summary>As <see cref="CompleteForAgent"/>, for content of the branch typed on the line (main when none).</summary>
    public static IEnumerable<CompletionResult> CompleteForBranch<T>(
        IDictionary fakeBoundParameters,
        string area,
        string wordToComplete,
        Func<PolyAiClient, string, string, CancellationToken, Task<IReadOnlyList<T>>> list,
        Func<T, (string Value, string Tooltip)> entry)
    {
        var branchId = BoundString(fakeBoundParameters, "BranchId") ?? Branch.Main;
        return CompleteForAgent(fakeBoundParameters, $"{area}:{branchId}", wordToComplete, async (client, agentId, token) =>
            (IReadOnlyList<(string, string)>)(await list(client, agentId, branchId, token).ConfigureAwait(false)).Select(entry).ToList());
    }

    /// <summary>The value of another parameter already typed on the line, if it is a plain string.</summary>
    public static string? BoundString(IDictionary fakeBoundParameters, string name)
    {
        var value = fakeBoundParameters.Contains(name) ? fakeBoundParameters[name] : null;
        value = value is PSObject wrapped ? wrapped.BaseObject : value;
        return value is string text && Identifier.IsValid(text) ? text : null;
    }

    private static Session? SessionFrom(IDictionary fakeBoundParameters)
    {
        var value = fakeBoundParameters.Contains("Session") ? fakeBoundParameters["Session"] : null;
        value = value is PSObject wrapped ? wrapped.BaseObject : value;
        return value as Session ?? SessionStore.Current;
    }

    private static IReadOnlyList<(string Value, string Tooltip)> Cached(
        Session session,
        string key,
        Func<PolyAiClient, CancellationToken, Task<IReadOnlyList<(string Value, string Tooltip)>>> fetch)
    {
        var entries = Cache.GetValue(session, _ => new Dictionary<string, Entry>(StringComparer.Ordinal));
        lock (entries)
        {
            if (entries.TryGetValue(key, out var cached) && cached.Expires > DateTime.UtcNow)
            {
                return cached.Items;
            }
        }

        IReadOnlyList<(string Value, string Tooltip)> items;
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            var client = session.CreateClient(NullApiTrace.Instance);
            var task = Task.Run(() => fetch(client, timeout.Token));
            if (!task.Wait(Timeout))
            {
                return Array.Empty<(string, string)>();
            }

            items = task.Result;
        }
        catch (Exception)
        {
            // Completion is a convenience: a failure (no network, bad key, timeout) completes nothing, and is
            // not remembered, so the next Tab asks again.
            return Array.Empty<(string, string)>();
        }

        lock (entries)
        {
            entries[key] = new Entry(items);
        }

        return items;
    }

    private static string Unquote(string word) => word.Trim('\'', '"');

    private static string Quote(string value) =>
        value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', ',', '(', ')', '{', '}', '@', '#', '&', '|' }) >= 0
            ? "'" + value.Replace("'", "''") + "'"
            : value;
}

/// <summary>Completes from a fixed set of names (environments, regions).</summary>
public abstract class NameCompleter : IArgumentCompleter
{
    private readonly IReadOnlyList<string> _names;

    private protected NameCompleter(IEnumerable<string> names) => _names = names.ToList();

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = wordToComplete.Trim('\'', '"');
        return _names
            .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name));
    }
}

/// <summary>Completes -ClientEnv and -Environment: sandbox, pre-release, live.</summary>
public sealed class EnvironmentCompleter() : NameCompleter(Environments.All);

/// <summary>Completes -Region: us, uk, eu.</summary>
public sealed class RegionCompleter() : NameCompleter(Session.Regions);

/// <summary>Completes -AgentId from the agents of the session's workspace.</summary>
public sealed class AgentIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionSource.Complete(fakeBoundParameters, "agents", wordToComplete, async (client, token) =>
            (IReadOnlyList<(string, string)>)(await client.ListAgentsAsync(token).ConfigureAwait(false))
                .Select(a => (a.AgentId, $"{a.AgentName} ({a.AccountId})")).ToList());
}

/// <summary>Completes -ConnectorId from the connectors of the -AgentId already on the command line.</summary>
public sealed class ConnectorIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionSource.CompleteForAgent(fakeBoundParameters, "connectors", wordToComplete, async (client, agentId, token) =>
            (IReadOnlyList<(string, string)>)(await client.ListConnectorsAsync(agentId, token).ConfigureAwait(false))
                .Select(c => (c.ConnectorId, $"{c.Name} ({c.ClientEnv})")).ToList());
}

/// <summary>Completes -BranchId (and -ReferenceBranchId) from the branches of the -AgentId already on the command line.</summary>
public sealed class BranchIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionSource.CompleteForAgent(fakeBoundParameters, "branches", wordToComplete, async (client, agentId, token) =>
            (IReadOnlyList<(string, string)>)(await client.ListBranchesAsync(agentId, token).ConfigureAwait(false))
                .Select(b => (b.BranchId, b.Name ?? b.BranchId)).ToList());
}

/// <summary>Completes -TopicId from the topics of the -AgentId and -BranchId (main when not given) on the command line.</summary>
public sealed class TopicIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionSource.CompleteForBranch(fakeBoundParameters, "topics", wordToComplete, (client, agentId, branchId, token) => client.ListTopicsAsync(agentId, branchId, token), t => (t.TopicId, t.Name));
}

/// <summary>Completes -DeploymentId from the deployments each environment of the -AgentId runs now.</summary>
public sealed class DeploymentIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionSource.CompleteForAgent(fakeBoundParameters, "deployments", wordToComplete, async (client, agentId, token) =>
            (IReadOnlyList<(string, string)>)(await client.GetActiveDeploymentsAsync(agentId, token).ConfigureAwait(false))
                .Where(pair => pair.Value is not null)
                .Select(pair => (pair.Value!.DeploymentId, $"{pair.Key}: version {pair.Value.Version}")).ToList());
}

/// <summary>Completes -AttributeId from the attributes of the branch given (main when none).</summary>
public sealed class AttributeIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionSource.CompleteForBranch(fakeBoundParameters, "attributes", wordToComplete, (client, agentId, branchId, token) => client.ListAttributesAsync(agentId, branchId, token), a => (a.AttributeId, a.Name));
}

/// <summary>Completes -VariantId from the variants of the branch given (main when none, as for a connector's variant).</summary>
public sealed class VariantIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionSource.CompleteForBranch(fakeBoundParameters, "variants", wordToComplete, (client, agentId, branchId, token) => client.ListVariantsAsync(agentId, branchId, token), v => (v.VariantId, v.Name));
}
