using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using PolyAI.Agents.Client;
using static PolyAI.Agents.Contract.ResponseKind;
using static PolyAI.Agents.Contract.RetryClass;

namespace PolyAI.Agents.Contract;

/// <summary>
/// The operation table: every operation of the PolyAI Agents API 1.0.3 the module calls, one row each, ids as
/// in the API notes. The spec test (ContractTests) holds each row and its DTOs to the published OpenAPI file
/// and reports how many of its operations the table covers.
/// </summary>
internal static class ApiOperations
{
    private const string Agent = "/v1/agents/{agentId}";
    private const string Branches = Agent + "/branches";
    private const string Branch = Branches + "/{branchId}";
    private const string Topics = Branch + "/knowledge-base/topics";
    private const string Attributes = Branch + "/attributes";
    private const string Variants = Branch + "/variants";
    private const string ConfigPages = Agent + "/real-time-configs";
    private const string Deployments = Agent + "/deployments";
    private const string Connectors = Agent + "/telephony/connectors";
    private const string PhoneNumbers = Agent + "/telephony/phone-numbers";


    // Columns: id, method, path template, success status, response kind, retry class, the resource its errors
    // name, request body contract, response body contract, query parameters. The contracts are read from the
    // source-generated context on first use of the row (w => w.X): making them all when the table is first touched
    // cost a fresh process's first request about a hundred milliseconds.

    // ---- Agents -------------------------------------------------------------------------------------------------

    public static readonly ApiOperation<NoBody, List<AgentDto>> ListAgents = new("A1", "GET", "/v1/agents", 200, Documented, SafeToRepeat, ResourceKind.Agent, null, w => w.ListAgentDto);
    public static readonly ApiOperation<CreateAgentBody, AgentDto> CreateAgent = new("A2", "POST", "/v1/agents", 200, Documented, NotSafeToRepeat, ResourceKind.Agent, w => w.CreateAgentBody, w => w.AgentDto);
    public static readonly ApiOperation<NoBody, NoContent> DeleteAgent = new("A3", "DELETE", Agent, 204, ResponseKind.NoContent, SafeToRepeat, ResourceKind.Agent, null, null);
    public static readonly ApiOperation<DuplicateAgentBody, AgentDto> DuplicateAgent = new("A4", "POST", Agent + "/duplicate", 200, Documented, NotSafeToRepeat, ResourceKind.Agent, w => w.DuplicateAgentBody, w => w.AgentDto);

    // ---- Branches -----------------------------------------------------------------------------------------------

    public static readonly ApiOperation<NoBody, JsonElement> ListBranches = new("B1", "GET", Branches, 200, Undocumented, SafeToRepeat, ResourceKind.Branch, null, w => w.JsonElement);
    public static readonly ApiOperation<CreateBranchBody, JsonElement> CreateBranch = new("B2", "POST", Branches, 201, Undocumented, NotSafeToRepeat, ResourceKind.Branch, w => w.CreateBranchBody, w => w.JsonElement);
    public static readonly ApiOperation<NoBody, JsonElement> DeleteBranch = new("B3", "DELETE", Branch, 200, Undocumented, SafeToRepeat, ResourceKind.Branch, null, w => w.JsonElement);

    /// <summary>A conflict is a 409 (the API introduction) or a 400 that lists the conflicts (later specs): both are
    /// BranchMergeConflict (see FailureRules).</summary>
    public static readonly ApiOperation<MergeBranchBody, JsonElement> MergeBranch = new("B4", "POST", Branch + "/merge", 200, Undocumented, NotSafeToRepeat, ResourceKind.Branch, w => w.MergeBranchBody, w => w.JsonElement)
    {
        StatusRules = new Dictionary<int, StatusRule> { [409] = new(PolyAiFailureKind.Conflict, "BranchMergeConflict") },
    };

    // ---- Behavior rules -----------------------------------------------------------------------------------------

    public static readonly ApiOperation<NoBody, AgentRulesResponse> GetBehavior = new("R1", "GET", Branch + "/behavior", 200, Documented, SafeToRepeat, ResourceKind.Behavior, null, w => w.AgentRulesResponse);

    /// <summary>Replaces the whole text: sending it twice leaves the same rules, so it is safe to repeat.</summary>
    public static readonly ApiOperation<UpdateAgentRulesBody, AgentRulesResponse> UpdateBehavior = new("R2", "PATCH", Branch + "/behavior", 200, Documented, SafeToRepeat, ResourceKind.Behavior, w => w.UpdateAgentRulesBody, w => w.AgentRulesResponse);

    // ---- Knowledge base -----------------------------------------------------------------------------------------

    public static readonly ApiOperation<NoBody, JsonElement> ListTopics = new("K1", "GET", Topics, 200, Undocumented, SafeToRepeat, ResourceKind.KnowledgeTopic, null, w => w.JsonElement);
    public static readonly ApiOperation<CreateKnowledgeBaseTopicBody, JsonElement> CreateTopic = new("K2", "POST", Topics, 201, Undocumented, NotSafeToRepeat, ResourceKind.KnowledgeTopic, w => w.CreateKnowledgeBaseTopicBody, w => w.JsonElement);
    public static readonly ApiOperation<NoBody, JsonElement> GetTopic = new("K3", "GET", Topics + "/{topicId}", 200, Undocumented, SafeToRepeat, ResourceKind.KnowledgeTopic, null, w => w.JsonElement);

    /// <summary>Sets the given fields to the given values: safe to repeat.</summary>
    public static readonly ApiOperation<UpdateKnowledgeBaseTopicBody, NoContent> UpdateTopic = new("K4", "PATCH", Topics + "/{topicId}", 204, ResponseKind.NoContent, SafeToRepeat, ResourceKind.KnowledgeTopic, w => w.UpdateKnowledgeBaseTopicBody, null);
    public static readonly ApiOperation<NoBody, NoContent> DeleteTopic = new("K5", "DELETE", Topics + "/{topicId}", 204, ResponseKind.NoContent, SafeToRepeat, ResourceKind.KnowledgeTopic, null, null);

    // ---- Attributes and variants --------------------------------------------------------------------------------

    public static readonly ApiOperation<NoBody, GetAttributesResponse> ListAttributes = new("V1", "GET", Attributes, 200, Documented, SafeToRepeat, ResourceKind.Attribute, null, w => w.GetAttributesResponse);
    public static readonly ApiOperation<AttributeNameBody, AttributeDto> CreateAttribute = new("V2", "POST", Attributes, 201, Documented, NotSafeToRepeat, ResourceKind.Attribute, w => w.AttributeNameBody, w => w.AttributeDto);
    public static readonly ApiOperation<AttributeNameBody, AttributeDto> UpdateAttribute = new("V3", "PATCH", Attributes + "/{attributeId}", 200, Documented, SafeToRepeat, ResourceKind.Attribute, w => w.AttributeNameBody, w => w.AttributeDto);
    public static readonly ApiOperation<NoBody, JsonElement> DeleteAttribute = new("V4", "DELETE", Attributes + "/{attributeId}", 200, Undocumented, SafeToRepeat, ResourceKind.Attribute, null, w => w.JsonElement);
    public static readonly ApiOperation<NoBody, GetVariantsResponse> ListVariants = new("V5", "GET", Variants, 200, Documented, SafeToRepeat, ResourceKind.Variant, null, w => w.GetVariantsResponse);
    public static readonly ApiOperation<CreateVariantBody, VariantDto> CreateVariant = new("V6", "POST", Variants, 201, Documented, NotSafeToRepeat, ResourceKind.Variant, w => w.CreateVariantBody, w => w.VariantDto);

    /// <summary>Sets the given fields to the given values: safe to repeat.</summary>
    public static readonly ApiOperation<UpdateVariantBody, VariantDto> UpdateVariant = new("V7", "PATCH", Variants + "/{variantId}", 200, Documented, SafeToRepeat, ResourceKind.Variant, w => w.UpdateVariantBody, w => w.VariantDto);
    public static readonly ApiOperation<NoBody, JsonElement> DeleteVariant = new("V8", "DELETE", Variants + "/{variantId}", 200, Undocumented, SafeToRepeat, ResourceKind.Variant, null, w => w.JsonElement);

    // ---- Real-time configs --------------------------------------------------------------------------------------

    public static readonly ApiOperation<NoBody, GetConfigPagesResponse> ListConfigPages = new("T1", "GET", ConfigPages, 200, Documented, SafeToRepeat, ResourceKind.RealTimeConfig, null, w => w.GetConfigPagesResponse);
    public static readonly ApiOperation<NoBody, ConfigPageDto> GetConfigPage = new("T2", "GET", ConfigPages + "/{clientEnv}", 200, Documented, SafeToRepeat, ResourceKind.RealTimeConfig, null, w => w.ConfigPageDto);
    public static readonly ApiOperation<UpdateConfigSchemaBody, ConfigPageDto> UpdateConfigSchema = new("T3", "PUT", ConfigPages + "/{clientEnv}/schema", 200, Documented, SafeToRepeat, ResourceKind.RealTimeConfig, w => w.UpdateConfigSchemaBody, w => w.ConfigPageDto);

    /// <summary>A shallow merge of the given values: sending it twice leaves the same page, so it is safe to repeat.</summary>
    public static readonly ApiOperation<UpdateConfigVariablesBody, ConfigPageDto> UpdateConfigVariables = new("T4", "PATCH", ConfigPages + "/{clientEnv}/variables", 200, Documented, SafeToRepeat, ResourceKind.RealTimeConfig, w => w.UpdateConfigVariablesBody, w => w.ConfigPageDto);

    // ---- Deployments --------------------------------------------------------------------------------------------

    public static readonly ApiOperation<NoBody, GetDeploymentsResponse> ListDeployments = new("D1", "GET", Deployments, 200, Documented, SafeToRepeat, ResourceKind.Deployment, null, w => w.GetDeploymentsResponse, "environment", "limit");
    public static readonly ApiOperation<NoBody, ActiveDeploymentsResponse> GetActiveDeployments = new("D2", "GET", Deployments + "/active", 200, Documented, SafeToRepeat, ResourceKind.Deployment, null, w => w.ActiveDeploymentsResponse);
    public static readonly ApiOperation<PublishDeploymentBody, MutationDeploymentResponse> PublishAgent = new("D3", "POST", Deployments + "/publish", 201, Documented, NotSafeToRepeat, ResourceKind.Deployment, w => w.PublishDeploymentBody, w => w.MutationDeploymentResponse);

    /// <summary>A 400 of a promote whose code names nothing else is a target that is not a later stage (the quickstart).</summary>
    public static readonly ApiOperation<PromoteDeploymentBody, MutationDeploymentResponse> PromoteDeployment = new("D4", "POST", Deployments + "/{deploymentId}/promote", 201, Documented, NotSafeToRepeat, ResourceKind.Deployment, w => w.PromoteDeploymentBody, w => w.MutationDeploymentResponse)
    {
        StatusRules = new Dictionary<int, StatusRule> { [400] = new(PolyAiFailureKind.InvalidArgument, "DeploymentTargetNotLater") },
    };

    public static readonly ApiOperation<RollbackDeploymentBody, MutationDeploymentResponse> RollbackDeployment = new("D5", "POST", Deployments + "/{deploymentId}/rollback", 201, Documented, NotSafeToRepeat, ResourceKind.Deployment, w => w.RollbackDeploymentBody, w => w.MutationDeploymentResponse);

    // ---- Connectors ---------------------------------------------------------------------------------------------

    public static readonly ApiOperation<NoBody, GetConnectorsResponse> ListConnectors = new("C1", "GET", Connectors, 200, Documented, SafeToRepeat, ResourceKind.Agent, null, w => w.GetConnectorsResponse);
    public static readonly ApiOperation<BatchGetConnectorsBody, BatchGetConnectorsResponse> GetConnectorsBatch = new("C2", "POST", Connectors + "/batch", 200, Documented, SafeToRepeat, ResourceKind.Connector, w => w.BatchGetConnectorsBody, w => w.BatchGetConnectorsResponse);
    public static readonly ApiOperation<BatchUpdateConnectorsBody, BatchUpdateConnectorsResponse> UpdateConnectorsBatch = new("C3", "PATCH", Connectors + "/batch", 200, Documented, NotSafeToRepeat, ResourceKind.Connector, w => w.BatchUpdateConnectorsBody, w => w.BatchUpdateConnectorsResponse);
    public static readonly ApiOperation<LookupConnectorBody, ConnectorDto> LookupConnector = new("C4", "POST", Connectors + "/lookup", 200, Documented, SafeToRepeat, ResourceKind.PhoneNumber, w => w.LookupConnectorBody, w => w.ConnectorDto);
    public static readonly ApiOperation<NoBody, ConnectorDto> GetConnector = new("C5", "GET", Connectors + "/{connectorId}", 200, Documented, SafeToRepeat, ResourceKind.Connector, null, w => w.ConnectorDto);
    public static readonly ApiOperation<UpdateConnectorBody, ConnectorDto> UpdateConnector = new("C6", "PATCH", Connectors + "/{connectorId}", 200, Documented, NotSafeToRepeat, ResourceKind.Connector, w => w.UpdateConnectorBody, w => w.ConnectorDto);
    public static readonly ApiOperation<NoBody, DeleteConnectorResponse> DeleteConnector = new("C7", "DELETE", Connectors + "/{connectorId}", 200, Documented, SafeToRepeat, ResourceKind.Connector, null, w => w.DeleteConnectorResponse);

    // ---- Phone numbers ------------------------------------------------------------------------------------------

    public static readonly ApiOperation<NoBody, GetPhoneNumbersResponse> ListPhoneNumbers = new("P1", "GET", PhoneNumbers, 200, Documented, SafeToRepeat, ResourceKind.Agent, null, w => w.GetPhoneNumbersResponse, "connectorId");
    public static readonly ApiOperation<ImportPhoneNumbersBody, ImportPhoneNumbersResponse> ImportPhoneNumbers = new("P2", "POST", PhoneNumbers, 201, Documented, NotSafeToRepeat, ResourceKind.PhoneNumber, w => w.ImportPhoneNumbersBody, w => w.ImportPhoneNumbersResponse);
    public static readonly ApiOperation<DeletePhoneNumbersBody, DeletePhoneNumbersResponse> DeletePhoneNumbers = new("P3", "DELETE", PhoneNumbers, 200, Documented, SafeToRepeat, ResourceKind.PhoneNumber, w => w.DeletePhoneNumbersBody, w => w.DeletePhoneNumbersResponse);
    public static readonly ApiOperation<BatchGetPhoneNumbersBody, BatchGetPhoneNumbersResponse> GetPhoneNumbersBatch = new("P4", "POST", PhoneNumbers + "/batch", 200, Documented, SafeToRepeat, ResourceKind.PhoneNumber, w => w.BatchGetPhoneNumbersBody, w => w.BatchGetPhoneNumbersResponse);
    public static readonly ApiOperation<NoBody, PhoneNumberDto> GetPhoneNumber = new("P5", "GET", PhoneNumbers + "/{phoneNumber}", 200, Documented, SafeToRepeat, ResourceKind.PhoneNumber, null, w => w.PhoneNumberDto);
    public static readonly ApiOperation<ImportPhoneNumberBody, ImportPhoneNumberResponse> ImportPhoneNumber = new("P6", "POST", PhoneNumbers + "/{phoneNumber}", 201, Documented, NotSafeToRepeat, ResourceKind.PhoneNumber, w => w.ImportPhoneNumberBody, w => w.ImportPhoneNumberResponse);
    public static readonly ApiOperation<ReassignPhoneNumberBody, PhoneNumberDto> ReassignPhoneNumber = new("P7", "PATCH", PhoneNumbers + "/{phoneNumber}", 200, Documented, NotSafeToRepeat, ResourceKind.PhoneNumber, w => w.ReassignPhoneNumberBody, w => w.PhoneNumberDto);
    public static readonly ApiOperation<NoBody, DeletePhoneNumberResponse> DeletePhoneNumber = new("P8", "DELETE", PhoneNumbers + "/{phoneNumber}", 200, Documented, SafeToRepeat, ResourceKind.PhoneNumber, null, w => w.DeletePhoneNumberResponse);

    /// <summary>Every row above, in the order written.</summary>
    public static IReadOnlyList<ApiOperation> All { get; } = typeof(ApiOperations)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => typeof(ApiOperation).IsAssignableFrom(field.FieldType))
        .Select(field => (ApiOperation)field.GetValue(null)!)
        .ToArray();

    /// <summary>The operation a method and the decoded segments of a path address, with its path values; null
    /// when none does. The most specific template wins whatever the method, so .../connectors/batch is never the
    /// connector "batch", not even for a method only the connector route has.</summary>
    public static ApiOperation? Find(string method, IReadOnlyList<string> segments, out string[] values)
    {
        var operation = OnPath(segments).FirstOrDefault(o => string.Equals(o.Method.Method, method, StringComparison.OrdinalIgnoreCase));
        values = Array.Empty<string>();
        operation?.TryMatch(segments, out values);
        return operation;
    }

    /// <summary>The operations whose most specific template matches the path, whatever their method.</summary>
    public static IReadOnlyList<ApiOperation> OnPath(IReadOnlyList<string> segments)
    {
        var matching = All.Where(operation => operation.TryMatch(segments, out _)).ToList();
        if (matching.Count == 0)
        {
            return matching;
        }

        var specificity = matching.Max(operation => operation.Specificity);
        return matching.Where(operation => operation.Specificity == specificity).ToList();
    }
}
