using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolyAI.Agents.Json;

// Wire shapes of the PolyAI Agents API 1.0.3 (telephony). Required members follow the published
// schema: a 2xx body that lacks one is an invalid response, never a half-filled object.
// Unknown extra members are ignored (the API may add fields).

internal sealed class ConnectorDto
{
    [JsonRequired] public string? ConnectorId { get; set; }
    [JsonRequired] public string? Name { get; set; }
    [JsonRequired] public string? AccountId { get; set; }
    [JsonRequired] public string? ProjectId { get; set; }
    [JsonRequired] public string? ClientEnv { get; set; }
    [JsonRequired] public string? VariantId { get; set; }
    [JsonRequired] public string? AsrLangCode { get; set; }
    [JsonRequired] public string? TtsLangCode { get; set; }
    [JsonRequired] public string? VoiceName { get; set; }
    [JsonRequired] public bool DisableHandoff { get; set; }
}

internal sealed class GetConnectorsResponse
{
    [JsonRequired] public List<ConnectorDto?>? Connectors { get; set; }
}

internal sealed class BatchGetConnectorsBody
{
    public List<string> ConnectorIds { get; set; } = new();
}

internal sealed class BatchGetConnectorsResponse
{
    [JsonRequired] public List<ConnectorDto?>? Found { get; set; }
    [JsonRequired] public List<string?>? NotFound { get; set; }
}

internal sealed class LookupConnectorBody
{
    public string PhoneNumber { get; set; } = "";
}

internal sealed class DeleteConnectorResponse
{
    [JsonRequired] public string? DeletedConnector { get; set; }
    [JsonRequired] public List<string?>? DeletedPhoneNumbers { get; set; }
}

internal sealed class PhoneNumberDto
{
    [JsonRequired] public string? Number { get; set; }
    [JsonRequired] public string? ProjectId { get; set; }
    [JsonRequired] public string? AccountId { get; set; }
    [JsonRequired] public string? ClientEnv { get; set; }
    public string? ConnectorId { get; set; }
}

internal sealed class GetPhoneNumbersResponse
{
    [JsonRequired] public List<PhoneNumberDto?>? PhoneNumbers { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetConnectorsResponse))]
[JsonSerializable(typeof(ConnectorDto))]
[JsonSerializable(typeof(BatchGetConnectorsBody))]
[JsonSerializable(typeof(BatchGetConnectorsResponse))]
[JsonSerializable(typeof(LookupConnectorBody))]
[JsonSerializable(typeof(DeleteConnectorResponse))]
[JsonSerializable(typeof(GetPhoneNumbersResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>The contract as sent and read: camelCase, nulls left out, and '+' written as '+' (the
    /// default encoder writes \u002B, which is the same JSON value but not what the API documents).</summary>
    public static ApiJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
