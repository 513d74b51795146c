using System.Globalization;
using System.Text.Json;

namespace PolyAI.Agents.Emulator;

/// <summary>ConfigPageResponse: one environment's variables, their JSON Schema (draft 7) and when they last changed.</summary>
internal sealed record ConfigPage(string ClientEnv, JsonElement Variables, JsonElement Schema, string LastUpdated);

internal sealed record ListConfigPagesResponse(IReadOnlyList<ConfigPage> ConfigPages);

/// <summary>
/// Real-time config pages: one per environment of each agent, not branch-scoped (api-notes.md §10). Pages are
/// immutable records swapped whole under the directory's lock; T4 validates the merged variables before it swaps,
/// so a failure changes nothing.
/// </summary>
internal sealed class RealTimeConfigsState(AgentDirectory directory) : IAreaState
{
    public static readonly IReadOnlyList<string> Environments = ["sandbox", "pre-release", "live"];

    private readonly Dictionary<string, Dictionary<string, ConfigPage>> _pages = new(StringComparer.Ordinal);

    public void Load(string seed)
    {
        lock (directory.Gate)
        {
            _pages.Clear();
            foreach (var (agentId, schema, variables) in RealTimeConfigsSeed.Get(seed))
            {
                _pages[agentId] = RealTimeConfigsSeed.Pages(schema, variables, RealTimeConfigsSeed.LastUpdated).ToDictionary(p => p.ClientEnv);
            }
        }
    }

    public void Describe(string agentId, IDictionary<string, object> entry)
    {
        lock (directory.Gate)
        {
            entry["realTimeConfigs"] = List(agentId).ConfigPages;
        }
    }

    public void AgentCreated(NewAgent agent)
    {
        lock (directory.Gate)
        {
            _pages[agent.AgentId] = OpenPages();
        }
    }

    public void AgentDeleted(string agentId)
    {
        lock (directory.Gate)
        {
            _pages.Remove(agentId);
        }
    }

    // T1
    public ListConfigPagesResponse List(string agentId)
    {
        lock (directory.Gate)
        {
            var pages = PagesOf(agentId);
            return new ListConfigPagesResponse(Environments.Select(env => pages[env]).ToArray());
        }
    }

    // T2
    public ConfigPage Get(string agentId, string clientEnv)
    {
        lock (directory.Gate)
        {
            return PagesOf(agentId)[clientEnv];
        }
    }

    /// <summary>T3: a new schema (already checked); the variables stay as they are.</summary>
    public ConfigPage SetSchema(string agentId, string clientEnv, JsonElement schema) =>
        Change(agentId, clientEnv, page => page with { Schema = schema.Clone(), LastUpdated = Now() });

    /// <summary>T4: the shallow merge of <paramref name="changes"/>, kept only when the merged variables satisfy the schema.</summary>
    public ConfigPage UpdateVariables(string agentId, string clientEnv, JsonElement changes) =>
        Change(agentId, clientEnv, page =>
        {
            var merged = Merge(page.Variables, changes);
            var violations = ConfigSchemas.Violations(page.Schema, merged);
            return violations.Count == 0
                ? page with { Variables = merged, LastUpdated = Now() }
                : throw new ApiException(RealTimeConfigErrors.InvalidForSchema(violations[0].Variable, string.Join("; ", violations.Select(v => v.Problem))));
        });

    private ConfigPage Change(string agentId, string clientEnv, Func<ConfigPage, ConfigPage> change)
    {
        lock (directory.Gate)
        {
            var pages = PagesOf(agentId);
            var page = change(pages[clientEnv]);
            pages[clientEnv] = page;
            return page;
        }
    }

    /// <summary>The pages of an agent of the directory; one the area has not seen yet (generated) has open pages.</summary>
    private Dictionary<string, ConfigPage> PagesOf(string agentId)
    {
        if (!_pages.TryGetValue(agentId, out var pages))
        {
            directory.Get(agentId);
            pages = OpenPages();
            _pages.Add(agentId, pages);
        }

        return pages;
    }

    private static Dictionary<string, ConfigPage> OpenPages() =>
        RealTimeConfigsSeed.Pages(RealTimeConfigsSeed.OpenSchema, RealTimeConfigsSeed.NoVariables, Now()).ToDictionary(p => p.ClientEnv);

    /// <summary>Each top-level name of <paramref name="changes"/> replaces or adds that variable.</summary>
    private static JsonElement Merge(JsonElement current, JsonElement changes)
    {
        var merged = current.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        foreach (var change in changes.EnumerateObject())
        {
            merged[change.Name] = change.Value;
        }

        return JsonSerializer.SerializeToElement(merged);
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
