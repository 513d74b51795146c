using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace PolyAI.Agents.Tests.Support;

/// <summary>A stub that answers every implemented telephony operation with a valid documented 2xx body.</summary>
internal static class DocumentedApi
{
    public static StubHandler Stub() => new((request, _) => Task.FromResult(Respond.With(HttpStatusCode.OK, BodyFor(request))));

    private static string BodyFor(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Delete)
        {
            return Samples.Deletion;
        }

        if (path.Contains("/telephony/phone-numbers", StringComparison.Ordinal))
        {
            return Samples.PhoneNumberList("+442071234567");
        }

        if (request.Method == HttpMethod.Post && path.EndsWith("/connectors/batch", StringComparison.Ordinal))
        {
            return Samples.BatchFoundAndNotFound;
        }

        if (path.EndsWith("/telephony/connectors", StringComparison.Ordinal))
        {
            return Samples.ConnectorList("conn_abc123");
        }

        return Samples.Connector();
    }
}
