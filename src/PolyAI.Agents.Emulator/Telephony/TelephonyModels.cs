using System.Text.Json.Serialization;

namespace PolyAI.Agents.Emulator;

// Resource and response bodies of the telephony contract (api-notes.md §2-3). Property order is wire order.
// Resources are immutable records: the state swaps whole records, so a snapshot taken under the state lock
// can be serialised after the lock is released.

/// <summary>ConnectorResponse. <see cref="VariantId"/> is "" when unassigned, never null.</summary>
internal sealed record Connector(
    string ConnectorId,
    string Name,
    string AccountId,
    string ProjectId,
    string ClientEnv,
    string VariantId,
    string AsrLangCode,
    string TtsLangCode,
    string VoiceName,
    bool DisableHandoff)
{
    /// <summary>Creation order, used to list resources in a stable order.</summary>
    [JsonIgnore]
    public long Seq { get; init; }
}

/// <summary>PhoneNumberResponse. <see cref="ConnectorId"/> is left out of the JSON when the number is unrouted.</summary>
internal sealed record PhoneNumber(
    string Number,
    string ProjectId,
    string AccountId,
    string ClientEnv,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ConnectorId)
{
    [JsonIgnore]
    public long Seq { get; init; }
}

internal sealed record GetConnectorsResponse(IReadOnlyList<Connector> Connectors);

internal sealed record BatchGetConnectorsResponse(IReadOnlyList<Connector> Found, IReadOnlyList<string> NotFound);

internal sealed record BatchUpdateResultItem(
    string ConnectorId,
    bool Success,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Connector? Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

internal sealed record BatchUpdateConnectorsResponse(IReadOnlyList<BatchUpdateResultItem> Results);

internal sealed record DeleteConnectorResponse(string DeletedConnector, IReadOnlyList<string> DeletedPhoneNumbers);

internal sealed record GetPhoneNumbersResponse(IReadOnlyList<PhoneNumber> PhoneNumbers);

internal sealed record ImportPhoneNumbersResponse(IReadOnlyList<string> Imported);

internal sealed record ImportPhoneNumberResponse(string Imported);

internal sealed record DeletePhoneNumbersResponse(
    IReadOnlyList<string> Deleted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DeletePhoneNumberErrorItem>? Errors);

internal sealed record DeletePhoneNumberErrorItem(string PhoneNumber, string Error);

internal sealed record DeletePhoneNumberResponse(string Deleted);

internal sealed record BatchGetPhoneNumbersResponse(IReadOnlyList<PhoneNumber> Found, IReadOnlyList<string> NotFound);
