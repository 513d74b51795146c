using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Client;

internal sealed partial class PolyAiClient
{
    /// <summary>T1: one config page per environment.</summary>
    public Task<IReadOnlyList<RealTimeConfig>> ListConfigPagesAsync(string agentId, CancellationToken cancellationToken) =>
        Request(ApiOperations.ListConfigPages, $"List the real-time config pages of agent '{agentId}'", agentId)
            .SendAsync(response => (IReadOnlyList<RealTimeConfig>)RequiredList(response.ConfigPages, "configPages").Select(p => Map(agentId, p)).ToList(), cancellationToken);

    /// <summary>T2: the page of one environment.</summary>
    public Task<RealTimeConfig> GetConfigPageAsync(string agentId, string clientEnv, CancellationToken cancellationToken) =>
        Request(ApiOperations.GetConfigPage, $"Get the {clientEnv} real-time config page of agent '{agentId}'", agentId, clientEnv)
            .SendAsync(dto => Map(agentId, dto), cancellationToken);

    /// <summary>T3: replaces the page's JSON Schema (an object); returns the page as the API now has it.</summary>
    public Task<RealTimeConfig> UpdateConfigSchemaAsync(string agentId, string clientEnv, JsonElement schema, CancellationToken cancellationToken)
    {
        Json.ConfigSchema.EnsureObject(schema, "The schema");
        return Request(ApiOperations.UpdateConfigSchema, $"Set the schema of the {clientEnv} real-time config page of agent '{agentId}'", agentId, clientEnv)
            .WithBody(new UpdateConfigSchemaBody { Schema = schema })
            .SendAsync(dto => Map(agentId, dto), cancellationToken);
    }

    /// <summary>T4: merges the given variables (an object) into the page, shallowly; returns the page as the API now has it.</summary>
    public Task<RealTimeConfig> UpdateConfigVariablesAsync(string agentId, string clientEnv, JsonElement variables, CancellationToken cancellationToken)
    {
        Json.ConfigSchema.EnsureObject(variables, "The variables");
        return Request(ApiOperations.UpdateConfigVariables, $"Update the variables of the {clientEnv} real-time config page of agent '{agentId}'", agentId, clientEnv)
            .WithBody(new UpdateConfigVariablesBody { Variables = variables })
            .SendAsync(dto => Map(agentId, dto), cancellationToken);
    }

    internal static RealTimeConfig Map(string agentId, ConfigPageDto? dto)
    {
        dto = Required(dto, "config page");
        return new RealTimeConfig(
            agentId,
            Required(dto.ClientEnv, "clientEnv"),
            dto.Variables ?? EmptyObject,
            dto.Schema ?? EmptyObject,
            dto.LastUpdated is { } text ? Timestamp(text, "lastUpdated") : null,
            PlainValues);
    }

    private static ValueMap<object?> PlainValues(JsonElement value) =>
        new(Json.JsonObjectReader.ToPlain(value) as IDictionary<string, object?> ?? new Dictionary<string, object?>(), () => Json.ConfigSchema.Text(value));

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
