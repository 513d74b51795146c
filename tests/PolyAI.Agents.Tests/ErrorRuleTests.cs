using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>What an error answer means: the documented API code over the status, the operation's own rule for a
/// status, the resource the error names, and the stable error name.</summary>
public sealed class ErrorRuleTests
{
    private static ApiOperation<NoBody, ConnectorDto> Row(ResourceKind resource, Dictionary<int, StatusRule>? rules = null) =>
        new("T1", "GET", "/v1/agents/{agentId}/test", 200, ResponseKind.Documented, RetryClass.SafeToRepeat, resource, null, w => w.ConnectorDto)
        {
            StatusRules = rules ?? new Dictionary<int, StatusRule>(),
        };

    private static async Task<PolyAiApiException> Fails(ApiOperation<NoBody, ConnectorDto> row, HttpStatusCode status, string body)
    {
        using var api = ApiHarness.Create(StubHandler.Returning(status, body));
        return await Assert.ThrowsAsync<PolyAiApiException>(() =>
            api.Client.Request(row, "Do the test", "A").SendAsync(dto => dto, CancellationToken.None));
    }

    private static string Envelope(string code) =>
        $$"""{"success":false,"error":"x","error_id":"corr-1","error_code":"{{code}}","error_message":"the API says no","data":null}""";

    public static TheoryData<int, string, PolyAiFailureKind, string> DocumentedCodes => new()
    {
        { 409, "KNOWLEDGE_BASE_TOPIC_ALREADY_EXISTS", PolyAiFailureKind.AlreadyExists, "KnowledgeTopicAlreadyExists" },
        { 409, "VARIANTS_DUPLICATE_NAME_ERROR", PolyAiFailureKind.AlreadyExists, "VariantAlreadyExists" },
        { 400, "VARIANTS_REMOVE_DEFAULT_ERROR", PolyAiFailureKind.InvalidOperation, "DefaultVariantNotRemovable" },
        { 400, "REAL_TIME_CONFIG_INVALID_FOR_SCHEMA", PolyAiFailureKind.InvalidArgument, "RealTimeConfigValueInvalid" },
        { 400, "REAL_TIME_CONFIG_INVALID_SCHEMA", PolyAiFailureKind.InvalidArgument, "RealTimeConfigSchemaInvalid" },
        { 400, "REAL_TIME_CONFIG_UNKNOWN_CLIENT_ENVIRONMENT", PolyAiFailureKind.InvalidArgument, "RealTimeConfigUnknownEnvironment" },
        { 403, "REAL_TIME_CONFIG_FORBIDDEN_ACCESS", PolyAiFailureKind.PermissionDenied, "RealTimeConfigAccessDenied" },
        { 404, "DEPLOYMENT_NOT_FOUND", PolyAiFailureKind.NotFound, "DeploymentNotFound" },
        { 400, "DEPLOYMENTS_VALIDATION_FAILED", PolyAiFailureKind.InvalidArgument, "DeploymentInvalidArgument" },
        { 400, "DEPLOYMENTS_INVALID_ENVIRONMENT", PolyAiFailureKind.InvalidArgument, "DeploymentInvalidEnvironment" },
        { 409, "DEPLOYMENTS_ALREADY_PUBLISHED", PolyAiFailureKind.AlreadyExists, "DeploymentAlreadyPublished" },
        { 412, "ErrPreReleaseNotReady", PolyAiFailureKind.PreconditionFailed, "DeploymentPreReleaseNotReady" },
        { 404, "PROJECT_NOT_FOUND", PolyAiFailureKind.NotFound, "AgentNotFound" },
        { 404, "PHONE_NUMBERS_CONNECTOR_DOES_NOT_EXIST", PolyAiFailureKind.NotFound, "ConnectorNotFound" },
        { 409, "PHONE_NUMBERS_ALREADY_EXISTS", PolyAiFailureKind.AlreadyExists, "PhoneNumberAlreadyExists" },
    };

    [Theory]
    [MemberData(nameof(DocumentedCodes))]
    public async Task ADocumentedCode_DecidesTheKindAndTheName(int status, string code, PolyAiFailureKind kind, string name)
    {
        var ex = await Fails(Row(ResourceKind.Connector), (HttpStatusCode)status, Envelope(code));

        Assert.Equal((kind, name), (ex.Kind, ex.ErrorName));
        Assert.Equal(code, ex.ApiError.Code);
    }

    [Fact]
    public async Task ACode_KnownOnlyByItsNumericId_InTheNestedShape_IsFoundToo()
    {
        var ex = await Fails(Row(ResourceKind.Connector), HttpStatusCode.BadRequest, """{"error":{"id":26003,"message":"default"}}""");

        Assert.Equal(PolyAiFailureKind.InvalidOperation, ex.Kind);
        Assert.Equal("DefaultVariantNotRemovable", ex.ErrorName);
        Assert.Equal("Variant", ex.Resource);
    }

    [Theory]
    [InlineData(401, PolyAiFailureKind.Authentication, "PolyAiAuthenticationFailed")]
    [InlineData(429, PolyAiFailureKind.RateLimited, "PolyAiRateLimited")]
    [InlineData(503, PolyAiFailureKind.ServerError, "PolyAiServerError")]
    public async Task TheKeyThrottlingAndServerFailures_KeepTheirMeaning_WhateverTheCode(int status, PolyAiFailureKind kind, string name)
    {
        var ex = await Fails(Row(ResourceKind.Connector), (HttpStatusCode)status, Envelope("VARIANTS_DUPLICATE_NAME_ERROR"));

        Assert.Equal((kind, name), (ex.Kind, ex.ErrorName));
    }

    [Fact]
    public async Task AnAuthenticationCode_OnA403_IsNotAnAuthenticationFailure()
    {
        var ex = await Fails(Row(ResourceKind.Connector), HttpStatusCode.Forbidden, Envelope("AUTH_USER_INVALID_TOKEN"));

        Assert.Equal(PolyAiFailureKind.PermissionDenied, ex.Kind);
    }

    [Fact]
    public async Task TheOperationsRuleForAStatus_WinsOverTheStatus_ButNotOverADocumentedCode()
    {
        var row = Row(ResourceKind.Branch, new Dictionary<int, StatusRule> { [409] = new(PolyAiFailureKind.Conflict, "BranchMergeConflict") });

        var unknownCode = await Fails(row, HttpStatusCode.Conflict, Envelope("BRANCHES_DIVERGED"));
        var documented = await Fails(row, HttpStatusCode.Conflict, Envelope("DEPLOYMENTS_ALREADY_PUBLISHED"));

        Assert.Equal((PolyAiFailureKind.Conflict, "BranchMergeConflict"), (unknownCode.Kind, unknownCode.ErrorName));
        Assert.Equal("DeploymentAlreadyPublished", documented.ErrorName);
    }

    [Theory]
    [InlineData(409, "ConnectorAlreadyExists")]
    [InlineData(412, "ConnectorPreconditionFailed")]
    [InlineData(404, "ConnectorNotFound")]
    [InlineData(403, "ConnectorAccessDenied")]
    [InlineData(422, "ConnectorInvalidArgument")]
    [InlineData(405, "PolyAiRequestRejected")]
    public async Task WithoutACode_TheStatusAndTheOperationsResource_NameTheError(int status, string name)
    {
        var ex = await Fails(Row(ResourceKind.Connector), (HttpStatusCode)status, "{}");

        Assert.Equal(name, ex.ErrorName);
        Assert.Equal("Connector", ex.Resource);
    }

    [Theory]
    [InlineData("PHONE_NUMBERS_CONNECTOR_DOES_NOT_EXIST", "Connector")]
    [InlineData("PHONE_NUMBERS_SOMETHING_NEW", "PhoneNumber")]
    [InlineData("KNOWLEDGE_BASE_SOMETHING_NEW", "KnowledgeTopic")]
    [InlineData("REAL_TIME_CONFIG_SOMETHING_NEW", "RealTimeConfig")]
    [InlineData("DEPLOYMENT_SOMETHING_NEW", "Deployment")]
    [InlineData("AGENT_NOT_FOUND", "Agent")]
    public void TheResourceOfACode_IsItsLongestMatchingPrefix(string code, string resource)
    {
        Assert.Equal(resource, ResourceKind.OfCode(code)!.Name);
    }

    [Fact]
    public void EveryResourceName_IsUnique_AndEveryCodePrefixBelongsToOneResource()
    {
        Assert.Equal(ResourceKind.All.Count, new HashSet<string>(System.Linq.Enumerable.Select(ResourceKind.All, r => r.Name)).Count);
        var prefixes = System.Linq.Enumerable.ToList(System.Linq.Enumerable.SelectMany(ResourceKind.All, r => r.CodePrefixes));
        Assert.Equal(prefixes.Count, new HashSet<string>(prefixes).Count);
    }

    [Fact]
    public void EveryDocumentedCode_IsListedOnce_ByCodeAndById()
    {
        var codes = new HashSet<string>();
        var ids = new HashSet<int>();
        foreach (var code in ApiErrorCodes.All)
        {
            Assert.True(codes.Add(code.Code), code.Code);
            Assert.True(code.Id is null || ids.Add(code.Id.Value), code.Code);
            Assert.Same(code, ApiErrorCodes.Find(code.Code, null));
        }
    }
}
