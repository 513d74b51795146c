using System.Collections.Generic;

namespace PolyAI.Agents;

/// <summary>A topic of an agent's knowledge base on one branch: what the agent knows and does about one subject.
/// 1.0.3 gives topics no schema: the fields later versions name are typed here, every other field the API sends
/// is kept in <see cref="AdditionalProperties"/>.</summary>
public sealed class KnowledgeTopic(
    string agentId, string branchId, string topicId, string name, string content, string actions,
    IReadOnlyList<string> exampleQueries, bool isActive, IReadOnlyDictionary<string, object?> additionalProperties)
{
    public string AgentId { get; } = agentId;

    public string BranchId { get; } = branchId;

    public string TopicId { get; } = topicId;

    public string Name { get; } = name;

    /// <summary>What the agent knows about the topic.</summary>
    public string Content { get; } = content;

    /// <summary>What the agent does when the topic comes up.</summary>
    public string Actions { get; } = actions;

    /// <summary>Questions callers ask about it (at most 100).</summary>
    public IReadOnlyList<string> ExampleQueries { get; } = exampleQueries;

    /// <summary>Whether the agent uses the topic.</summary>
    public bool IsActive { get; } = isActive;

    /// <summary>Every other field the API sent, as plain values.</summary>
    public IReadOnlyDictionary<string, object?> AdditionalProperties { get; } = additionalProperties;

    public override string ToString() => Name;
}
