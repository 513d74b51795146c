using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PolyAI.Agents.Tests.Support;

/// <summary>Documented phone-number and batch-update bodies (api-notes §2-3), and a stub that answers in sequence.</summary>
internal static class TelephonySamples
{
    public static JsonObject PhoneNumberNode(string number = "+442071234567", string? connectorId = "conn_abc123") => new()
    {
        ["number"] = number,
        ["projectId"] = "PROJECT-58RP822I",
        ["accountId"] = "ws-fd112d8f",
        ["clientEnv"] = "live",
        ["connectorId"] = connectorId,
    };

    public static string PhoneNumber(string number = "+442071234567", Action<JsonObject>? edit = null)
    {
        var node = PhoneNumberNode(number);
        edit?.Invoke(node);
        return node.ToJsonString();
    }

    public static JsonObject Success(string connectorId) => new()
    {
        ["connectorId"] = connectorId,
        ["success"] = true,
        ["data"] = Samples.ConnectorNode(connectorId),
    };

    public static JsonObject Failure(string connectorId, string error) => new()
    {
        ["connectorId"] = connectorId,
        ["success"] = false,
        ["error"] = error,
    };

    public static string Results(params JsonObject[] items)
    {
        var results = new JsonArray();
        foreach (var item in items)
        {
            results.Add(item);
        }

        return new JsonObject { ["results"] = results }.ToJsonString();
    }

    /// <summary>Answers the n-th request with the n-th responder (the last one repeats).</summary>
    public static StubHandler Sequence(params Func<HttpResponseMessage>[] responders)
    {
        var calls = 0;
        return new StubHandler((_, _) =>
        {
            var index = Math.Min(Interlocked.Increment(ref calls), responders.Length) - 1;
            return Task.FromResult(responders[index]());
        });
    }

    public static StubHandler Created(string body) => StubHandler.Returning(HttpStatusCode.Created, body);
}
