using System.Text.Json.Nodes;

namespace PolyAI.Agents.Tests.Support;

/// <summary>Branch and knowledge-base answers in the shapes later API versions document (1.0.3 gives them none).</summary>
internal static class AuthoringSamples
{
    public static JsonObject TopicNode(string id, string name = "Opening hours", string content = "We open at 9.", bool isActive = true) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["content"] = content,
        ["actions"] = "Offer to book a visit.",
        ["exampleQueries"] = new JsonObject { ["queries"] = new JsonArray("When do you open?") },
        ["isActive"] = isActive,
    };

    public static string Topic(string id) => TopicNode(id).ToJsonString();

    public static string BranchList(params string[] ids)
    {
        var list = new JsonArray();
        foreach (var id in ids)
        {
            list.Add(new JsonObject { ["branchId"] = id, ["name"] = $"branch {id}", ["createdAt"] = "2026-11-30T10:00:00Z" });
        }

        return new JsonObject { ["branches"] = list }.ToJsonString();
    }

    public const string Attribute = """{"id":"attr-1","name":"site"}""";

    public const string Variant = """{"id":"v1","name":"London","isDefault":true,"attributeValues":{"values":{"site":"London","openingHours":"09:00-17:00"}}}""";

    /// <summary>A page whose schema wants opening hours as HH:MM-HH:MM and a transfer number in E.164.</summary>
    public const string ConfigPage = """
        {"clientEnv":"live","variables":{"openingHours":"09:00-17:00","transferNumber":"+442071234500","maxQueueMinutes":10},
         "schema":{"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
           "properties":{"openingHours":{"type":"string","pattern":"^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$"},
                         "transferNumber":{"type":"string","pattern":"^\\+[1-9][0-9]{1,14}$"},
                         "maxQueueMinutes":{"type":"integer","minimum":0,"maximum":60}},
           "required":["openingHours","transferNumber"]},
         "lastUpdated":"2026-11-30T09:00:00Z"}
        """;

    public static System.Text.Json.JsonElement Json(string text) => System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();

    public static string Deployment(string id, string environment, string version = "3f2a9c1", string createdAt = "2026-11-20T11:00:00Z") =>
        $$$"""{"id":"{{{id}}}","accountId":"ws-1","agentId":"PROJECT-1","environment":"{{{environment}}}","artifactVersion":"artifact-1","version":"{{{version}}}","createdBy":"ops@example.com","createdAt":"{{{createdAt}}}","metadata":{"deploymentMessage":"Release {{{id}}}"}}""";
}
