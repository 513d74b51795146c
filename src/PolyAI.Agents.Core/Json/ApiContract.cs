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

// C3 response. The C6 and C3 request bodies are written by ConnectorUpdateBody: they need an explicit
// "variantId": null, which this context (nulls left out) cannot write.

internal sealed class BatchUpdateConnectorsResponse
{
    [JsonRequired] public List<BatchUpdateResultItemDto?>? Results { get; set; }
}

internal sealed class BatchUpdateResultItemDto
{
    [JsonRequired] public string? ConnectorId { get; set; }
    [JsonRequired] public bool Success { get; set; }
    /// <summary>Present when <see cref="Success"/> is true. Kept raw and read per item, so one malformed
    /// connector fails only its own item (the other updates of the batch did happen).</summary>
    public JsonElement? Data { get; set; }
    /// <summary>Present when <see cref="Success"/> is false.</summary>
    public string? Error { get; set; }
}

// P2 POST /phone-numbers
internal sealed class ImportPhoneNumbersBody
{
    public List<string> PhoneNumbers { get; set; } = new();
    /// <summary>Left out when not given: the API defaults to live.</summary>
    public string? ClientEnv { get; set; }
}

internal sealed class ImportPhoneNumbersResponse
{
    [JsonRequired] public List<string?>? Imported { get; set; }
}

// P6 POST /phone-numbers/{phoneNumber}: {} is a valid body.
internal sealed class ImportPhoneNumberBody
{
    public string? ClientEnv { get; set; }
}

internal sealed class ImportPhoneNumberResponse
{
    [JsonRequired] public string? Imported { get; set; }
}

// P3 DELETE /phone-numbers (a body on DELETE)
internal sealed class DeletePhoneNumbersBody
{
    public List<string> PhoneNumbers { get; set; } = new();
}

internal sealed class DeletePhoneNumbersResponse
{
    [JsonRequired] public List<string?>? Deleted { get; set; }
    /// <summary>Left out by the API when empty.</summary>
    public List<DeletePhoneNumberErrorItemDto?>? Errors { get; set; }
}

internal sealed class DeletePhoneNumberErrorItemDto
{
    [JsonRequired] public string? PhoneNumber { get; set; }
    [JsonRequired] public string? Error { get; set; }
}

// P8 DELETE /phone-numbers/{phoneNumber}
internal sealed class DeletePhoneNumberResponse
{
    [JsonRequired] public string? Deleted { get; set; }
}

// P4 POST /phone-numbers/batch
internal sealed class BatchGetPhoneNumbersBody
{
    public List<string> PhoneNumbers { get; set; } = new();
}

internal sealed class BatchGetPhoneNumbersResponse
{
    [JsonRequired] public List<PhoneNumberDto?>? Found { get; set; }
    [JsonRequired] public List<string?>? NotFound { get; set; }
}

// P7 PATCH /phone-numbers/{phoneNumber}
internal sealed class ReassignPhoneNumberBody
{
    public string ConnectorId { get; set; } = "";
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<AgentDto?>), TypeInfoPropertyName = "ListAgentDto")]
[JsonSerializable(typeof(ConnectorDto))]
[JsonSerializable(typeof(BatchGetConnectorsBody))]
[JsonSerializable(typeof(BatchGetConnectorsResponse))]
[JsonSerializable(typeof(LookupConnectorBody))]
[JsonSerializable(typeof(DeleteConnectorResponse))]
[JsonSerializable(typeof(BatchUpdateConnectorsResponse))]
[JsonSerializable(typeof(PhoneNumberDto))]
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
    /// <summary>The contract as sent and read: camelCase, nulls left out, and '+' written as '+' (the
    /// default encoder writes \u002B, which is the same JSON value but not what the API documents).</summary>
    public static ApiJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
