using System.Text.Json;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>Real-time config pages T1-T4 (api-notes.md §10): one page per environment of an agent.</summary>
internal sealed class RealTimeConfigsEndpoints(RealTimeConfigsState state) : IAreaEndpoints
{
    public void Register(OperationHandlers handlers)
    {
        handlers.Add(ApiOperations.ListConfigPages, ListConfigPages);
        handlers.Add(ApiOperations.GetConfigPage, GetConfigPage);
        handlers.Add(ApiOperations.UpdateConfigSchema, UpdateConfigSchema);
        handlers.Add(ApiOperations.UpdateConfigVariables, UpdateConfigVariables);
    }

    // T1 GET .../real-time-configs: sandbox, pre-release, live.
    private ListConfigPagesResponse ListConfigPages(OperationCall call) => state.List(call.AgentId);

    // T2 GET .../real-time-configs/{clientEnv}
    private ConfigPage GetConfigPage(OperationCall call) => state.Get(call.AgentId, ClientEnvOf(call));

    // T3 PUT .../real-time-configs/{clientEnv}/schema {schema}: a draft-7 schema, or 29004.
    private ConfigPage UpdateConfigSchema(OperationCall call)
    {
        var clientEnv = ClientEnvOf(call);
        var schema = ObjectBody(call.Body, "schema");
        return ConfigSchemas.Problem(schema) is { } problem
            ? throw new ApiException(RealTimeConfigErrors.InvalidSchema(problem))
            : state.SetSchema(call.AgentId, clientEnv, schema);
    }

    // T4 PATCH .../real-time-configs/{clientEnv}/variables {variables}: a shallow merge the schema must accept, or 29002.
    private ConfigPage UpdateConfigVariables(OperationCall call)
    {
        var clientEnv = ClientEnvOf(call);
        return state.UpdateVariables(call.AgentId, clientEnv, ObjectBody(call.Body, "variables"));
    }

    /// <summary>The body {<paramref name="name"/>: object}, required, nothing else.</summary>
    private static JsonElement ObjectBody(string? body, string name)
    {
        var obj = JsonBody.ParseObject(body);
        JsonBody.AllowOnly(obj, null, name);
        return JsonBody.RequiredObject(obj, name);
    }

    private static string ClientEnvOf(OperationCall call)
    {
        var clientEnv = call.PathValue("clientEnv");
        return Formats.ClientEnvironments.Contains(clientEnv) ? clientEnv : throw new ApiException(RealTimeConfigErrors.UnknownEnvironment(clientEnv));
    }
}
