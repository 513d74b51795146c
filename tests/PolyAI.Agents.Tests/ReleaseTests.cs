using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>Deployments: the release plan a What-if shows (and the rules it refuses early), and the escape hatch.</summary>
public sealed class ReleaseTests
{
    private static string Active(string? sandbox, string? preRelease, string? live) =>
        $$$"""{"activeDeployments":{"sandbox":{{{sandbox ?? "null"}}},"pre-release":{{{preRelease ?? "null"}}},"live":{{{live ?? "null"}}}}}""";

    private static ApiHarness Answering(string activeBody, params string[] listBodies)
    {
        var lists = new ConcurrentQueue<string>(listBodies);
        return ApiHarness.Create(new StubHandler((request, _) => Task.FromResult(
            request.RequestUri!.AbsolutePath.EndsWith("/active", StringComparison.Ordinal)
                ? Respond.With(HttpStatusCode.OK, activeBody)
                : Respond.With(HttpStatusCode.OK, lists.TryDequeue(out var list) ? list : """{"deployments":[]}"""))));
    }

    private static Deployment Deployment(string id, string environment, string version) =>
        PolyAiClient.Map(JsonSerializer.Deserialize(AuthoringSamples.Deployment(id, environment, version), ApiJsonContext.Default.DeploymentDto), null);

    [Fact]
    public async Task APromotion_NamesTheVersionItPromotes_AndTheOneTheTargetRunsNow()
    {
        using var api = Answering(Active(AuthoringSamples.Deployment("d-sbx", "sandbox", "bbbbbbb"), AuthoringSamples.Deployment("d-pre", "pre-release", "aaaaaaa"), null));

        var plan = await ReleasePlan.ForPromoteAsync(api.Client, "PROJECT-1", "d-sbx", Deployment("d-sbx", "sandbox", "bbbbbbb"), null, CancellationToken.None);

        Assert.Null(plan.Refusal);
        Assert.Equal("pre-release", plan.Environment);
        Assert.Equal("Promote deployment d-sbx (version bbbbbbb (d-sbx, by ops@example.com, 2026-11-20 11:00Z)) of agent 'PROJECT-1' to pre-release, which runs version aaaaaaa since 2026-11-20 11:00Z (d-pre, by ops@example.com).", plan.Text);
    }

    [Fact]
    public async Task APromotionToLive_OfAVersionPreReleaseDoesNotRun_IsRefusedAsTheApiWould()
    {
        using var api = Answering(Active(AuthoringSamples.Deployment("d-sbx", "sandbox", "bbbbbbb"), AuthoringSamples.Deployment("d-pre", "pre-release", "aaaaaaa"), null));

        var plan = await ReleasePlan.ForPromoteAsync(api.Client, "PROJECT-1", "d-sbx", Deployment("d-sbx", "sandbox", "bbbbbbb"), "live", CancellationToken.None);

        Assert.Equal(PolyAiFailureKind.PreconditionFailed, plan.Refusal!.Kind);
        Assert.Equal("DeploymentPreReleaseNotReady", plan.Refusal.ErrorName);
        Assert.Contains("promote it to pre-release first", plan.Refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("live", null)]
    [InlineData("pre-release", "sandbox")]
    [InlineData("pre-release", "pre-release")]
    public async Task APromotionToAStageThatIsNotLater_IsRefused(string from, string? to)
    {
        using var api = Answering(Active(null, null, null));

        var plan = await ReleasePlan.ForPromoteAsync(api.Client, "PROJECT-1", "d1", Deployment("d1", from, "aaaaaaa"), to, CancellationToken.None);

        Assert.Equal("DeploymentTargetNotLater", plan.Refusal!.ErrorName);
        Assert.Equal(PolyAiFailureKind.InvalidArgument, plan.Refusal.Kind);
    }

    [Fact]
    public async Task APromotionOfAVersionTheTargetRuns_IsAlreadyPublished()
    {
        using var api = Answering(Active(null, AuthoringSamples.Deployment("d-pre", "pre-release", "aaaaaaa"), AuthoringSamples.Deployment("d-live", "live", "aaaaaaa")));

        var plan = await ReleasePlan.ForPromoteAsync(api.Client, "PROJECT-1", "d-pre", Deployment("d-pre", "pre-release", "aaaaaaa"), null, CancellationToken.None);

        Assert.Equal("DeploymentAlreadyPublished", plan.Refusal!.ErrorName);
    }

    [Fact]
    public async Task ARollback_FindsTheDeploymentById_AndSaysFromWhichVersionToWhich()
    {
        using var api = Answering(
            Active(null, null, AuthoringSamples.Deployment("d-new", "live", "bbbbbbb", "2026-11-30T08:00:00Z")),
            """{"deployments":[]}""", """{"deployments":[]}""", $$"""{"deployments":[{{AuthoringSamples.Deployment("d-old", "live", "aaaaaaa")}}]}""");

        var plan = await ReleasePlan.ForRollbackAsync(api.Client, "PROJECT-1", "d-old", null, CancellationToken.None);

        Assert.Equal("Roll live of agent 'PROJECT-1' back from version bbbbbbb (since 2026-11-30 08:00Z, d-new) to version aaaaaaa (d-old, by ops@example.com, 2026-11-20 11:00Z).", plan.Text);
    }

    [Fact]
    public async Task ADeploymentNoEnvironmentHas_IsNotFound()
    {
        using var api = Answering(Active(null, null, null));

        var error = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.FindDeploymentAsync("PROJECT-1", "d-none", CancellationToken.None));

        Assert.Equal("DeploymentNotFound", error.ErrorName);
    }

    [Fact]
    public async Task PublishingWhatTheEnvironmentRuns_IsUnchanged_NotAFailure()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.OK, """{"success":true,"error_code":"DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED","error_id":"6002","error_message":"Environment 'sandbox' already runs version aaaaaaa."}"""));

        var error = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.PublishAsync("PROJECT-1", "sandbox", null, CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.Unchanged, error.Kind);
        Assert.Equal("DeploymentAlreadyRunning", error.ErrorName);
    }

    [Fact]
    public void Stages_FollowReleaseOrder()
    {
        Assert.Equal(new[] { "pre-release", "live", null }, new[] { "sandbox", "pre-release", "live" }.Select(Environments.Next));
        Assert.True(Environments.IsLater("live", "sandbox"));
        Assert.False(Environments.IsLater("sandbox", "pre-release"));
    }
}

/// <summary>Invoke-PolyAiRequest's core: what it refuses before sending, and how the table decides its retries.</summary>
public sealed class RawRequestTests
{
    [Theory]
    [InlineData("https://evil.example/v1/agents")]
    [InlineData("//evil.example/v1/agents")]
    [InlineData("\\\\evil\\v1")]
    [InlineData("/v2/agents")]
    [InlineData("/agents")]
    [InlineData("/v1/agents/../../admin")]
    [InlineData("/v1/agents/%2E%2E/x")]
    [InlineData("/v1/agents//x")]
    [InlineData("/v1/agents?limit=1")]
    public void APathThatIsNotOneOfTheApi_IsRefused(string path)
    {
        Assert.Throws<ArgumentException>(() => RawRequest.Create("GET", path, null, null));
    }

    [Fact]
    public void APathOfTheTable_IsItsOperation_WithItsRetryClass()
    {
        var request = RawRequest.Create("post", "v1/agents/PROJECT-1/deployments/publish", null, null);

        Assert.True(request.InTable);
        Assert.Same(ApiOperations.PublishAgent, request.Operation);
        Assert.Equal("POST /v1/agents/PROJECT-1/deployments/publish (D3)", request.ToString());
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void APathOutsideTheTable_IsRepeatedOnlyForMethodsThatMayBe(string method, bool repeated)
    {
        Assert.Equal(repeated, RawRequest.Create(method, "/v1/accounts/ws-1/voice-library", null, null).Operation.Retry == RetryClass.SafeToRepeat);
    }

    [Fact]
    public void SegmentsAreEscaped_AndTheQueryIsBuiltFromItsValues()
    {
        var request = RawRequest.Create("GET", "/v1/agents/PROJECT 1/deployments", new Dictionary<string, object?> { ["environment"] = "live", ["limit"] = 5, ["tag"] = new[] { "a b", "c" }, ["none"] = null, ["all"] = true }, null);

        Assert.Equal("/v1/agents/PROJECT%201/deployments", request.Path);
        Assert.Equal("?environment=live&limit=5&tag=a%20b&tag=c&all=true", request.Query);
    }

    [Fact]
    public async Task ARequest_GoesToTheSessionsHostWithTheKey_AndAGetOutsideTheTableIsRetried()
    {
        var attempts = 0;
        var stub = new StubHandler((_, _) => Task.FromResult(++attempts == 1 ? Respond.With(HttpStatusCode.ServiceUnavailable, "{}") : Respond.With(HttpStatusCode.OK, """{"voices":[]}""")));
        using var api = ApiHarness.ForSession(stub, ApiHarness.Create(stub, maxRetry: 2).Session.WithRetryBaseDelay(TimeSpan.FromMilliseconds(1)));

        var response = await api.Client.InvokeAsync(RawRequest.Create("GET", "/v1/accounts/ws-1/voice-library", null, null), CancellationToken.None);

        Assert.Equal("""{"voices":[]}""", response.Text);
        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Equal("https://api.test.invalid/v1/accounts/ws-1/voice-library", r.AbsoluteUri));
        Assert.Equal(ApiHarness.ApiKey, stub.Requests[0].Header(PolyAiClient.ApiKeyHeader));
        Assert.DoesNotContain(api.Trace.Messages, line => line.Contains(ApiHarness.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task APostOutsideTheTable_IsNotRetried_AndItsErrorIsNamedByTheApisCodeOrElseAsARequest()
    {
        var stub = StubHandler.Returning(HttpStatusCode.ServiceUnavailable, "{}");
        using var api = ApiHarness.ForSession(stub, ApiHarness.Create(stub, maxRetry: 2).Session.WithRetryBaseDelay(TimeSpan.FromMilliseconds(1)));

        await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.InvokeAsync(RawRequest.Create("POST", "/v1/agents/PROJECT-1/telephony/outbound-calls", null, null), CancellationToken.None));
        Assert.Single(stub.Requests);

        using var missing = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.NotFound, "{}"));
        var error = await Assert.ThrowsAsync<PolyAiApiException>(() => missing.Client.InvokeAsync(RawRequest.Create("GET", "/v1/accounts/ws-1/voice-library/v9", null, null), CancellationToken.None));
        Assert.Equal("PolyAiRequestNotFound", error.ErrorName);
    }
}
