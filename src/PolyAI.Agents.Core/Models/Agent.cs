using System;

namespace PolyAI.Agents;

/// <summary>An agent (an Agent Studio project) the key can see.</summary>
public sealed class Agent
{
    internal Agent(string accountId, string agentId, string agentName, DateTimeOffset createdAt, DateTimeOffset updatedAt, int branchCount)
    {
        AccountId = accountId;
        AgentId = agentId;
        AgentName = agentName;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        BranchCount = branchCount;
    }

    /// <summary>The workspace, e.g. ws-fd112d8f.</summary>
    public string AccountId { get; }

    /// <summary>The Agent Studio project id, e.g. PROJECT-58RP822I: what every -AgentId takes.</summary>
    public string AgentId { get; }

    public string AgentName { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; }

    public int BranchCount { get; }

    public override string ToString() => AgentId;
}
