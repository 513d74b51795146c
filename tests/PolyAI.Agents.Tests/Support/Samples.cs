using System;
using System.Text.Json.Nodes;

namespace PolyAI.Agents.Tests.Support;

/// <summary>Documented response bodies (api-notes §2-3), editable per test.</summary>
internal static class Samples
{
    public const string AgentId = "PROJECT-58RP822I";

    /// <summary>One item of the A1 agent list (a bare JSON array).</summary>
    public static string AgentNode(string agentId = AgentId) => new JsonObject
    {
        ["accountId"] = "ws-fd112d8f",
        ["agentId"] = agentId,
        ["agentName"] = "Front desk",
        ["createdAt"] = "2026-01-05T10:00:00Z",
        ["updatedAt"] = "2026-03-01T08:30:00Z",
        ["branchCount"] = 2,
    }.ToJsonString();

    public static JsonObject ConnectorNode(string connectorId = "conn_abc123") => new()
    {
        ["connectorId"] = connectorId,
        ["name"] = "Main line",
        ["accountId"] = "ws-fd112d8f",
        ["projectId"] = "PROJECT-58RP822I",
        ["clientEnv"] = "live",
        ["variantId"] = "var_7",
        ["asrLangCode"] = "en-GB",
        ["ttsLangCode"] = "en-US",
        ["voiceName"] = "en-US-Neural2-A",
        ["disableHandoff"] = true,
    };

    public static string Connector(string connectorId = "conn_abc123", Action<JsonObject>? edit = null)
    {
        var node = ConnectorNode(connectorId);
        edit?.Invoke(node);
        return node.ToJsonString();
    }

    public static string ConnectorList(params string[] connectorIds)
    {
        var list = new JsonArray();
        foreach (var id in connectorIds)
        {
            list.Add(ConnectorNode(id));
        }

        return new JsonObject { ["connectors"] = list }.ToJsonString();
    }

    public static string PhoneNumberList(params string[] numbers)
    {
        var list = new JsonArray();
        foreach (var number in numbers)
        {
            list.Add(new JsonObject
            {
                ["number"] = number,
                ["projectId"] = "PROJECT-58RP822I",
                ["accountId"] = "ws-fd112d8f",
                ["clientEnv"] = "live",
                ["connectorId"] = "conn_abc123",
            });
        }

        return new JsonObject { ["phoneNumbers"] = list }.ToJsonString();
    }

    public const string Deletion = """{"deletedConnector":"conn_abc123","deletedPhoneNumbers":["+442071234567","+15550100001"]}""";

    public const string BatchFoundAndNotFound = """{"found":[],"notFound":["conn_missing"]}""";
}
