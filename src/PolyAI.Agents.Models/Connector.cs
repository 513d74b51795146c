namespace PolyAI.Agents;

/// <summary>A telephony connector of an agent: binds phone numbers to voice infrastructure.</summary>
public sealed class Connector(
    string agentId, string connectorId, string name, string accountId, string projectId, string clientEnv,
    string variantId, string asrLangCode, string ttsLangCode, string voiceName, bool disableHandoff)
{
    /// <summary>The agent (Agent Studio project) the connector was read from.</summary>
    public string AgentId { get; } = agentId;

    public string ConnectorId { get; } = connectorId;

    public string Name { get; } = name;

    public string AccountId { get; } = accountId;

    public string ProjectId { get; } = projectId;

    /// <summary>sandbox, pre-release or live.</summary>
    public string ClientEnv { get; } = clientEnv;

    /// <summary>The assigned variant; empty when none is assigned.</summary>
    public string VariantId { get; } = variantId;

    public string AsrLangCode { get; } = asrLangCode;

    public string TtsLangCode { get; } = ttsLangCode;

    public string VoiceName { get; } = voiceName;

    public bool DisableHandoff { get; } = disableHandoff;

    public override string ToString() => ConnectorId;
}
