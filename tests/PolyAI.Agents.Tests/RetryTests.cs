using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Http;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>The retry rules of the resilience pipeline, run through the real HTTP pipeline with a scripted stub.</summary>
public sealed class RetryTests
{
    /// <summary>Answers with the scripted outcomes in turn, then repeats the last one.</summary>
    private static StubHandler Scripted(params Func<HttpResponseMessage>[] outcomes)
    {
        var queue = new ConcurrentQueue<Func<HttpResponseMessage>>(outcomes);
        var last = outcomes[outcomes.Length - 1];
        return new StubHandler((_, _) => Task.FromResult((queue.TryDequeue(out var next) ? next : last)()));
    }

    private static Func<HttpResponseMessage> Status(HttpStatusCode status, params (string, string)[] headers) =>
        () => Respond.With(status, status == HttpStatusCode.OK ? Samples.Connector() : "{}", headers: headers);

    private static Func<HttpResponseMessage> Deleted() => () => Respond.With(HttpStatusCode.OK, Samples.Deletion);

    private static Func<HttpResponseMessage> Throws(Exception exception) => () => throw exception;

    private static HttpRequestException Refused() =>
        new("Connection refused", new SocketException((int)SocketError.ConnectionRefused));

    private static HttpRequestException Broken() =>
        new("The response ended prematurely.", new System.IO.IOException("reset by peer"));

    private static ApiHarness Harness(StubHandler stub, int maxRetry = 3, int timeoutSec = 30)
    {
        var session = ApiHarness.Create(stub, timeoutSec, maxRetry).Session.WithRetryBaseDelay(TimeSpan.FromMilliseconds(1));
        return ApiHarness.ForSession(stub, session);
    }

    /// <summary>A test-only row of the operation table: the retry class decides, whatever the method.</summary>
    private static ApiOperation<LookupConnectorBody, ConnectorDto> Row(string method, RetryClass retry) =>
        new("T1", method, "/v1/agents/{agentId}/telephony/connectors/lookup", 200, ResponseKind.Documented, retry, ResourceKind.Connector,
            w => w.LookupConnectorBody, w => w.ConnectorDto);

    private static Task<Connector> Send(ApiHarness api, string method, RetryClass retry) =>
        api.Client.Request(Row(method, retry), "Test operation", "A")
            .WithBody(new LookupConnectorBody { PhoneNumber = "+15550100001" })
            .SendAsync(dto => PolyAiClient.Map("A", dto), CancellationToken.None);

    private static Task<Connector> Post(ApiHarness api) => Send(api, "POST", RetryClass.NotSafeToRepeat);

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Get_IsRetriedThroughTransientStatuses_AndEachRetryIsTraced(HttpStatusCode status)
    {
        using var api = Harness(Scripted(Status(status), Status(status), Status(HttpStatusCode.OK)));

        var connector = await api.Client.GetConnectorAsync("A", "conn_abc123", CancellationToken.None);

        Assert.Equal("conn_abc123", connector.ConnectorId);
        Assert.Equal(3, api.Stub.Requests.Count);
        Assert.Contains(api.Trace.VerboseMessages, m => m.StartsWith("Retry 1 of 3", StringComparison.Ordinal) && m.Contains(((int)status).ToString(CultureInfo.InvariantCulture)));
        Assert.Contains(api.Trace.VerboseMessages, m => m.StartsWith("Retry 2 of 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_IsRetriedAfterABrokenConnection_AndAfterARefusedOne()
    {
        using var api = Harness(Scripted(Throws(Broken()), Throws(Refused()), Status(HttpStatusCode.OK)));

        await api.Client.GetConnectorAsync("A", "conn_abc123", CancellationToken.None);

        Assert.Equal(3, api.Stub.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task NonTransientStatuses_AreNotRetried(HttpStatusCode status)
    {
        using var api = Harness(Scripted(Status(status), Status(HttpStatusCode.OK)));

        await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetConnectorAsync("A", "c", CancellationToken.None));

        Assert.Single(api.Stub.Requests);
    }

    [Fact]
    public async Task GivingUp_ReportsTheKindAndTheNumberOfAttempts()
    {
        using var api = Harness(Scripted(Status(HttpStatusCode.ServiceUnavailable)), maxRetry: 2);

        var failure = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetConnectorAsync("A", "c", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.ServerError, failure.Kind);
        Assert.Equal(3, failure.Attempts);
        Assert.Contains("after 3 attempts", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, api.Stub.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task RequestsNotSafeToRepeat_ThatMayHaveBeenApplied_AreNotRepeated_WhateverTheMethod(HttpStatusCode status)
    {
        foreach (var method in new[] { "POST", "PATCH", "GET" })
        {
            using var api = Harness(Scripted(Status(status), Status(HttpStatusCode.OK)));

            var failure = await Assert.ThrowsAsync<PolyAiApiException>(() => Send(api, method, RetryClass.NotSafeToRepeat));

            Assert.Equal(PolyAiFailureKind.ServerError, failure.Kind);
            Assert.Single(api.Stub.Requests);
        }
    }

    [Fact]
    public async Task Post_IsRetriedWhenTheServerDidNothing_429OrARefusedConnection()
    {
        using var api = Harness(Scripted(Status(HttpStatusCode.TooManyRequests), Throws(Refused()), Status(HttpStatusCode.OK)));

        await Post(api);

        Assert.Equal(3, api.Stub.Requests.Count);
    }

    [Fact]
    public async Task Post_AfterABrokenConnection_IsNotRepeated()
    {
        using var api = Harness(Scripted(Throws(Broken()), Status(HttpStatusCode.OK)));

        var failure = await Assert.ThrowsAsync<PolyAiApiException>(() => Post(api));

        Assert.Equal(PolyAiFailureKind.Connection, failure.Kind);
        Assert.Single(api.Stub.Requests);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task RequestsSafeToRepeat_AreRetriedLikeAGet_WhateverTheMethod(string method)
    {
        using var api = Harness(Scripted(Status(HttpStatusCode.BadGateway), Status(HttpStatusCode.OK)));

        await Send(api, method, RetryClass.SafeToRepeat);

        Assert.Equal(2, api.Stub.Requests.Count);
    }

    [Fact]
    public async Task TheReadOnlyPostsOfTheTable_AreRetriedAfterA502()
    {
        using var lookup = Harness(Scripted(Status(HttpStatusCode.BadGateway), Status(HttpStatusCode.OK)));

        await lookup.Client.LookupConnectorAsync("A", "+15550100001", CancellationToken.None);

        Assert.Equal(2, lookup.Stub.Requests.Count);
        Assert.Equal(RetryClass.SafeToRepeat, ApiOperations.GetConnectorsBatch.Retry);
        Assert.Equal(RetryClass.SafeToRepeat, ApiOperations.GetPhoneNumbersBatch.Retry);
    }

    [Fact]
    public async Task RetryAfter_InSeconds_IsHonoured()
    {
        using var api = Harness(Scripted(Status(HttpStatusCode.TooManyRequests, ("Retry-After", "1")), Status(HttpStatusCode.OK)));
        var started = System.Diagnostics.Stopwatch.StartNew();

        await api.Client.GetConnectorAsync("A", "c", CancellationToken.None);

        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(950), "the retry waited for Retry-After");
        Assert.Contains(api.Trace.VerboseMessages, m => m.StartsWith("Retry 1 of 3 in 1.0 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetryAfter_AsAnHttpDate_IsHonoured()
    {
        var date = DateTimeOffset.UtcNow.AddSeconds(-5).ToString("r", CultureInfo.InvariantCulture);
        using var api = Harness(Scripted(Status(HttpStatusCode.TooManyRequests, ("Retry-After", date)), Status(HttpStatusCode.OK)));

        await api.Client.GetConnectorAsync("A", "c", CancellationToken.None);

        Assert.Equal(2, api.Stub.Requests.Count);
        Assert.Contains(api.Trace.VerboseMessages, m => m.StartsWith("Retry 1 of 3 in 0.0 s", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(30, 28, 30)]
    [InlineData(-5, 0, 0)]
    public void RetryAfter_AnHttpDate_IsTheTimeUntilThatDate(int secondsAhead, int atLeast, int atMost)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", DateTimeOffset.UtcNow.AddSeconds(secondsAhead).ToString("r", CultureInfo.InvariantCulture));

        var wait = Http.RetryPolicy.RetryAfter(response);

        Assert.NotNull(wait);
        Assert.InRange(wait!.Value.TotalSeconds, atLeast, atMost);
    }

    [Fact]
    public async Task RetryAfter_BeyondTheCap_IsNotWaitedFor_AndTheWaitIsReported()
    {
        using var api = Harness(Scripted(Status(HttpStatusCode.TooManyRequests, ("Retry-After", "3600")), Status(HttpStatusCode.OK)));

        var failure = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetConnectorAsync("A", "c", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.RateLimited, failure.Kind);
        Assert.Contains("asked to wait 3600 s", failure.Message, StringComparison.Ordinal);
        Assert.Single(api.Stub.Requests);
    }

    [Fact]
    public async Task MaxRetryZero_SendsOnce()
    {
        using var api = Harness(Scripted(Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.OK)), maxRetry: 0);

        await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetConnectorAsync("A", "c", CancellationToken.None));

        Assert.Single(api.Stub.Requests);
    }

    [Theory]
    [InlineData("broken")]
    [InlineData("502")]
    [InlineData("504")]
    public async Task Delete_RetriedAfterALostResponse_ThatFindsNothing_IsRemovalUnconfirmed(string firstAttempt)
    {
        var first = firstAttempt switch
        {
            "broken" => Throws(Broken()),
            "502" => Status(HttpStatusCode.BadGateway),
            _ => Status(HttpStatusCode.GatewayTimeout),
        };
        using var api = Harness(Scripted(first, Status(HttpStatusCode.NotFound)));

        var failure = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.DeleteConnectorAsync("A", "c", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.RemovalUnconfirmed, failure.Kind);
        Assert.Equal(2, failure.Attempts);
        Assert.Contains("most likely removed", failure.Message, StringComparison.Ordinal);
    }

    private static Func<HttpResponseMessage> NotFound(string code) =>
        () => Respond.With(HttpStatusCode.NotFound, $$"""{"error_code":"{{code}}","id":14100,"message":"not here"}""");

    [Fact]
    public async Task Delete_RetriedAfterALostResponse_NamesOnlyTheLostAttempts_AndKeepsWhatThe404Said()
    {
        using var api = Harness(Scripted(Status(HttpStatusCode.BadGateway), NotFound("CONNECTORS_NOT_FOUND")));

        var failure = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.DeleteConnectorAsync("A", "c", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.RemovalUnconfirmed, failure.Kind);
        Assert.Contains("was lost (502 Bad Gateway), and the retry", failure.Message, StringComparison.Ordinal);
        Assert.Equal("CONNECTORS_NOT_FOUND", failure.ApiError.Code);
    }

    [Fact]
    public async Task Delete_RetriedAfterALostResponse_IntoA404ForSomethingElse_IsPlainNotFound()
    {
        using var api = Harness(Scripted(Status(HttpStatusCode.BadGateway), NotFound("AGENT_NOT_FOUND")));

        var failure = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.DeleteConnectorAsync("A", "c", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.NotFound, failure.Kind);
        Assert.Equal("AGENT_NOT_FOUND", failure.ApiError.Code);
    }

    [Fact]
    public async Task BulkDelete_RetriedAfterALostResponse_IntoA404_IsPlainNotFound()
    {
        // P3 reports numbers it does not find inside a 200; a 404 of the request itself is about the agent or route.
        using var api = Harness(Scripted(Status(HttpStatusCode.BadGateway), NotFound("PHONE_NUMBERS_NOT_FOUND")));

        var failure = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.DeletePhoneNumbersAsync("A", new[] { "+15550100001" }, CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.NotFound, failure.Kind);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Delete_RetriedAfterTheServerSaidItDidNothing_ThatFindsNothing_IsPlainNotFound(HttpStatusCode first)
    {
        using var api = Harness(Scripted(Status(first), Status(HttpStatusCode.NotFound)));

        var failure = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.DeleteConnectorAsync("A", "c", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.NotFound, failure.Kind);
    }

    [Fact]
    public async Task Delete_RetriedThrough503_ReturnsTheRemoval()
    {
        using var api = Harness(Scripted(Status(HttpStatusCode.ServiceUnavailable), Deleted()));

        var removal = await api.Client.DeleteConnectorAsync("A", "c", CancellationToken.None);

        Assert.NotEmpty(removal.DeletedPhoneNumbers);
        Assert.Equal(2, api.Stub.Requests.Count);
    }

    [Fact]
    public async Task EachAttempt_HasItsOwnTimeout_AndAHungAttemptIsRetried()
    {
        var attempts = 0;
        var stub = new StubHandler(async (_, token) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return Respond.With(HttpStatusCode.OK, Samples.Connector());
        });
        using var api = Harness(stub, timeoutSec: 1);

        var connector = await api.Client.GetConnectorAsync("A", "conn_abc123", CancellationToken.None);

        Assert.Equal("conn_abc123", connector.ConnectorId);
        Assert.Equal(2, api.Stub.Requests.Count);
        Assert.Contains(api.Trace.VerboseMessages, m => m.Contains("after a timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallerCancellation_DuringABackoff_EndsAtOnce_AndSendsNothingMore()
    {
        using var caller = new CancellationTokenSource();
        var stub = new StubHandler((_, _) =>
        {
            caller.CancelAfter(50);
            return Task.FromResult(Respond.With(HttpStatusCode.TooManyRequests, "{}", headers: ("Retry-After", "30")));
        });
        using var api = Harness(stub);
        var started = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Client.GetConnectorAsync("A", "c", caller.Token));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), "cancellation does not wait for the 30 s Retry-After");
        Assert.Single(api.Stub.Requests);
    }

    [Fact]
    public void ThePrimaryHandler_FollowsNoRedirect_KeepsNoCookies_AndRenewsConnectionsForDnsChanges()
    {
        // A followed redirect would carry the x-api-key header to whatever host the Location names.
        using var handler = Assert.IsType<SocketsHttpHandler>(PolyAiHttp.CreatePrimaryHandler());

        Assert.Equal(TimeSpan.FromMinutes(5), handler.PooledConnectionLifetime);
        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseCookies);
        Assert.Equal(DecompressionMethods.GZip | DecompressionMethods.Deflate, handler.AutomaticDecompression);
    }

    [Fact]
    public async Task ARequestWithoutItsPolicy_IsRefused_NotSentWithoutRetriesAndTimeouts()
    {
        var stub = StubHandler.Json(Samples.Connector());
        using var http = PolyAiHttp.CreateClient(PolyAiHttp.Pipeline(stub));

        await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync(ApiHarness.TestBaseUri));

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void Classify_TellsWhatASafeRetryMayAssume()
    {
        var refused = Http.RetryPolicy.Classify(Polly.Outcome.FromException<HttpResponseMessage>(Refused()))!;
        var broken = Http.RetryPolicy.Classify(Polly.Outcome.FromException<HttpResponseMessage>(Broken()))!;
        var ok = Http.RetryPolicy.Classify(Polly.Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));

        Assert.True(refused.NothingWasDone);
        Assert.False(refused.MayHaveApplied);
        Assert.True(broken.MayHaveApplied);
        Assert.Null(ok);
        Assert.Equal(new[] { true, true, true, true }, new[] { 429, 502, 503, 504 }.Select(s => Http.RetryPolicy.Classify(Polly.Outcome.FromResult(new HttpResponseMessage((HttpStatusCode)s)))!.Transient));
    }
}
