namespace PolyAI.Agents;

/// <summary>A telephony connector of an agent: binds phone numbers to voice infrastructure.</summary>
public sealed class Connector
{
    internal Connector(
        string agentId,
        string connectorId,
        string name,
        string accountId,
        string projectId,
        string clientEnv,
        string variantId,
        string asrLangCode,
        string ttsLangCode,
        string voiceName,
        bool disableHandoff)
    {
        AgentId = agentId;
        ConnectorId = connectorId;
        Name = name;
        AccountId = accountId;
        ProjectId = projectId;
        ClientEnv = clientEnv;
        VariantId = variantId;
        AsrLangCode = asrLangCode;
        TtsLangCode = ttsLangCode;
        VoiceName = voiceName;
        DisableHandoff = disableHandoff;
    }

    /// <summary>The agent (Agent Studio project) the connector was read from.</summary>
    public string AgentId { get; }
    public string ConnectorId { get; }
    public string Name { get; }
    public string AccountId { get; }
    public string ProjectId { get; }
    /// <summary>sandbox, pre-release or live.</summary>
    public string ClientEnv { get; }
    /// <summary>The assigned variant; empty when none is assigned.</summary>
    public string VariantId { get; }
    public string AsrLangCode { get; }
    public string TtsLangCode { get; }
    public string VoiceName { get; }
    public bool DisableHandoff { get; }

    public override string ToString() => ConnectorId;
}
