using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolyAI.Agents.Contract;

/// <summary>
/// The source-generated JSON contract of every DTO, as sent and read: camelCase, nulls left out (an explicit
/// null is a <see cref="JsonElement"/> of kind Null), and '+' written as '+' (the default encoder writes \u002B,
/// which is the same JSON value but not what the API documents).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<AgentDto?>), TypeInfoPropertyName = "ListAgentDto")]
[JsonSerializable(typeof(AgentDto))]
[JsonSerializable(typeof(CreateAgentBody))]
[JsonSerializable(typeof(DuplicateAgentBody))]
[JsonSerializable(typeof(CreateBranchBody))]
[JsonSerializable(typeof(MergeBranchBody))]
[JsonSerializable(typeof(AgentRulesResponse))]
[JsonSerializable(typeof(UpdateAgentRulesBody))]
[JsonSerializable(typeof(CreateKnowledgeBaseTopicBody))]
[JsonSerializable(typeof(UpdateKnowledgeBaseTopicBody))]
[JsonSerializable(typeof(GetAttributesResponse))]
[JsonSerializable(typeof(AttributeDto))]
[JsonSerializable(typeof(AttributeNameBody))]
[JsonSerializable(typeof(GetVariantsResponse))]
[JsonSerializable(typeof(VariantDto))]
[JsonSerializable(typeof(CreateVariantBody))]
[JsonSerializable(typeof(UpdateVariantBody))]
[JsonSerializable(typeof(GetConfigPagesResponse))]
[JsonSerializable(typeof(ConfigPageDto))]
[JsonSerializable(typeof(UpdateConfigSchemaBody))]
[JsonSerializable(typeof(UpdateConfigVariablesBody))]
[JsonSerializable(typeof(GetDeploymentsResponse))]
[JsonSerializable(typeof(ActiveDeploymentsResponse))]
[JsonSerializable(typeof(MutationDeploymentResponse))]
[JsonSerializable(typeof(PublishDeploymentBody))]
[JsonSerializable(typeof(PromoteDeploymentBody))]
[JsonSerializable(typeof(RollbackDeploymentBody))]
[JsonSerializable(typeof(ConnectorDto))]
[JsonSerializable(typeof(GetConnectorsResponse))]
[JsonSerializable(typeof(BatchGetConnectorsBody))]
[JsonSerializable(typeof(BatchGetConnectorsResponse))]
[JsonSerializable(typeof(LookupConnectorBody))]
[JsonSerializable(typeof(DeleteConnectorResponse))]
[JsonSerializable(typeof(UpdateConnectorBody))]
[JsonSerializable(typeof(BatchUpdateConnectorsBody))]
[JsonSerializable(typeof(BatchUpdateConnectorsResponse))]
[JsonSerializable(typeof(PhoneNumberDto))]
[JsonSerializable(typeof(GetPhoneNumbersResponse))]
[JsonSerializable(typeof(ImportPhoneNumbersBody))]
[JsonSerializable(typeof(ImportPhoneNumbersResponse))]
[JsonSerializable(typeof(ImportPhoneNumberBody))]
[JsonSerializable(typeof(ImportPhoneNumberResponse))]
[JsonSerializable(typeof(DeletePhoneNumbersBody))]
[JsonSerializable(typeof(DeletePhoneNumbersResponse))]
[JsonSerializable(typeof(DeletePhoneNumberResponse))]
[JsonSerializable(typeof(BatchGetPhoneNumbersBody))]
[JsonSerializable(typeof(BatchGetPhoneNumbersResponse))]
[JsonSerializable(typeof(ReassignPhoneNumberBody))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
    public static ApiJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
