namespace PolyAI.Agents;

/// <summary>The behavior rules of an agent on one branch: the system prompt the agent follows.</summary>
public sealed class Behavior(string agentId, string branchId, string text)
{
    public string AgentId { get; } = agentId;

    public string BranchId { get; } = branchId;

    /// <summary>The whole text of the rules.</summary>
    public string Text { get; } = text;

    public override string ToString() => Text;
}
