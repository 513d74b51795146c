using System;

namespace PolyAI.Agents;

/// <summary>An agent (an Agent Studio project) the key can see.</summary>
public sealed class Agent(string accountId, string agentId, string agentName, DateTimeOffset createdAt, DateTimeOffset updatedAt, int branchCount)
{
    /// <summary>The workspace, e.g. ws-fd112d8f.</summary>
    public string AccountId { get; } = accountId;

    /// <summary>The Agent Studio project id, e.g. PROJECT-58RP822I: what every -AgentId takes.</summary>
    public string AgentId { get; } = agentId;

    public string AgentName { get; } = agentName;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; } = updatedAt;

    public int BranchCount { get; } = branchCount;

    public override string ToString() => AgentId;
}
