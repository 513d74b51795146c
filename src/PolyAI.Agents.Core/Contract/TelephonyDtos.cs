using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolyAI.Agents.Contract;

// Wire shapes of the PolyAI Agents API 1.0.3 telephony (api-notes §2-3). Required members are the published
// schema's `required` (the spec test holds every DTO to it): a 2xx body that lacks one is an invalid response,
// never a half-filled object. Unknown extra members of a response are ignored (the API may add fields).

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

/// <summary>C1. Read streamed (item by item), so this type only states the contract.</summary>
internal sealed class GetConnectorsResponse
{
    [JsonRequired] public List<ConnectorDto?>? Connectors { get; set; }
}

internal sealed class BatchGetConnectorsBody
{
    [JsonRequired] public List<string> ConnectorIds { get; set; } = new();
}

internal sealed class BatchGetConnectorsResponse
{
    [JsonRequired] public List<ConnectorDto?>? Found { get; set; }
    [JsonRequired] public List<string?>? NotFound { get; set; }
}

internal sealed class LookupConnectorBody
{
    [JsonRequired] public string PhoneNumber { get; set; } = "";
}

internal sealed class DeleteConnectorResponse
{
    [JsonRequired] public string? DeletedConnector { get; set; }
    [JsonRequired] public List<string?>? DeletedPhoneNumbers { get; set; }
}

/// <summary>C6: only the fields that are set are sent (merge semantics).</summary>
internal class UpdateConnectorBody
{
    /// <summary>A string assigns the variant; a JSON null (not a missing value) unassigns it.</summary>
    public JsonElement? VariantId { get; set; }
    public string? AsrLangCode { get; set; }
    public string? VoiceName { get; set; }
    public string? ProjectId { get; set; }
}

/// <summary>An item of C3: the connector, then the fields of <see cref="UpdateConnectorBody"/>.</summary>
internal sealed class BatchUpdateConnectorItem : UpdateConnectorBody
{
    [JsonRequired, JsonPropertyOrder(-1)] public string ConnectorId { get; set; } = "";
}

internal sealed class BatchUpdateConnectorsBody
{
    [JsonRequired] public List<BatchUpdateConnectorItem> Updates { get; set; } = new();
}

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

internal sealed class PhoneNumberDto
{
    [JsonRequired] public string? Number { get; set; }
    [JsonRequired] public string? ProjectId { get; set; }
    [JsonRequired] public string? AccountId { get; set; }
    [JsonRequired] public string? ClientEnv { get; set; }
    public string? ConnectorId { get; set; }
}

/// <summary>P1. Read streamed, so this type only states the contract.</summary>
internal sealed class GetPhoneNumbersResponse
{
    [JsonRequired] public List<PhoneNumberDto?>? PhoneNumbers { get; set; }
}

internal sealed class ImportPhoneNumbersBody
{
    [JsonRequired] public List<string> PhoneNumbers { get; set; } = new();
    /// <summary>Left out when not given: the API defaults to live.</summary>
    public string? ClientEnv { get; set; }
}

internal sealed class ImportPhoneNumbersResponse
{
    [JsonRequired] public List<string?>? Imported { get; set; }
}

/// <summary>P6: {} is a valid body.</summary>
internal sealed class ImportPhoneNumberBody
{
    public string? ClientEnv { get; set; }
}

internal sealed class ImportPhoneNumberResponse
{
    [JsonRequired] public string? Imported { get; set; }
}

/// <summary>P3: a body on DELETE.</summary>
internal sealed class DeletePhoneNumbersBody
{
    [JsonRequired] public List<string> PhoneNumbers { get; set; } = new();
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

internal sealed class DeletePhoneNumberResponse
{
    [JsonRequired] public string? Deleted { get; set; }
}

internal sealed class BatchGetPhoneNumbersBody
{
    [JsonRequired] public List<string> PhoneNumbers { get; set; } = new();
}

internal sealed class BatchGetPhoneNumbersResponse
{
    [JsonRequired] public List<PhoneNumberDto?>? Found { get; set; }
    [JsonRequired] public List<string?>? NotFound { get; set; }
}

internal sealed class ReassignPhoneNumberBody
{
    [JsonRequired] public string ConnectorId { get; set; } = "";
}
