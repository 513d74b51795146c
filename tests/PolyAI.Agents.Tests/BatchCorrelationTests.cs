using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>A batch answers 200 with per-item failures: each failure still carries the answer's correlation id.</summary>
public sealed class BatchCorrelationTests
{
    private const string CorrelationId = "7f1c2b9e-0000-4000-8000-00000000abcd";

    private static StubHandler Answer(string body) =>
        StubHandler.Returning(HttpStatusCode.OK, body, headers: ("X-PolyAI-Correlation-Id", CorrelationId));

    [Fact]
    public async Task FailedConnectorUpdate_CarriesTheCorrelationId()
    {
        var body = "{\"results\":[{\"connectorId\":\"c1\",\"success\":false,\"error\":\"CONNECTORS_NOT_FOUND: Connector 'c1' was not found.\"}]}";
        using var api = ApiHarness.Create(Answer(body));

        var results = await api.Client.UpdateConnectorsAsync("A", new[] { new ConnectorUpdate("c1") { VoiceName = "en-GB-Neural2-A" } }, CancellationToken.None);

        var failure = Assert.Single(results).Failure!;
        Assert.Equal(PolyAiFailureKind.NotFound, failure.Kind);
        Assert.Equal(CorrelationId, failure.ApiError.CorrelationId);
        Assert.Contains(CorrelationId, failure.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedNumberOfABulkDelete_CarriesTheCorrelationId()
    {
        var body = "{\"deleted\":[\"+15550000001\"],\"errors\":[{\"phoneNumber\":\"+15550000002\",\"error\":\"Phone number not found\"}]}";
        using var api = ApiHarness.Create(Answer(body));

        var results = await api.Client.DeletePhoneNumbersAsync("A", new[] { "+15550000001", "+15550000002" }, CancellationToken.None);

        Assert.True(results[0].Succeeded);
        Assert.Equal(CorrelationId, results.Single(r => !r.Succeeded).Failure!.ApiError.CorrelationId);
    }
}
