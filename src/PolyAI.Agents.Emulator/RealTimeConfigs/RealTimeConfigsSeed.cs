using System.Text.Json;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// Real-time config pages of the seeds, the same in "demo" and "empty": PROJECT-DEMO has a draft-7 schema for its
/// opening hours, transfer number, holiday message and queue time on each environment; PROJECT-OTHER (and any new
/// agent) has an open schema and no variables.
/// </summary>
internal static class RealTimeConfigsSeed
{
    public const string LastUpdated = "2026-11-30T09:00:00Z";

    public const string DemoSchema = """
        {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
         "properties":{
           "openingHours":{"type":"string","pattern":"^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$"},
           "transferNumber":{"type":"string","pattern":"^\\+[1-9][0-9]{1,14}$"},
           "holidayMessage":{"type":"string","maxLength":200},
           "maxQueueMinutes":{"type":"integer","minimum":0,"maximum":60}},
         "required":["openingHours","transferNumber"],"additionalProperties":true}
        """;

    public const string DemoVariables = """{"openingHours":"09:00-17:00","transferNumber":"+442071234500","maxQueueMinutes":10}""";

    public const string OpenSchema = """{"type":"object"}""";

    public const string NoVariables = "{}";

    public static IReadOnlyList<(string AgentId, string Schema, string Variables)> Get(string seed) => Seed.IsKnown(seed)
        ? [(Seed.DemoAgentId, DemoSchema, DemoVariables), (Seed.OtherAgentId, OpenSchema, NoVariables)]
        : throw new ArgumentException($"Unknown seed '{seed}'.", nameof(seed));

    /// <summary>One page per environment, in the order T1 lists them: sandbox, pre-release, live.</summary>
    public static IEnumerable<ConfigPage> Pages(string schema, string variables, string lastUpdated) =>
        RealTimeConfigsState.Environments.Select(env => new ConfigPage(env, Parse(variables), Parse(schema), lastUpdated));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
