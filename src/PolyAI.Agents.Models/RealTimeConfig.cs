using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PolyAI.Agents;

/// <summary>
/// The real-time config page of one environment of an agent: variables that take effect at once, without a publish
/// (opening hours, a holiday message, a transfer number), and the JSON Schema (draft 7) they must satisfy.
/// <see cref="Variables"/> and <see cref="Schema"/> are plain values: dot access, ConvertTo-Json and Export-Clixml work.
/// </summary>
public sealed class RealTimeConfig
{
    // plain: how the engine turns JSON into plain values and their text (it knows JSON Schema; this assembly does not).
    internal RealTimeConfig(string agentId, string clientEnv, JsonElement variables, JsonElement schema, DateTimeOffset? lastUpdated, Func<JsonElement, ValueMap<object?>> plain)
    {
        AgentId = agentId;
        ClientEnv = clientEnv;
        VariablesJson = variables;
        SchemaJson = schema;
        Variables = plain(variables);
        Schema = plain(schema);
        LastUpdated = lastUpdated;
    }

    public string AgentId { get; }

    /// <summary>sandbox, pre-release or live.</summary>
    public string ClientEnv { get; }

    /// <summary>Variable name -> value (text, number, boolean, list or nested values); as text, compact JSON.</summary>
    public ValueMap<object?> Variables { get; }

    /// <summary>The JSON Schema (draft 7) the variables must satisfy; as text, compact JSON.</summary>
    public ValueMap<object?> Schema { get; }

    public DateTimeOffset? LastUpdated { get; }

    /// <summary>The variables as the API sent them, for merging and validation.</summary>
    internal JsonElement VariablesJson { get; }

    internal JsonElement SchemaJson { get; }

    public override string ToString() => ClientEnv;
}
