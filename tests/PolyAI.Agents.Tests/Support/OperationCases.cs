using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;
using Xunit;

namespace PolyAI.Agents.Tests.Support;

/// <summary>Every call case of the client, one (or two, for the P1 filter) per row of the operation table.</summary>
public enum Operation
{
    ListAgents,
    CreateAgent,
    DeleteAgent,
    DuplicateAgent,
    ListBranches,
    CreateBranch,
    DeleteBranch,
    MergeBranch,
    GetBehavior,
    UpdateBehavior,
    ListTopics,
    CreateTopic,
    GetTopic,
    UpdateTopic,
    DeleteTopic,
    ListAttributes,
    CreateAttribute,
    UpdateAttribute,
    DeleteAttribute,
    ListVariants,
    CreateVariant,
    UpdateVariant,
    DeleteVariant,
    ListConfigPages,
    GetConfigPage,
    UpdateConfigSchema,
    UpdateConfigVariables,
    ListDeployments,
    GetActiveDeployments,
    PublishAgent,
    PromoteDeployment,
    RollbackDeployment,
    ListConnectors,
    GetConnectorsBatch,
    UpdateConnectorsBatch,
    LookupConnector,
    GetConnector,
    UpdateConnector,
    DeleteConnector,
    ListPhoneNumbers,
    ListPhoneNumbersOfConnector,
    ImportPhoneNumbers,
    DeletePhoneNumbers,
    GetPhoneNumbersBatch,
    GetPhoneNumber,
    ImportPhoneNumber,
    ReassignPhoneNumber,
    DeletePhoneNumber,
}

/// <summary>
/// The one test table: for each case, the row of the operation table it calls, how the client calls it (with
/// an id that is a connector id, or a phone number where <see cref="TakesANumber"/>), the query it adds, and a
/// documented 2xx body. The expected method, path and status come from the operation table itself, which the
/// contract tests hold to the published spec. <see cref="Stub"/> answers every case.
/// </summary>
internal sealed class OperationCase
{
    /// <summary>The number the phone-number cases use; <see cref="Stub"/> answers for it.</summary>
    public const string Number = "+442071234567";

    /// <summary>The branch the knowledge-base cases use (their id is the topic's).</summary>
    public const string Branch = "b1";

    private OperationCase(Operation name, ApiOperation operation, bool takesANumber, Func<PolyAiClient, string, string, CancellationToken, Task> invoke, Func<string> sampleBody, string? query = null, bool inBranch = false)
    {
        Name = name;
        ApiOperation = operation;
        TakesANumber = takesANumber;
        InvokeCore = invoke;
        SampleBody = sampleBody;
        Query = query;
        InBranch = inBranch;
    }

    /// <summary>True for the cases whose id is the third path value, after the agent and <see cref="Branch"/>.</summary>
    public bool InBranch { get; }

    public Operation Name { get; }

    public ApiOperation ApiOperation { get; }

    public bool TakesANumber { get; }

    /// <summary>The query the case adds, e.g. connectorId=c1; null for none.</summary>
    public string? Query { get; }

    public Func<string> SampleBody { get; }

    private Func<PolyAiClient, string, string, CancellationToken, Task> InvokeCore { get; }

    /// <summary>The id a case uses when a test does not choose one.</summary>
    public string DefaultId => TakesANumber ? Number : "c1";

    public Task Invoke(PolyAiClient client, string agentId, string? id = null, CancellationToken cancellationToken = default) =>
        InvokeCore(client, agentId, id ?? DefaultId, cancellationToken);

    /// <summary>The path and query the case must send, from the operation table's template.</summary>
    public string ExpectedPathAndQuery(string agentId, string id)
    {
        var values = (InBranch ? new[] { agentId, Branch, id } : new[] { agentId, id }).Take(ApiOperation.PathParameters.Count).ToArray();
        return ApiOperation.Path(values) + (Query is null ? "" : "?" + Query);
    }

    public override string ToString() => Name.ToString();

    public static IReadOnlyList<OperationCase> All { get; } = new[]
    {
        new OperationCase(Operation.ListAgents, ApiOperations.ListAgents, false, (c, _, _, ct) => c.ListAgentsAsync(ct), () => $"[{Samples.AgentNode()}]"),
        new OperationCase(Operation.CreateAgent, ApiOperations.CreateAgent, false, (c, _, _, ct) => c.CreateAgentAsync(new AgentDefinition("Front desk", "Hello", "voice-1"), ct), () => Samples.AgentNode()),
        new OperationCase(Operation.DeleteAgent, ApiOperations.DeleteAgent, false, (c, a, _, ct) => c.DeleteAgentAsync(a, ct), () => ""),
        new OperationCase(Operation.DuplicateAgent, ApiOperations.DuplicateAgent, false, (c, a, _, ct) => c.DuplicateAgentAsync(a, "Copy", null, ct), () => Samples.AgentNode()),
        new OperationCase(Operation.ListBranches, ApiOperations.ListBranches, false, (c, a, _, ct) => c.ListBranchesAsync(a, ct), () => AuthoringSamples.BranchList("b1")),
        new OperationCase(Operation.CreateBranch, ApiOperations.CreateBranch, false, (c, a, _, ct) => c.CreateBranchAsync(a, "fix", ct), () => """{"branchId":"b1","sequenceId":"s1"}"""),
        new OperationCase(Operation.DeleteBranch, ApiOperations.DeleteBranch, false, (c, a, id, ct) => c.DeleteBranchAsync(a, id, ct), () => """{"sequence":"s2","message":"deleted"}"""),
        new OperationCase(Operation.MergeBranch, ApiOperations.MergeBranch, false, (c, a, id, ct) => c.MergeBranchAsync(a, id, null, Array.Empty<ConflictResolution>(), ct), () => """{"sequence":"s3","message":"merged","testRunIds":["t1"]}"""),
        new OperationCase(Operation.GetBehavior, ApiOperations.GetBehavior, false, (c, a, id, ct) => c.GetBehaviorAsync(a, id, ct), () => """{"behavior":"Be kind."}"""),
        new OperationCase(Operation.UpdateBehavior, ApiOperations.UpdateBehavior, false, (c, a, id, ct) => c.UpdateBehaviorAsync(a, id, "Be brief.", ct), () => """{"behavior":"Be brief."}"""),
        new OperationCase(Operation.ListTopics, ApiOperations.ListTopics, false, (c, a, id, ct) => c.ListTopicsAsync(a, id, ct), () => $"[{AuthoringSamples.Topic("t1")}]"),
        new OperationCase(Operation.CreateTopic, ApiOperations.CreateTopic, false, (c, a, id, ct) => c.CreateTopicAsync(a, id, new TopicFields { Name = "Hours", Content = "9-5" }, ct), () => AuthoringSamples.Topic("t1")),
        new OperationCase(Operation.GetTopic, ApiOperations.GetTopic, false, (c, a, id, ct) => c.GetTopicAsync(a, Branch, id, ct), () => AuthoringSamples.Topic("t1"), inBranch: true),
        new OperationCase(Operation.UpdateTopic, ApiOperations.UpdateTopic, false, (c, a, id, ct) => c.UpdateTopicAsync(a, Branch, id, new TopicFields { Content = "9-6" }, ct), () => "", inBranch: true),
        new OperationCase(Operation.DeleteTopic, ApiOperations.DeleteTopic, false, (c, a, id, ct) => c.DeleteTopicAsync(a, Branch, id, ct), () => "", inBranch: true),
        new OperationCase(Operation.ListAttributes, ApiOperations.ListAttributes, false, (c, a, id, ct) => c.ListAttributesAsync(a, id, ct), () => $$"""{"attributes":[{{AuthoringSamples.Attribute}}]}"""),
        new OperationCase(Operation.CreateAttribute, ApiOperations.CreateAttribute, false, (c, a, id, ct) => c.CreateAttributeAsync(a, id, "site", ct), () => AuthoringSamples.Attribute),
        new OperationCase(Operation.UpdateAttribute, ApiOperations.UpdateAttribute, false, (c, a, id, ct) => c.RenameAttributeAsync(a, Branch, id, "location", ct), () => AuthoringSamples.Attribute, inBranch: true),
        new OperationCase(Operation.DeleteAttribute, ApiOperations.DeleteAttribute, false, (c, a, id, ct) => c.DeleteAttributeAsync(a, Branch, id, ct), () => """{"id":"attr-1"}""", inBranch: true),
        new OperationCase(Operation.ListVariants, ApiOperations.ListVariants, false, (c, a, id, ct) => c.ListVariantsAsync(a, id, ct), () => $$"""{"variants":[{{AuthoringSamples.Variant}}]}"""),
        new OperationCase(Operation.CreateVariant, ApiOperations.CreateVariant, false, (c, a, id, ct) => c.CreateVariantAsync(a, id, "London", new Dictionary<string, string> { ["site"] = "London" }, true, ct), () => AuthoringSamples.Variant),
        new OperationCase(Operation.UpdateVariant, ApiOperations.UpdateVariant, false, (c, a, id, ct) => c.UpdateVariantAsync(a, Branch, id, null, new Dictionary<string, string> { ["site"] = "Leeds" }, null, ct), () => AuthoringSamples.Variant, inBranch: true),
        new OperationCase(Operation.DeleteVariant, ApiOperations.DeleteVariant, false, (c, a, id, ct) => c.DeleteVariantAsync(a, Branch, id, ct), () => """{"id":"v1"}""", inBranch: true),
        new OperationCase(Operation.ListConfigPages, ApiOperations.ListConfigPages, false, (c, a, _, ct) => c.ListConfigPagesAsync(a, ct), () => $$"""{"configPages":[{{AuthoringSamples.ConfigPage}}]}"""),
        new OperationCase(Operation.GetConfigPage, ApiOperations.GetConfigPage, false, (c, a, id, ct) => c.GetConfigPageAsync(a, id, ct), () => AuthoringSamples.ConfigPage),
        new OperationCase(Operation.UpdateConfigSchema, ApiOperations.UpdateConfigSchema, false, (c, a, id, ct) => c.UpdateConfigSchemaAsync(a, id, AuthoringSamples.Json("""{"type":"object"}"""), ct), () => AuthoringSamples.ConfigPage),
        new OperationCase(Operation.UpdateConfigVariables, ApiOperations.UpdateConfigVariables, false, (c, a, id, ct) => c.UpdateConfigVariablesAsync(a, id, AuthoringSamples.Json("""{"openingHours":"08:00-20:00"}"""), ct), () => AuthoringSamples.ConfigPage),
        new OperationCase(Operation.ListDeployments, ApiOperations.ListDeployments, false, (c, a, _, ct) => c.ListDeploymentsAsync(a, "live", 5, ct), () => $$"""{"deployments":[{{AuthoringSamples.Deployment("d1", "live")}}]}""", "environment=live&limit=5"),
        new OperationCase(Operation.GetActiveDeployments, ApiOperations.GetActiveDeployments, false, (c, a, _, ct) => c.GetActiveDeploymentsAsync(a, ct), () => $$$"""{"activeDeployments":{"sandbox":{{{AuthoringSamples.Deployment("d1", "sandbox")}}},"pre-release":null}}"""),
        new OperationCase(Operation.PublishAgent, ApiOperations.PublishAgent, false, (c, a, _, ct) => c.PublishAsync(a, "sandbox", "Release", ct), () => $$"""{"deployment":{{AuthoringSamples.Deployment("d2", "sandbox")}},"testRunIds":["tr-1"]}"""),
        new OperationCase(Operation.PromoteDeployment, ApiOperations.PromoteDeployment, false, (c, a, id, ct) => c.PromoteAsync(a, id, "live", null, ct), () => $$"""{"deployment":{{AuthoringSamples.Deployment("d3", "live")}}}"""),
        new OperationCase(Operation.RollbackDeployment, ApiOperations.RollbackDeployment, false, (c, a, id, ct) => c.RollbackAsync(a, id, null, ct), () => $$"""{"deployment":{{AuthoringSamples.Deployment("d4", "live")}},"testRunIds":[]}"""),
        new OperationCase(Operation.ListConnectors, ApiOperations.ListConnectors, false, (c, a, _, ct) => c.ListConnectorsAsync(a, ct), () => Samples.ConnectorList("conn_abc123")),
        new OperationCase(Operation.GetConnectorsBatch, ApiOperations.GetConnectorsBatch, false, (c, a, id, ct) => c.GetConnectorsAsync(a, new[] { id }, ct), () => Samples.BatchFoundAndNotFound),
        new OperationCase(Operation.UpdateConnectorsBatch, ApiOperations.UpdateConnectorsBatch, false, (c, a, id, ct) => c.UpdateConnectorsAsync(a, new[] { new ConnectorUpdate(id) { VoiceName = "en-GB-Neural2-A" } }, ct), () => TelephonySamples.Results(TelephonySamples.Success("c1"))),
        new OperationCase(Operation.LookupConnector, ApiOperations.LookupConnector, true, (c, a, id, ct) => c.LookupConnectorAsync(a, id, ct), () => Samples.Connector()),
        new OperationCase(Operation.GetConnector, ApiOperations.GetConnector, false, (c, a, id, ct) => c.GetConnectorAsync(a, id, ct), () => Samples.Connector()),
        new OperationCase(Operation.UpdateConnector, ApiOperations.UpdateConnector, false, (c, a, id, ct) => c.UpdateConnectorAsync(a, new ConnectorUpdate(id) { VoiceName = "en-GB-Neural2-A" }, ct), () => Samples.Connector()),
        new OperationCase(Operation.DeleteConnector, ApiOperations.DeleteConnector, false, (c, a, id, ct) => c.DeleteConnectorAsync(a, id, ct), () => Samples.Deletion),
        new OperationCase(Operation.ListPhoneNumbers, ApiOperations.ListPhoneNumbers, false, (c, a, _, ct) => c.ListPhoneNumbersAsync(a, null, ct), () => Samples.PhoneNumberList(Number)),
        new OperationCase(Operation.ListPhoneNumbersOfConnector, ApiOperations.ListPhoneNumbers, false, (c, a, id, ct) => c.ListPhoneNumbersAsync(a, id, ct), () => Samples.PhoneNumberList(Number), "connectorId=c1"),
        new OperationCase(Operation.ImportPhoneNumbers, ApiOperations.ImportPhoneNumbers, true, (c, a, id, ct) => c.ImportPhoneNumbersAsync(a, new[] { id }, null, ct), () => $$"""{"imported":["{{Number}}"]}"""),
        new OperationCase(Operation.DeletePhoneNumbers, ApiOperations.DeletePhoneNumbers, true, (c, a, id, ct) => c.DeletePhoneNumbersAsync(a, new[] { id }, ct), () => $$"""{"deleted":["{{Number}}"]}"""),
        new OperationCase(Operation.GetPhoneNumbersBatch, ApiOperations.GetPhoneNumbersBatch, true, (c, a, id, ct) => c.GetPhoneNumbersAsync(a, new[] { id }, ct), () => $$"""{"found":[{{TelephonySamples.PhoneNumber(Number)}}],"notFound":[]}"""),
        new OperationCase(Operation.GetPhoneNumber, ApiOperations.GetPhoneNumber, true, (c, a, id, ct) => c.GetPhoneNumberAsync(a, id, ct), () => TelephonySamples.PhoneNumber(Number)),
        new OperationCase(Operation.ImportPhoneNumber, ApiOperations.ImportPhoneNumber, true, (c, a, id, ct) => c.ImportPhoneNumberAsync(a, id, null, ct), () => $$"""{"imported":"{{Number}}"}"""),
        new OperationCase(Operation.ReassignPhoneNumber, ApiOperations.ReassignPhoneNumber, true, (c, a, id, ct) => c.ReassignPhoneNumberAsync(a, id, "conn_abc123", ct), () => TelephonySamples.PhoneNumber(Number)),
        new OperationCase(Operation.DeletePhoneNumber, ApiOperations.DeletePhoneNumber, true, (c, a, id, ct) => c.DeletePhoneNumberAsync(a, id, ct), () => $$"""{"deleted":"{{Number}}"}"""),
    };

    public static OperationCase Of(Operation name) => All.Single(c => c.Name == name);

    public static TheoryData<Operation> Names => new(All.Select(c => c.Name));

    /// <summary>A stub that answers every case with its documented body and the table's success status, chosen
    /// by the operation the request's method and path address.</summary>
    public static StubHandler Stub() => new((request, _) =>
    {
        // The path from /v1 on: a base URI may add a prefix (a proxy).
        var segments = request.RequestUri!.AbsolutePath.Split('/').Select(Uri.UnescapeDataString).SkipWhile(s => s != "v1").ToList();
        var operation = ApiOperations.Find(request.Method.Method, segments, out string[] _)
            ?? throw new InvalidOperationException($"No operation of the table is {request.Method} {request.RequestUri}.");
        var answer = All.First(c => c.ApiOperation == operation);
        return Task.FromResult(Respond.With((HttpStatusCode)operation.SuccessStatus, answer.SampleBody()));
    });
}
