using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace PolyAI.Agents.Tests.Support;

/// <summary>A stub that answers every client operation (<see cref="Operation"/>) with a valid documented 2xx
/// body, chosen by method and route; the phone-number answers are for <see cref="Operations.Number"/>.</summary>
internal static class DocumentedApi
{
    public static StubHandler Stub() => new((request, _) => Task.FromResult(Respond.With(StatusFor(request), BodyFor(request))));

    private const string Telephony = "/telephony/";

    private static HttpStatusCode StatusFor(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && Route(request) is "phone-numbers" or "phone-numbers/{number}"
            ? HttpStatusCode.Created
            : HttpStatusCode.OK;

    private static string BodyFor(HttpRequestMessage request)
    {
        const string number = Operations.Number;
        var method = request.Method.Method;
        return (method, Route(request)) switch
        {
            ("GET", "agents") => $$"""[{{Samples.AgentNode()}}]""",
            ("GET", "connectors") => Samples.ConnectorList("conn_abc123"),
            ("POST", "connectors/batch") => Samples.BatchFoundAndNotFound,
            ("PATCH", "connectors/batch") => TelephonySamples.Results(TelephonySamples.Success("c1")),
            ("POST", "connectors/lookup") or ("GET", "connectors/{id}") or ("PATCH", "connectors/{id}") => Samples.Connector(),
            ("DELETE", "connectors/{id}") => Samples.Deletion,
            ("GET", "phone-numbers") => Samples.PhoneNumberList(number),
            ("POST", "phone-numbers") => $$"""{"imported":["{{number}}"]}""",
            ("DELETE", "phone-numbers") => $$"""{"deleted":["{{number}}"]}""",
            ("POST", "phone-numbers/batch") => $$"""{"found":[{{TelephonySamples.PhoneNumber(number)}}],"notFound":[]}""",
            ("GET", "phone-numbers/{number}") or ("PATCH", "phone-numbers/{number}") => TelephonySamples.PhoneNumber(number),
            ("POST", "phone-numbers/{number}") => $$"""{"imported":"{{number}}"}""",
            ("DELETE", "phone-numbers/{number}") => $$"""{"deleted":"{{number}}"}""",
            var other => throw new InvalidOperationException($"No documented answer for {other.method} {request.RequestUri}."),
        };
    }

    /// <summary>The route after /v1/agents/{agentId}/telephony/, with the last id generalised; "agents" for A1.</summary>
    private static string Route(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        var telephony = path.IndexOf(Telephony, StringComparison.Ordinal);
        if (telephony < 0)
        {
            return path == "/v1/agents" ? "agents" : path;
        }

        var segments = path.Substring(telephony + Telephony.Length).Split('/');
        return segments switch
        {
            [var collection] => collection,
            [var collection, "batch" or "lookup"] => $"{collection}/{segments[1]}",
            ["connectors", _] => "connectors/{id}",
            ["phone-numbers", _] => "phone-numbers/{number}",
            _ => path,
        };
    }
}
