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

/// <summary>Agents (A2-A4), branches (B1-B4), behavior rules (R1-R2) and the knowledge base (K1-K5): bodies as the
/// schema wants them, answers mapped, and what is refused before anything is sent.</summary>
public sealed class AuthoringTests
{
    private const string Agent = "A";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CreateAgent_SendsTheRequiredSettings_AndOnlyTheOptionalOnesGiven()
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.AgentNode()));

        await api.Client.CreateAgentAsync(new AgentDefinition("Front desk", "Hello, how can I help?", "voice-1"), None);
        await api.Client.CreateAgentAsync(new AgentDefinition("Front desk", "Hi", "voice-2") { AgentId = "FRONT-1", LanguageCode = "en-US", ModelId = "m-1" }, None);

        Assert.Equal("""{"name":"Front desk","responseSettings":{"greeting":"Hello, how can I help?"},"voiceSettings":{"voiceId":"voice-1"}}""", api.Stub.Requests[0].Body);
        Assert.Equal("""{"name":"Front desk","agentId":"FRONT-1","responseSettings":{"greeting":"Hi","languageCode":"en-US"},"voiceSettings":{"voiceId":"voice-2"},"llmSettings":{"modelId":"m-1"}}""", api.Stub.Requests[1].Body);
    }

    [Theory]
    [InlineData("", "Hi", "v", null)]
    [InlineData("Front desk", " ", "v", null)]
    [InlineData("Front desk", "Hi", "", null)]
    [InlineData("Front desk", "Hi", "v", "has space")]
    [InlineData("Front desk", "Hi", "v", "under_score")]
    public void CreateAgent_RefusesWhatTheSchemaRefuses_BeforeAnyRequest(string name, string greeting, string voice, string? agentId)
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.AgentNode()));

        Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.CreateAgentAsync(new AgentDefinition(name, greeting, voice) { AgentId = agentId }, None); });
        Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.CreateAgentAsync(new AgentDefinition(new string('x', 101), "Hi", "v"), None); });
        Assert.Empty(api.Stub.Requests);
    }

    [Fact]
    public async Task DuplicateAgent_SendsTheNewNameAndId()
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.AgentNode("PROJECT-COPY")));

        var copy = await api.Client.DuplicateAgentAsync(Agent, "Copy", "PROJECT-COPY", None);

        Assert.Equal("""{"newAgentName":"Copy","newAgentId":"PROJECT-COPY"}""", api.Stub.Single.Body);
        Assert.Equal("PROJECT-COPY", copy.AgentId);
    }

    [Fact]
    public async Task GetAgent_OfAnIdTheKeyCannotSee_IsAgentNotFound()
    {
        using var api = ApiHarness.Create(StubHandler.Json($"[{Samples.AgentNode()}]"));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetAgentAsync("PROJECT-NONE", None));

        Assert.Equal(PolyAiFailureKind.NotFound, ex.Kind);
        Assert.Equal("AgentNotFound", ex.ErrorName);
    }

    [Theory]
    [InlineData("""{"branches":[{"branchId":"b1","name":"fix","createdAt":"2026-11-30T10:00:00Z","createdBy":"ops@example.com"}]}""")]
    [InlineData("""[{"id":"b1","branchName":"fix","createdAt":"2026-11-30T10:00:00Z","createdBy":"ops@example.com"}]""")]
    public async Task ListBranches_ReadsTheNamedFields_AndKeepsTheRest(string body)
    {
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var branch = Assert.Single(await api.Client.ListBranchesAsync(Agent, None));

        Assert.Equal((Agent, "b1", "fix"), (branch.AgentId, branch.BranchId, branch.Name));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), branch.CreatedAt);
        Assert.Equal("ops@example.com", branch.AdditionalProperties["createdBy"]);
    }

    [Theory]
    [InlineData("""{"branches":[{"name":"no id"}]}""")]
    [InlineData("""{"items":[]}""")]
    [InlineData("\"main\"")]
    public async Task ListBranches_WithoutTheIds_IsAnInvalidResponse(string body)
    {
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.ListBranchesAsync(Agent, None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task CreateBranch_SendsBranchName_NotName_AndReturnsTheNewBranch()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.Created, """{"branchId":"b9","sequenceId":"s7"}"""));

        var branch = await api.Client.CreateBranchAsync(Agent, "fix hours", None);

        Assert.Equal("""{"branchName":"fix hours"}""", api.Stub.Single.Body);
        Assert.Equal(("b9", "fix hours", "s7"), (branch.BranchId, branch.Name, branch.SequenceId));
    }

    [Theory]
    [InlineData("main")]
    [InlineData("MAIN")]
    public void DeletingOrMergingMain_IsRefused_BeforeAnyRequest(string branchId)
    {
        using var api = ApiHarness.Create(StubHandler.Json("{}"));

        Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.DeleteBranchAsync(Agent, branchId, None); });
        Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.MergeBranchAsync(Agent, branchId, null, Array.Empty<ConflictResolution>(), None); });
        Assert.Empty(api.Stub.Requests);
    }

    [Fact]
    public async Task MergeBranch_SendsTheMessageAndTheResolutions_AndReadsTheResult()
    {
        using var api = ApiHarness.Create(StubHandler.Json("""{"sequence":"s3","message":"merged","testRunIds":["run-1","run-2"],"deploymentId":"d1"}"""));

        var merge = await api.Client.MergeBranchAsync(Agent, "b1", "Fix hours", new[]
        {
            new ConflictResolution(new[] { "behavior" }, "Ours"),
            new ConflictResolution(ConflictResolution.ParsePath("knowledgeBase/topics/t1/content"), "theirs"),
        }, None);

        Assert.Equal(
            """{"deploymentMessage":"Fix hours","conflictResolutions":[{"path":["behavior"],"strategy":"ours"},{"path":["knowledgeBase","topics","t1","content"],"strategy":"theirs"}]}""",
            api.Stub.Single.Body);
        Assert.Equal(("s3", "merged"), (merge.Sequence, merge.Message));
        Assert.Equal(new[] { "run-1", "run-2" }, merge.TestRunIds);
        Assert.Equal("d1", merge.AdditionalProperties["deploymentId"]);
    }

    [Fact]
    public async Task MergeBranch_WithNothingToSay_SendsAnEmptyObject()
    {
        using var api = ApiHarness.Create(StubHandler.Json(""));

        var merge = await api.Client.MergeBranchAsync(Agent, "b1", null, Array.Empty<ConflictResolution>(), None);

        Assert.Equal("{}", api.Stub.Single.Body);
        Assert.Empty(merge.TestRunIds);
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, """{"success":false,"error":"Conflict","error_id":"c1","error_code":"BRANCH_MERGE_CONFLICT","error_message":"main changed","data":{"conflicts":[{"path":["behavior"]},{"path":["knowledgeBase","topics","t1","content"]}]}}""")]
    [InlineData(HttpStatusCode.BadRequest, """{"message":"Merge conflicts","conflicts":[{"path":["behavior"]},{"path":"knowledgeBase/topics/t1/content"}]}""")]
    [InlineData(HttpStatusCode.Conflict, """{"conflicts":["behavior","knowledgeBase/topics/t1/content"]}""")]
    public async Task AMergeConflict_AsA409_OrA400ThatListsConflicts_IsBranchMergeConflict_ListingThePaths(HttpStatusCode status, string body)
    {
        using var api = ApiHarness.Create(StubHandler.Returning(status, body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.MergeBranchAsync(Agent, "b1", null, Array.Empty<ConflictResolution>(), None));

        Assert.Equal((PolyAiFailureKind.Conflict, "BranchMergeConflict"), (ex.Kind, ex.ErrorName));
        Assert.Equal(new[] { "behavior", "knowledgeBase/topics/t1/content" }, ex.ApiError.Conflicts);
        Assert.Contains("it conflicts on behavior, knowledgeBase/topics/t1/content", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A400WithoutConflicts_OnAMerge_IsAPlainInvalidArgument()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.BadRequest, """{"message":"Validation failed","errors":[{"field":"deploymentMessage","message":"too long"}]}"""));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.MergeBranchAsync(Agent, "b1", "x", Array.Empty<ConflictResolution>(), None));

        Assert.Equal("BranchInvalidArgument", ex.ErrorName);
    }

    [Theory]
    [InlineData("mine")]
    [InlineData("")]
    public void AResolution_WithAnUnknownStrategy_IsRefused(string strategy)
    {
        Assert.Throws<ArgumentException>(() => new ConflictResolution(new[] { "behavior" }, strategy));
        Assert.Throws<ArgumentException>(() => new ConflictResolution(Array.Empty<string>(), "ours"));
    }

    [Fact]
    public async Task UpdateBehavior_ReplacesTheWholeText_AndIsRetriedAfterA502_BecauseItIsSafeToRepeat()
    {
        var session = ApiHarness.Create(StubHandler.Json("{}"), maxRetry: 1).Session.WithRetryBaseDelay(TimeSpan.FromMilliseconds(1));
        using var api = ApiHarness.ForSession(
            TelephonySamples.Sequence(() => Respond.With(HttpStatusCode.BadGateway), () => Respond.With(HttpStatusCode.OK, """{"behavior":"Be brief."}""")),
            session);

        var rules = await api.Client.UpdateBehaviorAsync(Agent, "b1", "Be brief.", None);

        Assert.Equal(2, api.Stub.Requests.Count);
        Assert.All(api.Stub.Requests, r => Assert.Equal("""{"behavior":"Be brief."}""", r.Body));
        Assert.Equal(("b1", "Be brief."), (rules.BranchId, rules.Text));
    }

    [Fact]
    public void UpdateBehavior_RefusesEmptyRules()
    {
        using var api = ApiHarness.Create(StubHandler.Json("{}"));

        Assert.Throws<ArgumentException>(() => { _ = api.Client.UpdateBehaviorAsync(Agent, "b1", "", None); });
        Assert.Empty(api.Stub.Requests);
    }

    [Fact]
    public async Task ATopic_IsReadWithItsQueries_ActiveByDefault_AndTheRestKept()
    {
        var node = AuthoringSamples.TopicNode("t1");
        node.Remove("isActive");
        node["owner"] = "kb-team";
        using var api = ApiHarness.Create(StubHandler.Json(node.ToJsonString()));

        var topic = await api.Client.GetTopicAsync(Agent, "b1", "t1", None);

        Assert.Equal((Agent, "b1", "t1", "Opening hours", "We open at 9."), (topic.AgentId, topic.BranchId, topic.TopicId, topic.Name, topic.Content));
        Assert.Equal(new[] { "When do you open?" }, topic.ExampleQueries);
        Assert.True(topic.IsActive);
        Assert.Equal("kb-team", topic.AdditionalProperties["owner"]);
    }

    [Theory]
    [InlineData("""{"name":"no id"}""")]
    [InlineData("""{"id":"t1","isActive":"yes"}""")]
    [InlineData("""{"id":"t1","exampleQueries":{"queries":[1]}}""")]
    public async Task ATopic_WithoutItsIdOrWithAFieldOfTheWrongKind_IsAnInvalidResponse(string body)
    {
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetTopicAsync(Agent, "b1", "t1", None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal("KnowledgeTopic", ex.Resource);
    }

    [Fact]
    public async Task CreateTopic_SendsTheFieldsGiven_AndA409IsKnowledgeTopicAlreadyExists()
    {
        using var created = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.Created, AuthoringSamples.Topic("t9")));
        using var duplicate = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.Conflict, """{"error":{"code":"KNOWLEDGE_BASE_TOPIC_ALREADY_EXISTS","id":11001,"message":"exists"}}"""));
        var topic = new TopicFields { Name = "Parking", Content = "Free after 6.", ExampleQueries = new[] { "Can I park?" }, IsActive = false };

        var result = await created.Client.CreateTopicAsync(Agent, "b1", topic, None);
        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => duplicate.Client.CreateTopicAsync(Agent, "b1", topic, None));

        Assert.Equal("""{"name":"Parking","content":"Free after 6.","exampleQueries":{"queries":["Can I park?"]},"isActive":false}""", created.Stub.Single.Body);
        Assert.Equal("t9", result.TopicId);
        Assert.Equal("KnowledgeTopicAlreadyExists", ex.ErrorName);
    }

    [Fact]
    public async Task UpdateTopic_SendsOnlyTheGivenFields_AndTakesThe204()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.NoContent));

        await api.Client.UpdateTopicAsync(Agent, "b1", "t1", new TopicFields { Content = "", IsActive = false }, None);

        Assert.Equal("PATCH", api.Stub.Single.Method);
        Assert.Equal("""{"content":"","isActive":false}""", api.Stub.Single.Body);
    }

    [Fact]
    public void TopicFields_ThatTheSchemaRefuses_AreRefused_BeforeAnyRequest()
    {
        using var api = ApiHarness.Create(StubHandler.Json("{}"));

        Assert.Throws<ArgumentException>(() => { _ = api.Client.UpdateTopicAsync(Agent, "b1", "t1", new TopicFields(), None); });
        Assert.Throws<ArgumentException>(() => { _ = api.Client.UpdateTopicAsync(Agent, "b1", "t1", new TopicFields { Name = "" }, None); });
        Assert.Throws<ArgumentException>(() => { _ = api.Client.CreateTopicAsync(Agent, "b1", new TopicFields { Name = "x" }, None); });
        Assert.Throws<ArgumentException>(() => { _ = api.Client.CreateTopicAsync(Agent, "b1", new TopicFields { Name = "x", Content = "y", ExampleQueries = Enumerable.Repeat("q", 101).ToArray() }, None); });
        Assert.Empty(api.Stub.Requests);
    }

    [Fact]
    public async Task TheTopicsOfABranch_AreABareListOrAnObjectWithTopics()
    {
        using var bare = ApiHarness.Create(StubHandler.Json($"[{AuthoringSamples.Topic("t1")},{AuthoringSamples.Topic("t2")}]"));
        using var wrapped = ApiHarness.Create(StubHandler.Json($$"""{"topics":[{{AuthoringSamples.Topic("t3")}}]}"""));

        Assert.Equal(new[] { "t1", "t2" }, (await bare.Client.ListTopicsAsync(Agent, "b1", None)).Select(t => t.TopicId));
        Assert.Equal(new[] { "t3" }, (await wrapped.Client.ListTopicsAsync(Agent, "b1", None)).Select(t => t.TopicId));
    }
}
