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
