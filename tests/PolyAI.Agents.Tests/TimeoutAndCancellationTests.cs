using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>
/// The session timeout (Kind Timeout) versus the caller's cancellation (OperationCanceledException).
/// The two real waits here are the 1 s minimum session timeout; everything else is cancellation-driven.
/// </summary>
public sealed class TimeoutAndCancellationTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task HandlerThatHangs_PastTheSessionTimeout_IsATimeoutNamingTheLimit()
    {
        using var api = ApiHarness.Create(StubHandler.Hanging(), timeoutSec: 1);
        var stopwatch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetConnectorAsync("A", "c1", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.Timeout, ex.Kind);
        Assert.Equal("Get connector 'c1' of agent 'A'", ex.Operation);
        Assert.Contains("1 s", ex.Message, StringComparison.Ordinal);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(900), Guard);
    }

    [Fact]
    public async Task HandlerThatHangs_WithNoRetries_IsStillATimeout_SentOnce()
    {
        // With MaxRetry 0 the session's retry pipeline is empty: the attempt timeout must not depend on it.
        using var api = ApiHarness.Create(StubHandler.Hanging(), timeoutSec: 1, maxRetry: 0);
        var stopwatch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetConnectorAsync("A", "c1", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.Timeout, ex.Kind);
        Assert.Single(api.Stub.Requests);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(900), Guard);
    }

    [Fact]
    public async Task SuccessBodyThatHangs_PastTheSessionTimeout_IsATimeout()
    {
        using var release = new CancellationTokenSource(Guard);
        using var api = ApiHarness.Create(new StubHandler((_, _) => Task.FromResult(Respond.WithHangingBody(HttpStatusCode.OK, release.Token))), timeoutSec: 1);

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetConnectorAsync("A", "c1", CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.Timeout, ex.Kind);
        Assert.False(release.IsCancellationRequested, "the client's own timeout, not the test guard, must end the read");
    }

    [Fact]
    public async Task StreamedList_ConsumedMoreSlowlyThanTheTimeout_IsNotATimeout()
    {
        // More than one 64 KB read, so a read happens after the slow consumer: only a stalled read may time out,
        // not the time the pipeline spends with what was read.
        var ids = new string[600];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = $"conn_{i:D4}";
        }

        using var api = ApiHarness.Create(StubHandler.Json(Samples.ConnectorList(ids)), timeoutSec: 1);
        var batches = 0;

        var count = await api.Client.ListConnectorsAsync("A", _ => { if (batches++ == 0) { Thread.Sleep(1300); } }, CancellationToken.None);

        Assert.Equal(ids.Length, count);
        Assert.True(batches > 1, "the body must take more than one read for this test to mean anything");
    }

    [Fact]
    public async Task CallerCancellation_WhileWaitingForHeaders_ThrowsOperationCanceled_NotTimeout()
    {
        using var caller = new CancellationTokenSource();
        using var api = ApiHarness.Create(
            new StubHandler(async (_, token) =>
            {
                caller.Cancel(); // the request has arrived; no headers will come
                await Task.Delay(Timeout.Infinite, token);
                throw new InvalidOperationException("unreachable");
            }),
            timeoutSec: 30);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Client.GetConnectorAsync("A", "c1", caller.Token));

        Assert.Single(api.Stub.Requests);
    }

    [Fact]
    public async Task CallerCancellation_WhileReadingTheBody_ThrowsOperationCanceled()
    {
        using var release = new CancellationTokenSource(Guard);
        using var caller = new CancellationTokenSource();
        using var api = ApiHarness.Create(new StubHandler((_, _) => Task.FromResult(Respond.WithHangingBody(HttpStatusCode.OK, release.Token, onRead: caller.Cancel))), timeoutSec: 30);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Client.ListConnectorsAsync("A", caller.Token));

        Assert.False(release.IsCancellationRequested);
    }

    [Fact]
    public async Task AlreadyCanceledToken_ThrowsOperationCanceled()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());
        using var caller = new CancellationTokenSource();
        caller.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Client.ListConnectorsAsync("A", caller.Token));
    }


    [Fact]
    public async Task ErrorBodyThatHangs_PastTheSessionTimeout_IsATimeout()
    {
        using var release = new CancellationTokenSource();
        using var api = ApiHarness.Create(new StubHandler((_, _) => Task.FromResult(Respond.WithHangingBody(HttpStatusCode.InternalServerError, release.Token))), timeoutSec: 1, maxRetry: 0);

        var call = api.Client.GetConnectorAsync("A", "c1", CancellationToken.None);
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(5)));
        release.Cancel();

        Assert.Same(call, finished);
        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => call);
        Assert.Equal(PolyAiFailureKind.Timeout, ex.Kind);
    }

    [Fact]
    public async Task ErrorBodyThatHangs_HonoursCallerCancellation()
    {
        using var release = new CancellationTokenSource();
        using var caller = new CancellationTokenSource();
        using var api = ApiHarness.Create(new StubHandler((_, _) => Task.FromResult(Respond.WithHangingBody(HttpStatusCode.BadGateway, release.Token, onRead: caller.Cancel))), timeoutSec: 30, maxRetry: 0);

        var call = api.Client.GetConnectorAsync("A", "c1", caller.Token);
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(5)));
        release.Cancel();

        Assert.Same(call, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
