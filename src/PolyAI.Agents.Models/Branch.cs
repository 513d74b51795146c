using System;
using System.Collections.Generic;

namespace PolyAI.Agents;

/// <summary>A branch of an agent: a draft of its behavior rules, knowledge base, variants and attributes that is
/// merged into main when reviewed. 1.0.3 gives branches no schema: the fields later versions name are typed here,
/// every other field the API sends is kept in <see cref="AdditionalProperties"/>.</summary>
public sealed class Branch(string agentId, string branchId, string? name, DateTimeOffset? createdAt, string? sequenceId, IReadOnlyDictionary<string, object?> additionalProperties)
{
    /// <summary>The name of the default branch, which every agent has.</summary>
    public const string Main = "main";

    public string AgentId { get; } = agentId;

    public string BranchId { get; } = branchId;

    public string? Name { get; } = name;

    public DateTimeOffset? CreatedAt { get; } = createdAt;

    /// <summary>What the API answers a new branch with (the sequence its content was copied at).</summary>
    public string? SequenceId { get; } = sequenceId;

    /// <summary>Every other field the API sent, as plain values.</summary>
    public IReadOnlyDictionary<string, object?> AdditionalProperties { get; } = additionalProperties;

    public override string ToString() => BranchId;
}
