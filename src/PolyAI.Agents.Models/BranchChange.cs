using System.Collections.Generic;

namespace PolyAI.Agents;

/// <summary>
/// One difference between a branch and its reference (main by default): what a merge would change. Compare-
/// PolyAiBranch writes these, Merge-PolyAiBranch -WhatIf prints them; they are the plan a reviewer reads, so they
/// hold only plain values (ConvertTo-Json gives the whole plan).
/// </summary>
public sealed class BranchChange(
    string agentId, string branchId, string referenceBranchId, string area, string name, string change,
    string? itemId, IReadOnlyList<string> fields, object? before, object? after, string summary)
{
    public const string Added = "Added";
    public const string Changed = "Changed";
    public const string Removed = "Removed";

    public string AgentId { get; } = agentId;

    public string BranchId { get; } = branchId;

    public string ReferenceBranchId { get; } = referenceBranchId;

    /// <summary>Behavior or KnowledgeTopic.</summary>
    public string Area { get; } = area;

    /// <summary>The topic's name; "behavior" for the rules.</summary>
    public string Name { get; } = name;

    /// <summary>Added, Changed or Removed, seen from the branch.</summary>
    public string Change { get; } = change;

    /// <summary>The topic's id; null for the rules.</summary>
    public string? ItemId { get; } = itemId;

    /// <summary>The fields that differ (name, content, actions, exampleQueries, isActive; text for the rules).</summary>
    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>The reference's version (the rules' text, or the topic's fields); null when Added.</summary>
    public object? Before { get; } = before;

    /// <summary>The branch's version; null when Removed.</summary>
    public object? After { get; } = after;

    /// <summary>One line for a reviewer, e.g. "behavior: 3 lines changed (+2 -1)".</summary>
    public string Summary { get; } = summary;

    public override string ToString() => Summary;
}
