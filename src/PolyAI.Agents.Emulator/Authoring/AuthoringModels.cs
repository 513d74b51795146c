namespace PolyAI.Agents.Emulator;

// Response bodies of branches, behavior rules, the knowledge base, attributes and variants. 1.0.3 gives most of the
// branch and topic answers no schema; these are the shapes later versions document (api-notes.md §5-8). Property
// order is wire order.

/// <summary>An item of B1.</summary>
internal sealed record BranchResponse(string BranchId, string Name, string CreatedAt, string CreatedBy);

internal sealed record ListBranchesResponse(IReadOnlyList<BranchResponse> Branches);

internal sealed record CreateBranchResponse(string BranchId, string SequenceId);

internal sealed record DeleteBranchResponse(string Sequence, string Message);

internal sealed record MergeBranchResponse(string Sequence, string Message, IReadOnlyList<string> TestRunIds);

/// <summary>One conflicting path of a merge: the branch's value (ours), main's (theirs) and the base's; null for "not there".</summary>
internal sealed record MergeConflictItem(IReadOnlyList<string> Path, object? Ours, object? Theirs, object? Base);

/// <summary>AgentRulesResponse (R1, R2).</summary>
internal sealed record BehaviorResponse(string Behavior);

internal sealed record ExampleQueriesResponse(IReadOnlyList<string> Queries);

/// <summary>A topic as later versions define it; K1 answers a bare array of these.</summary>
internal sealed record TopicResponse(string Id, string Name, string Content, string Actions, ExampleQueriesResponse ExampleQueries, bool IsActive)
{
    public static TopicResponse Of(Topic topic) =>
        new(topic.Id, topic.Name, topic.Content, topic.Actions, new ExampleQueriesResponse(topic.ExampleQueries), topic.IsActive);
}

/// <summary>AttributeResponse (V2, V3).</summary>
internal sealed record AttributeResponse(string Id, string Name)
{
    public static AttributeResponse Of(VariantAttribute attribute) => new(attribute.Id, attribute.Name);
}

internal sealed record ListAttributesResponse(IReadOnlyList<AttributeResponse> Attributes);

internal sealed record AttributeValuesResponse(IReadOnlyDictionary<string, string> Values);

/// <summary>VariantResponse (V6, V7).</summary>
internal sealed record VariantResponse(string Id, string Name, bool IsDefault, AttributeValuesResponse AttributeValues)
{
    public static VariantResponse Of(Variant variant) => new(variant.Id, variant.Name, variant.IsDefault, new AttributeValuesResponse(variant.Values));
}

internal sealed record ListVariantsResponse(IReadOnlyList<VariantResponse> Variants);

/// <summary>V4 and V8: the id of what was deleted (the body later versions give them).</summary>
internal sealed record DeletedResponse(string Id);
