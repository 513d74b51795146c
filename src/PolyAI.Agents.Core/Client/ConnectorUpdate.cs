namespace PolyAI.Agents.Client;

/// <summary>
/// The changes to one connector: the body of C6 (UpdateConnectorBody) or one item of C3
/// (BatchUpdateConnectorItem). Merge semantics: only the members that are set are sent;
/// <see cref="ClearVariant"/> sends <c>"variantId": null</c>, which unassigns the variant.
/// </summary>
internal sealed class ConnectorUpdate(string connectorId)
{
    /// <summary>The connector to change (the path id for C6, the item's connectorId for C3).</summary>
    public string ConnectorId { get; } = connectorId;

    /// <summary>The variant to assign; null leaves it unchanged.</summary>
    public string? VariantId { get; init; }

    /// <summary>Unassigns the variant (sends variantId: null). Cannot be combined with <see cref="VariantId"/>.</summary>
    public bool ClearVariant { get; init; }

    /// <summary>Speech-recognition language, e.g. en-GB; null leaves it unchanged.</summary>
    public string? AsrLangCode { get; init; }

    /// <summary>TTS voice, e.g. en-GB-Neural2-A (the API derives ttsLangCode from it); null leaves it unchanged.</summary>
    public string? VoiceName { get; init; }

    /// <summary>Moves the connector to this project (agent); null leaves it where it is.</summary>
    public string? ProjectId { get; init; }

    /// <summary>True when the update would change nothing.</summary>
    public bool SetsNothing => VariantId is null && !ClearVariant && AsrLangCode is null && VoiceName is null && ProjectId is null;
}
