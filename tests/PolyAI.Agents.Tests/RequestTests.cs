using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>What goes on the wire: headers, JSON bodies, and what the trace says about it.</summary>
public sealed class RequestTests
{
    private const string Key = ApiHarness.ApiKey;

    public static TheoryData<Operation> AllOperations => OperationCase.Names;

    [Theory]
    [MemberData(nameof(AllOperations))]
    public async Task EveryOperation_SendsTheKeyInTheXApiKeyHeader(Operation operation)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await OperationCase.Of(operation).Invoke(api.Client, "A");

        var sent = api.Stub.Single;
        Assert.Equal(Key, sent.Header("x-api-key"));
        Assert.Contains(sent.Headers.Keys, name => name == "x-api-key");
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public async Task EveryOperation_AcceptsJson(Operation operation)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await OperationCase.Of(operation).Invoke(api.Client, "A");

        Assert.Equal("application/json", api.Stub.Single.Header("Accept"));
    }

    [Fact]
    public async Task UserAgent_DefaultsToTheModuleName()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.ListConnectorsAsync("A", CancellationToken.None);

        Assert.Equal("PolyAI.Agents", api.Stub.Single.Header("User-Agent"));
    }

    [Fact]
    public async Task UserAgent_IsTheSessionsUserAgent()
    {
        using var api = ApiHarness.Create(OperationCase.Stub(), userAgent: "PolyAI.Agents/0.1.0 (PowerShell 7.4.6)");

        await api.Client.ListConnectorsAsync("A", CancellationToken.None);

        Assert.Equal("PolyAI.Agents/0.1.0 (PowerShell 7.4.6)", api.Stub.Single.Header("User-Agent"));
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public async Task EveryOperation_SendsABody_ExactlyWhenTheTableGivesItARequestContract(Operation operation)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());
        var call = OperationCase.Of(operation);

        await call.Invoke(api.Client, "A");

        var sent = api.Stub.Single;
        if (call.ApiOperation.RequestBody is null)
        {
            Assert.Null(sent.Body);
            Assert.Null(sent.ContentType);
        }
        else
        {
            Assert.NotNull(sent.Body);
            Assert.Equal("application/json; charset=utf-8", sent.ContentType);
        }
    }

    [Fact]
    public async Task BatchGet_SendsExactlyTheConnectorIdsBody()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.GetConnectorsAsync("A", new[] { "conn_b", "conn_a", "conn/../x" }, CancellationToken.None);

        var sent = api.Stub.Single;
        Assert.Equal("""{"connectorIds":["conn_b","conn_a","conn/../x"]}""", sent.Body);
        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
    }

    [Fact]
    public async Task Lookup_SendsExactlyThePhoneNumberBody()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.LookupConnectorAsync("A", "+442071234567", CancellationToken.None);

        var sent = api.Stub.Single;
        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
        using var body = JsonDocument.Parse(sent.Body!);
        var property = Assert.Single(body.RootElement.EnumerateObject());
        Assert.Equal("phoneNumber", property.Name);
        Assert.Equal("+442071234567", property.Value.GetString());
    }

    [Fact]
    public async Task Lookup_BodyDecodesToTheDocumentedShape_EvenThoughPlusIsJsonEscaped()
    {
        // System.Text.Json's default encoder writes '+' as \u002B: equal JSON, but not byte-for-byte the docs' example.
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.LookupConnectorAsync("A", "+15550100001", CancellationToken.None);

        var body = api.Stub.Single.Body!;
        Assert.True(body == "{\"phoneNumber\":\"+15550100001\"}" || body == "{\"phoneNumber\":\"\\u002B15550100001\"}", body);
    }

    [Fact]
    public async Task Trace_NamesMethodAndFullUrl_OfEveryRequest()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.ListPhoneNumbersAsync("A", "c 1", CancellationToken.None);

        Assert.Contains("GET https://api.test.invalid/v1/agents/A/telephony/phone-numbers?connectorId=c%201", api.Trace.VerboseMessages);
    }

    [Fact]
    public async Task Trace_ReportsTheStatusOfTheResponse()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.OK, Samples.Connector(), "application/json", ("X-PolyAI-Correlation-Id", "corr-42")));

        await api.Client.GetConnectorAsync("A", "c1", CancellationToken.None);

        Assert.Contains(api.Trace.VerboseMessages, m => m.StartsWith("200 ", StringComparison.Ordinal)
            && m.Contains("GET /v1/agents/A/telephony/connectors/c1", StringComparison.Ordinal)
            && m.Contains("corr-42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trace_ListsRequestHeaders_WithTheKeyRedacted()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.ListConnectorsAsync("A", CancellationToken.None);

        var headers = Assert.Single(api.Trace.DebugMessages, m => m.StartsWith("Request headers:", StringComparison.Ordinal));
        Assert.Contains("x-api-key: [redacted]", headers, StringComparison.Ordinal);
        Assert.Contains("Accept: application/json", headers, StringComparison.Ordinal);
        Assert.Contains("User-Agent: PolyAI.Agents", headers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_ShowsTheRequestBody()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.GetConnectorsAsync("A", new[] { "c1" }, CancellationToken.None);

        Assert.Contains("Request body: {\"connectorIds\":[\"c1\"]}", api.Trace.DebugMessages);
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public async Task Trace_NeverContainsTheKey_OnSuccess(Operation operation)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await OperationCase.Of(operation).Invoke(api.Client, "A");

        Assert.NotEmpty(api.Trace.Messages);
        Assert.DoesNotContain(api.Trace.Messages, m => m.Contains(Key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Trace_NeverContainsTheKey_OnFailure(HttpStatusCode status)
    {
        using var api = ApiHarness.Create(StubHandler.Returning(status, """{"error":{"code":"X","message":"no"}}"""), maxRetry: 0);

        await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.DeleteConnectorAsync("A", "c1", CancellationToken.None));

        Assert.NotEmpty(api.Trace.Messages);
        Assert.DoesNotContain(api.Trace.Messages, m => m.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trace_NeverContainsTheKey_WhenTheConnectionFails()
    {
        using var api = ApiHarness.Create(StubHandler.Throwing(new System.Net.Http.HttpRequestException("Connection refused")));

        await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.ListConnectorsAsync("A", CancellationToken.None));

        Assert.DoesNotContain(api.Trace.Messages, m => m.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachCall_SendsExactlyOneRequest()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.ListConnectorsAsync("A", CancellationToken.None);
        await api.Client.GetConnectorAsync("A", "c1", CancellationToken.None);

        Assert.Equal(new[] { "GET", "GET" }, api.Stub.Requests.Select(r => r.Method));
    }
}
