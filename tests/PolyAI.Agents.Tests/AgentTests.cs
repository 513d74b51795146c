using System;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>A1 GET /v1/agents: a bare JSON array of agents.</summary>
public sealed class AgentTests
{
    [Fact]
    public async Task ListAgents_GetsTheAgentsRoute_AndMapsEveryField()
    {
        using var api = ApiHarness.Create(StubHandler.Json($"[{Samples.AgentNode()},{Samples.AgentNode("PROJECT-OTHER")}]"));

        var agents = await api.Client.ListAgentsAsync(CancellationToken.None);

        var sent = api.Stub.Single;
        Assert.Equal(("GET", "/v1/agents"), (sent.Method, sent.AbsolutePath));
        Assert.Equal(new[] { Samples.AgentId, "PROJECT-OTHER" }, new[] { agents[0].AgentId, agents[1].AgentId });
        var first = agents[0];
        Assert.Equal(("ws-fd112d8f", "Front desk", 2), (first.AccountId, first.AgentName, first.BranchCount));
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), first.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero), first.UpdatedAt);
    }

    [Theory]
    [InlineData("""{"agents":[]}""")]
    [InlineData("""[{"accountId":"ws","agentName":"x","createdAt":"2026-01-05T10:00:00Z","updatedAt":"2026-01-05T10:00:00Z","branchCount":1}]""")]
    [InlineData("""[{"accountId":"ws","agentId":null,"agentName":"x","createdAt":"2026-01-05T10:00:00Z","updatedAt":"2026-01-05T10:00:00Z","branchCount":1}]""")]
    [InlineData("""[null]""")]
    [InlineData("""[{"accountId":"ws","agentId":"P","agentName":"x","createdAt":"yesterday","updatedAt":"2026-01-05T10:00:00Z","branchCount":1}]""")]
    public async Task ListAgents_NotAnArrayOfWholeAgents_IsInvalidResponse(string body)
    {
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.ListAgentsAsync(CancellationToken.None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
    }
}
