using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>The three kinds of 2xx answer the table names (documented JSON, no content, undocumented), and a 2xx
/// that says nothing changed.</summary>
public sealed class ResponseKindTests
{
    private static readonly ApiOperation<NoBody, NoContent> DeleteWith204 =
        new("T1", "DELETE", "/v1/agents/{agentId}", 204, ResponseKind.NoContent, RetryClass.SafeToRepeat, ResourceKind.Agent, null, null);

    private static readonly ApiOperation<NoBody, JsonElement> ListUndocumented =
        new("T2", "GET", "/v1/agents/{agentId}/branches", 200, ResponseKind.Undocumented, RetryClass.SafeToRepeat, ResourceKind.Branch, null, w => w.JsonElement);

    private static readonly ApiOperation<NoBody, ConnectorDto> CreateWith201 =
        new("T3", "POST", "/v1/agents/{agentId}/things", 201, ResponseKind.Documented, RetryClass.NotSafeToRepeat, ResourceKind.Deployment, null, w => w.ConnectorDto);

    private static Task<T> Send<T>(ApiHarness api, ApiOperation<NoBody, T> row) =>
        api.Client.Request(row, "Do the test", "A").SendAsync(response => response, CancellationToken.None);

    [Theory]
    [InlineData(HttpStatusCode.NoContent, null)]
    [InlineData(HttpStatusCode.OK, "")]
    [InlineData(HttpStatusCode.OK, "not even JSON")]
    public async Task NoContent_IsASuccess_WhateverTheBody(HttpStatusCode status, string? body)
    {
        using var api = ApiHarness.Create(StubHandler.Returning(status, body));

        var result = await Send(api, DeleteWith204);

        Assert.Same(NoContent.Value, result);
    }

    [Fact]
    public async Task ADocumentedRead_ThatGets204_IsStillAnInvalidResponse()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.NoContent));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => Send(api, CreateWith201));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    public async Task AnUndocumentedBody_ThatIsEmpty_IsUndefined(string body)
    {
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var element = await Send(api, ListUndocumented);

        Assert.Equal(JsonValueKind.Undefined, element.ValueKind);
    }

    [Fact]
    public async Task AnUndocumentedBody_IsReadAsJson_Whole()
    {
        using var api = ApiHarness.Create(StubHandler.Json("""{"branches":[{"id":"b1","name":"fix","later":{"x":1}}]}"""));

        var element = await Send(api, ListUndocumented);

        Assert.Equal("b1", element.GetProperty("branches")[0].GetProperty("id").GetString());
        Assert.Equal(1, element.GetProperty("branches")[0].GetProperty("later").GetProperty("x").GetInt32());
    }

    [Fact]
    public async Task AnUndocumentedBody_ThatIsNotJson_IsAnInvalidResponse()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.OK, "<html>proxy</html>", "text/html"));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => Send(api, ListUndocumented));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal("Branch", ex.Resource);
    }

    [Fact]
    public async Task A200_WithACodeThatSaysNothingChanged_IsUnchanged_NotAFailureOfTheRequest()
    {
        const string body = """{"success":false,"error":"OK","error_id":"corr-6002","error_code":"DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED","error_message":"sandbox already runs this version","data":null}""";
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.OK, body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => Send(api, CreateWith201));

        Assert.Equal(PolyAiFailureKind.Unchanged, ex.Kind);
        Assert.Equal("DeploymentAlreadyRunning", ex.ErrorName);
        Assert.Equal("corr-6002", ex.ApiError.CorrelationId);
        Assert.Contains("changed nothing: sandbox already runs this version", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherSuccessStatus_WithTheDocumentedBody_IsReadAsUsual()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.OK, Samples.Connector("c9")));

        var dto = await Send(api, CreateWith201);

        Assert.Equal("c9", dto.ConnectorId);
    }

    [Fact]
    public async Task TheDocumentedStatus_WithAnErrorLikeBody_IsNotMistakenForUnchanged()
    {
        // Only a 2xx other than the documented one is looked at for a notice; the documented one is read as the contract.
        const string body = """{"error_code":"DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED"}""";
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.Created, body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => Send(api, CreateWith201));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
    }
}
