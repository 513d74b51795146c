using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>2xx bodies: mapping to the output models, and refusal of anything that is not the documented JSON.</summary>
public sealed class ResponseTests
{
    private const string Agent = Samples.AgentId;

    [Fact]
    public async Task GetConnector_MapsEveryDocumentedField_PlusTheAgentIdOfTheCall()
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.Connector("conn_abc123")));

        var connector = await api.Client.GetConnectorAsync("AGENT-OF-CALL", "conn_abc123", CancellationToken.None);

        Assert.Equal("AGENT-OF-CALL", connector.AgentId);
        Assert.Equal("conn_abc123", connector.ConnectorId);
        Assert.Equal("Main line", connector.Name);
        Assert.Equal("ws-fd112d8f", connector.AccountId);
        Assert.Equal("PROJECT-58RP822I", connector.ProjectId);
        Assert.Equal("live", connector.ClientEnv);
        Assert.Equal("var_7", connector.VariantId);
        Assert.Equal("en-GB", connector.AsrLangCode);
        Assert.Equal("en-US", connector.TtsLangCode);
        Assert.Equal("en-US-Neural2-A", connector.VoiceName);
        Assert.True(connector.DisableHandoff);
        Assert.Equal("conn_abc123", connector.ToString());
    }

    [Fact]
    public async Task DisableHandoffFalse_IsMappedAsFalse()
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.Connector(edit: c => c["disableHandoff"] = false)));

        var connector = await api.Client.GetConnectorAsync(Agent, "conn_abc123", CancellationToken.None);

        Assert.False(connector.DisableHandoff);
    }

    [Fact]
    public async Task EmptyVariantId_IsKeptAsEmptyString()
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.Connector(edit: c => c["variantId"] = "")));

        var connector = await api.Client.GetConnectorAsync(Agent, "conn_abc123", CancellationToken.None);

        Assert.Equal(string.Empty, connector.VariantId);
    }

    [Fact]
    public async Task ListConnectors_MapsEachConnector_InTheApiOrder()
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.ConnectorList("c2", "c1", "c3")));

        var connectors = await api.Client.ListConnectorsAsync(Agent, CancellationToken.None);

        Assert.Equal(new[] { "c2", "c1", "c3" }, connectors.Select(c => c.ConnectorId));
        Assert.All(connectors, c => Assert.Equal(Agent, c.AgentId));
    }

    [Fact]
    public async Task ListConnectors_WithNoConnectors_IsEmpty()
    {
        using var api = ApiHarness.Create(StubHandler.Json("""{"connectors":[]}"""));

        Assert.Empty(await api.Client.ListConnectorsAsync(Agent, CancellationToken.None));
    }

    [Fact]
    public async Task Lookup_ReturnsTheMappedConnector()
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.Connector("conn_routed")));

        var connector = await api.Client.LookupConnectorAsync(Agent, "+442071234567", CancellationToken.None);

        Assert.Equal("conn_routed", connector.ConnectorId);
        Assert.Equal(Agent, connector.AgentId);
    }

    [Fact]
    public async Task BatchGet_ReturnsFoundAndNotFound()
    {
        var body = new JsonObject
        {
            ["found"] = new JsonArray(Samples.ConnectorNode("c1"), Samples.ConnectorNode("c3")),
            ["notFound"] = new JsonArray("c2", "c4"),
        }.ToJsonString();
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var result = await api.Client.GetConnectorsAsync(Agent, new[] { "c1", "c2", "c3", "c4" }, CancellationToken.None);

        Assert.Equal(new[] { "c1", "c3" }, result.Found.Select(c => c.ConnectorId));
        Assert.All(result.Found, c => Assert.Equal(Agent, c.AgentId));
        Assert.Equal(new[] { "c2", "c4" }, result.NotFound);
    }

    [Fact]
    public async Task BatchGet_ReturnsFoundAndNotFound_AsTheApiListedThem()
    {
        var body = new JsonObject
        {
            ["found"] = new JsonArray(Samples.ConnectorNode("c3"), Samples.ConnectorNode("c1")),
            ["notFound"] = new JsonArray("c2"),
        }.ToJsonString();
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var result = await api.Client.GetConnectorsAsync(Agent, new[] { "c1", "c2", "c3" }, CancellationToken.None);

        // Input order is the cmdlets' business (WriteInRequestedOrder also interleaves the not-found errors).
        Assert.Equal(new[] { "c3", "c1" }, result.Found.Select(c => c.ConnectorId));
        Assert.Equal(new[] { "c2" }, result.NotFound);
    }

    [Fact]
    public async Task BatchGet_WhenNothingIsFound_ReturnsOnlyNotFound()
    {
        using var api = ApiHarness.Create(StubHandler.Json("""{"found":[],"notFound":["c9"]}"""));

        var result = await api.Client.GetConnectorsAsync(Agent, new[] { "c9" }, CancellationToken.None);

        Assert.Empty(result.Found);
        Assert.Equal(new[] { "c9" }, result.NotFound);
    }

    [Fact]
    public async Task DeleteConnector_ReturnsTheRemoval_WithTheReleasedPhoneNumbers()
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.Deletion));

        var removal = await api.Client.DeleteConnectorAsync(Agent, "conn_abc123", CancellationToken.None);

        Assert.Equal(Agent, removal.AgentId);
        Assert.Equal("conn_abc123", removal.ConnectorId);
        Assert.Equal(new[] { "+442071234567", "+15550100001" }, removal.DeletedPhoneNumbers);
        Assert.Equal("conn_abc123", removal.ToString());
    }

    [Fact]
    public async Task DeleteConnector_WithoutNumbers_ReturnsAnEmptyList()
    {
        using var api = ApiHarness.Create(StubHandler.Json("""{"deletedConnector":"c1","deletedPhoneNumbers":[]}"""));

        var removal = await api.Client.DeleteConnectorAsync(Agent, "c1", CancellationToken.None);

        Assert.Empty(removal.DeletedPhoneNumbers);
    }

    [Fact]
    public async Task PhoneNumber_WithConnectorId_MapsEveryField()
    {
        using var api = ApiHarness.Create(StubHandler.Json(
            """{"phoneNumbers":[{"number":"+442071234567","projectId":"PROJECT-58RP822I","accountId":"ws-fd112d8f","clientEnv":"sandbox","connectorId":"conn_abc123"}]}"""));

        var number = Assert.Single(await api.Client.ListPhoneNumbersAsync("AGENT-OF-CALL", null, CancellationToken.None));

        Assert.Equal("AGENT-OF-CALL", number.AgentId);
        Assert.Equal("+442071234567", number.Number);
        Assert.Equal("PROJECT-58RP822I", number.ProjectId);
        Assert.Equal("ws-fd112d8f", number.AccountId);
        Assert.Equal("sandbox", number.ClientEnv);
        Assert.Equal("conn_abc123", number.ConnectorId);
        Assert.Equal("+442071234567", number.ToString());
    }

    [Theory]
    [InlineData("""{"number":"+15550100001","projectId":"P","accountId":"ws","clientEnv":"live"}""")]
    [InlineData("""{"number":"+15550100001","projectId":"P","accountId":"ws","clientEnv":"live","connectorId":null}""")]
    [InlineData("""{"number":"+15550100001","projectId":"P","accountId":"ws","clientEnv":"live","connectorId":""}""")]
    public async Task PhoneNumber_WithoutConnectorId_HasNullConnectorId(string item)
    {
        using var api = ApiHarness.Create(StubHandler.Json("""{"phoneNumbers":[""" + item + "]}"));

        var number = Assert.Single(await api.Client.ListPhoneNumbersAsync(Agent, null, CancellationToken.None));

        Assert.Equal("+15550100001", number.Number);
        Assert.Null(number.ConnectorId);
    }

    [Fact]
    public async Task UnknownExtraFields_AreIgnored_InAConnector()
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.Connector(edit: c =>
        {
            c["createdAt"] = "2026-04-22T10:00:00Z";
            c["labels"] = new JsonArray("a", "b");
            c["routing"] = new JsonObject { ["weight"] = 3 };
        })));

        var connector = await api.Client.GetConnectorAsync(Agent, "conn_abc123", CancellationToken.None);

        Assert.Equal("conn_abc123", connector.ConnectorId);
    }

    [Theory]
    [InlineData(Operation.ListConnectors, """{"connectors":[],"nextCursor":null,"total":0}""")]
    [InlineData(Operation.GetConnectorsBatch, """{"found":[],"notFound":["c1"],"warnings":["x"]}""")]
    [InlineData(Operation.DeleteConnector, """{"deletedConnector":"c1","deletedPhoneNumbers":[],"jobId":7}""")]
    [InlineData(Operation.ListPhoneNumbers, """{"phoneNumbers":[{"number":"+15550100001","projectId":"P","accountId":"ws","clientEnv":"live","carrier":"x"}],"extra":{}}""")]
    public async Task UnknownExtraFields_AreIgnored_InEveryResponse(Operation operation, string body)
    {
        using var api = ApiHarness.Create(StubHandler.Json(body));

        await OperationCase.Of(operation).Invoke(api.Client, Agent);

        Assert.Single(api.Stub.Requests);
    }

    public static TheoryData<Operation, string> MalformedSuccessBodies()
    {
        var data = new TheoryData<Operation, string>();
        foreach (var field in Samples.ConnectorNode().Select(p => p.Key).ToList())
        {
            data.Add(Operation.GetConnector, Samples.Connector(edit: c => c.Remove(field)));
        }

        data.Add(Operation.GetConnector, Samples.Connector(edit: c => c["disableHandoff"] = null));
        data.Add(Operation.GetConnector, Samples.Connector(edit: c => c["disableHandoff"] = "yes"));
        data.Add(Operation.GetConnector, Samples.Connector(edit: c => c["name"] = 42));
        data.Add(Operation.GetConnector, Samples.Connector()[..40]);
        data.Add(Operation.GetConnector, "<html><body><h1>Welcome to nginx!</h1></body></html>");
        data.Add(Operation.GetConnector, "");
        data.Add(Operation.GetConnector, "   ");
        data.Add(Operation.GetConnector, "null");
        data.Add(Operation.GetConnector, "[]");
        data.Add(Operation.GetConnector, "\"conn_abc123\"");
        data.Add(Operation.LookupConnector, "{}");
        data.Add(Operation.ListConnectors, "{}");
        data.Add(Operation.ListConnectors, """{"connectors":{}}""");
        data.Add(Operation.ListConnectors, "{\"connectors\":[" + Samples.Connector(edit: c => c.Remove("voiceName")) + "]}");
        data.Add(Operation.GetConnectorsBatch, """{"found":[]}""");
        data.Add(Operation.GetConnectorsBatch, """{"notFound":[]}""");
        data.Add(Operation.DeleteConnector, """{"deletedPhoneNumbers":[]}""");
        data.Add(Operation.DeleteConnector, """{"deletedConnector":"c1"}""");
        data.Add(Operation.ListPhoneNumbers, "{}");
        foreach (var field in new[] { "number", "projectId", "accountId", "clientEnv" })
        {
            var item = new JsonObject { ["number"] = "+15550100001", ["projectId"] = "P", ["accountId"] = "ws", ["clientEnv"] = "live" };
            item.Remove(field);
            data.Add(Operation.ListPhoneNumbers, new JsonObject { ["phoneNumbers"] = new JsonArray(item) }.ToJsonString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedSuccessBodies))]
    public async Task MalformedSuccessBody_IsInvalidResponse_NeverAHalfFilledObject(Operation operation, string body)
    {
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => OperationCase.Of(operation).Invoke(api.Client, Agent));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal(200, ex.StatusCode);
        Assert.Contains(ex.Operation, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoContentOnARead_IsInvalidResponse()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.NoContent));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetConnectorAsync(Agent, "c1", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal(204, ex.StatusCode);
    }

    [Fact]
    public async Task InvalidResponse_CarriesTheCorrelationIdHeader()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.OK, "<html>oops</html>", "text/html", ("X-PolyAI-Correlation-Id", "corr-7")));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetConnectorAsync(Agent, "c1", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal("corr-7", ex.ApiError.CorrelationId);
    }

    [Fact]
    public async Task BodyThatBreaksWhileRead_IsAConnectionFailure()
    {
        using var api = ApiHarness.Create(new StubHandler((_, _) => Task.FromResult(Respond.WithBrokenBody(HttpStatusCode.OK))));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetConnectorAsync(Agent, "c1", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.Connection, ex.Kind);
        Assert.IsAssignableFrom<System.IO.IOException>(ex.InnerException);
    }

    // ---- null where the schema requires a value -------------------------------------------------

    public static TheoryData<string> RequiredConnectorStrings => new()
    {
        "connectorId", "name", "accountId", "projectId", "clientEnv", "asrLangCode", "ttsLangCode", "voiceName",
    };

    [Theory]
    [MemberData(nameof(RequiredConnectorStrings))]
    public async Task NullRequiredConnectorField_IsInvalidResponse(string field)
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.Connector(edit: c => c[field] = null)));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetConnectorAsync(Agent, "c1", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
    }

    public static TheoryData<Operation, string> NullRequiredContainers => new()
    {
        { Operation.ListConnectors, """{"connectors":null}""" },
        { Operation.ListConnectors, """{"connectors":[null]}""" },
        { Operation.GetConnectorsBatch, """{"found":null,"notFound":[]}""" },
        { Operation.GetConnectorsBatch, """{"found":[],"notFound":null}""" },
        { Operation.DeleteConnector, """{"deletedConnector":null,"deletedPhoneNumbers":[]}""" },
        { Operation.DeleteConnector, """{"deletedConnector":"c1","deletedPhoneNumbers":null}""" },
        { Operation.ListPhoneNumbers, """{"phoneNumbers":null}""" },
        { Operation.ListPhoneNumbers, """{"phoneNumbers":[{"number":null,"projectId":"P","accountId":"ws","clientEnv":"live"}]}""" },
    };

    [Theory]
    [MemberData(nameof(NullRequiredContainers))]
    public async Task NullRequiredMember_IsInvalidResponse(Operation operation, string body)
    {
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var ex = await Record.ExceptionAsync(() => OperationCase.Of(operation).Invoke(api.Client, Agent));

        var apiException = Assert.IsType<PolyAiApiException>(ex);
        Assert.Equal(PolyAiFailureKind.InvalidResponse, apiException.Kind);
    }
}
