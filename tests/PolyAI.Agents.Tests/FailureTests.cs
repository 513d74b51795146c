using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>Non-2xx answers and transport failures: kind, API error details and the exception message.</summary>
public sealed class FailureTests
{
    private const string Key = ApiHarness.ApiKey;
    private const string GetOperation = "Get connector 'c1' of agent 'A'";

    private static ApiHarness Failing(HttpStatusCode status, string? body = null, string mediaType = "application/json", params (string, string)[] headers) =>
        ApiHarness.Create(StubHandler.Returning(status, body, mediaType, headers), maxRetry: 0);

    private static async Task<PolyAiApiException> GetConnectorFails(ApiHarness api) =>
        await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetConnectorAsync("A", "c1", CancellationToken.None));

    [Theory]
    [InlineData(400, PolyAiFailureKind.InvalidArgument)]
    [InlineData(422, PolyAiFailureKind.InvalidArgument)]
    [InlineData(401, PolyAiFailureKind.Authentication)]
    [InlineData(403, PolyAiFailureKind.PermissionDenied)]
    [InlineData(404, PolyAiFailureKind.NotFound)]
    [InlineData(409, PolyAiFailureKind.AlreadyExists)]
    [InlineData(429, PolyAiFailureKind.RateLimited)]
    [InlineData(500, PolyAiFailureKind.ServerError)]
    [InlineData(501, PolyAiFailureKind.ServerError)]
    [InlineData(502, PolyAiFailureKind.ServerError)]
    [InlineData(503, PolyAiFailureKind.ServerError)]
    [InlineData(504, PolyAiFailureKind.ServerError)]
    [InlineData(405, PolyAiFailureKind.Rejected)]
    [InlineData(408, PolyAiFailureKind.Rejected)]
    [InlineData(410, PolyAiFailureKind.Rejected)]
    [InlineData(412, PolyAiFailureKind.PreconditionFailed)]
    [InlineData(415, PolyAiFailureKind.Rejected)]
    public async Task Status_MapsToItsFailureKind(int status, PolyAiFailureKind kind)
    {
        using var api = Failing((HttpStatusCode)status);

        var ex = await GetConnectorFails(api);

        Assert.Equal(kind, ex.Kind);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(GetOperation, ex.Operation);
        Assert.Single(api.Stub.Requests);
    }

    [Fact]
    public async Task PlatformEnvelope_FillsCodeMessageAndCorrelationId()
    {
        using var api = Failing(HttpStatusCode.NotFound,
            """{"success":false,"error":"Not Found","error_id":"corr-env-1","error_code":"CONNECTORS_NOT_FOUND","error_message":"Connector c1 was not found","data":null}""");

        var ex = await GetConnectorFails(api);

        Assert.Equal("CONNECTORS_NOT_FOUND", ex.ApiError.Code);
        Assert.Equal("Connector c1 was not found", ex.ApiError.Message);
        Assert.Equal("corr-env-1", ex.ApiError.CorrelationId);
    }

    [Fact]
    public async Task PlatformEnvelope_WithoutErrorMessage_FallsBackToTheErrorField()
    {
        using var api = Failing(HttpStatusCode.NotFound,
            """{"success":false,"error":"Not Found","error_id":"corr-env-2","error_code":"CONNECTORS_NOT_FOUND","error_message":null,"data":null}""");

        var ex = await GetConnectorFails(api);

        Assert.Equal("Not Found", ex.ApiError.Message);
        Assert.Equal("CONNECTORS_NOT_FOUND", ex.ApiError.Code);
    }

    [Fact]
    public async Task NestedError_FillsCodeMessageAndCorrelationId()
    {
        using var api = Failing(HttpStatusCode.NotFound,
            """{"error":{"code":"CONNECTORS_NOT_FOUND","id":14100,"message":"Connector not found","correlation_id":"corr-nested-1"}}""");

        var ex = await GetConnectorFails(api);

        Assert.Equal("CONNECTORS_NOT_FOUND", ex.ApiError.Code);
        Assert.Equal("Connector not found", ex.ApiError.Message);
        Assert.Equal("corr-nested-1", ex.ApiError.CorrelationId);
    }

    [Fact]
    public async Task ValidationList_JoinsEachFieldIntoTheMessage()
    {
        using var api = Failing(HttpStatusCode.BadRequest,
            """{"message":"Validation failed","errors":[{"field":"voiceName","message":"unknown voice"},{"field":"asrLangCode","message":"unsupported"}]}""");

        var ex = await GetConnectorFails(api);

        Assert.Null(ex.ApiError.Code);
        Assert.Equal("Validation failed: voiceName: unknown voice; asrLangCode: unsupported", ex.ApiError.Message);
        Assert.Null(ex.ApiError.CorrelationId);
    }

    [Theory]
    [InlineData("""{"error":{"code":"CONNECTORS_NOT_FOUND","message":"Connector not found"}}""")]
    [InlineData("""{"message":"Validation failed","errors":[{"field":"name","message":"required"}]}""")]
    [InlineData("<html><body>Bad gateway</body></html>")]
    [InlineData("")]
    public async Task CorrelationIdHeader_FillsIn_WhenTheBodyHasNone(string body)
    {
        using var api = Failing(HttpStatusCode.BadGateway, body, "application/json", ("X-PolyAI-Correlation-Id", "corr-header-9"));

        var ex = await GetConnectorFails(api);

        Assert.Equal("corr-header-9", ex.ApiError.CorrelationId);
        Assert.Contains("corr-header-9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrelationIdInTheBody_IsKept_OverTheHeader()
    {
        using var api = Failing(HttpStatusCode.NotFound,
            """{"error_code":"CONNECTORS_NOT_FOUND","error_message":"gone","error_id":"corr-body"}""", "application/json", ("X-PolyAI-Correlation-Id", "corr-header"));

        var ex = await GetConnectorFails(api);

        Assert.Equal("corr-body", ex.ApiError.CorrelationId);
    }

    private const string NginxBadGateway = """
        <!DOCTYPE html>
        <html>
        <head><title>502 Bad Gateway</title>
        <style>
          body { font-family: Tahoma, Verdana, Arial, sans-serif; width: 35em; }
        </style>
        <script type="text/javascript">
          var tracking = "<b>should never show</b>"; window.dataLayer.push({ event: 'err' });
        </script>
        </head>
        <body>
        <center><h1>502 Bad Gateway</h1></center>
        <hr><center>nginx/1.25.3</center>
        </body>
        </html>
        """;

    [Fact]
    public async Task HtmlErrorPage_BecomesAShortCleanExcerpt()
    {
        using var api = Failing(HttpStatusCode.BadGateway, NginxBadGateway, "text/html");

        var ex = await GetConnectorFails(api);

        var message = ex.ApiError.Message!;
        Assert.Equal("502 Bad Gateway 502 Bad Gateway nginx/1.25.3", message);
        Assert.Equal(PolyAiFailureKind.ServerError, ex.Kind);
        Assert.DoesNotContain(ex.Message, c => c is '\n' or '\r' or '<' or '>');
    }

    [Fact]
    public async Task LongHtmlErrorPage_IsCutTo200Characters()
    {
        var page = "<html><body><p>" + string.Join("\n", Enumerable.Repeat("upstream timed out while reading response header", 400)) + "</p></body></html>";
        using var api = Failing(HttpStatusCode.GatewayTimeout, page, "text/html");

        var ex = await GetConnectorFails(api);

        var message = ex.ApiError.Message!;
        Assert.True(message.Length <= 200, $"excerpt has {message.Length} chars");
        Assert.StartsWith("upstream timed out", message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, c => c is '\n' or '\r' or '<' or '>');
    }

    [Fact]
    public async Task ErrorBodyLargerThanTheReadLimit_StillGivesAShortExcerpt()
    {
        using var api = Failing(HttpStatusCode.InternalServerError, new string('x', 1_000_000), "text/plain");

        var ex = await GetConnectorFails(api);

        Assert.True(ex.ApiError.Message!.Length <= 200);
        Assert.True(ex.Message.Length < 600, $"message has {ex.Message.Length} chars");
    }

    [Fact]
    public async Task ErrorBodyThatBreaksWhileRead_StillMapsTheStatus()
    {
        using var api = ApiHarness.Create(new StubHandler((_, _) => Task.FromResult(Respond.WithBrokenBody(HttpStatusCode.Forbidden))), maxRetry: 0);

        var ex = await GetConnectorFails(api);

        Assert.Equal(PolyAiFailureKind.PermissionDenied, ex.Kind);
        Assert.Equal(403, ex.StatusCode);
        Assert.Null(ex.ApiError.Message);
    }

    [Fact]
    public async Task ExceptionMessage_NamesOperationStatusApiMessageCodeAndCorrelationId()
    {
        using var api = Failing(HttpStatusCode.NotFound,
            """{"success":false,"error":"Not Found","error_id":"corr-m-1","error_code":"CONNECTORS_NOT_FOUND","error_message":"Connector c1 was not found","data":null}""");

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.DeleteConnectorAsync("A", "c1", CancellationToken.None));

        Assert.Equal("Delete connector 'c1' of agent 'A'", ex.Operation);
        Assert.StartsWith("Delete connector 'c1' of agent 'A' failed: 404 Not Found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Connector c1 was not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CONNECTORS_NOT_FOUND", ex.Message, StringComparison.Ordinal);
        Assert.Contains("corr-m-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticationFailure_PointsAtTheKeyAndRegion()
    {
        using var api = Failing(HttpStatusCode.Unauthorized, """{"error":{"code":"AUTH_INVALID_KEY","message":"Invalid API key"}}""");

        var ex = await GetConnectorFails(api);

        Assert.Equal(PolyAiFailureKind.Authentication, ex.Kind);
        Assert.Contains("Invalid API key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("region", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task ExceptionMessage_NeverContainsTheKey(int status)
    {
        using var api = Failing((HttpStatusCode)status, """{"error_code":"X","error_message":"refused","error_id":"c"}""");

        var ex = await GetConnectorFails(api);

        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.ApiError.Message ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandlerHttpRequestException_IsAConnectionFailure_NamingTheHost()
    {
        var cause = new HttpRequestException("No such host is known. (api.test.invalid:443)", new System.Net.Sockets.SocketException(11001));
        using var api = ApiHarness.Create(StubHandler.Throwing(cause));

        var ex = await GetConnectorFails(api);

        Assert.Equal(PolyAiFailureKind.Connection, ex.Kind);
        Assert.Null(ex.StatusCode);
        Assert.Same(cause, ex.InnerException);
        Assert.Contains(GetOperation, ex.Message, StringComparison.Ordinal);
        Assert.Contains("https://api.test.invalid", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
    }
}
