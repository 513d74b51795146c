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
}
