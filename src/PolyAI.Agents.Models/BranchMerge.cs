using System.Collections.Generic;

namespace PolyAI.Agents;

/// <summary>The record of a merge of a branch into main: the sequence it produced, the API's message and the test
/// runs it started.</summary>
public sealed class BranchMerge(string agentId, string branchId, string? sequence, string? message, IReadOnlyList<string> testRunIds, IReadOnlyDictionary<string, object?> additionalProperties)
{
    public string AgentId { get; } = agentId;

    public string BranchId { get; } = branchId;

    public string? Sequence { get; } = sequence;

    public string? Message { get; } = message;

    public IReadOnlyList<string> TestRunIds { get; } = testRunIds;

    /// <summary>Every other field the API sent, as plain values.</summary>
    public IReadOnlyDictionary<string, object?> AdditionalProperties { get; } = additionalProperties;

    public override string ToString() => $"{BranchId} -> {Branch.Main}";
}
