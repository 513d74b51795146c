using System.Text.Json.Serialization;

namespace PolyAI.Agents.Contract;

/// <summary>An item of GetAgentsResponse (A1 GET /v1/agents, a bare array); all six fields are required.</summary>
internal sealed class AgentDto
{
    [JsonRequired] public string? AccountId { get; set; }
    [JsonRequired] public string? AgentId { get; set; }
    [JsonRequired] public string? AgentName { get; set; }
    [JsonRequired] public string? CreatedAt { get; set; }
    [JsonRequired] public string? UpdatedAt { get; set; }
    [JsonRequired] public double BranchCount { get; set; }
}

/// <summary>A2. The docs' quick start sends {name, description}, which this schema (additionalProperties false,
/// responseSettings and voiceSettings required) refuses: the body follows the schema.</summary>
internal sealed class CreateAgentBody
{
    [JsonRequired] public string Name { get; set; } = "";
    public string? AgentId { get; set; }
    [JsonRequired] public ResponseSettingsBody ResponseSettings { get; set; } = new();
    [JsonRequired] public VoiceSettingsBody VoiceSettings { get; set; } = new();
    public LlmSettingsBody? LlmSettings { get; set; }
}

internal sealed class ResponseSettingsBody
{
    [JsonRequired] public string Greeting { get; set; } = "";
    /// <summary>Left out when not given: the API defaults to en-GB.</summary>
    public string? LanguageCode { get; set; }
}

internal sealed class VoiceSettingsBody
{
    [JsonRequired] public string VoiceId { get; set; } = "";
}

internal sealed class LlmSettingsBody
{
    public string? ModelId { get; set; }
}

/// <summary>A4.</summary>
internal sealed class DuplicateAgentBody
{
    [JsonRequired] public string NewAgentName { get; set; } = "";
    public string? NewAgentId { get; set; }
}
