using System;
using System.Collections.Generic;
using System.Linq;

namespace PolyAI.Agents.Changes;

/// <summary>
/// What a branch changes against its reference: the behavior rules (one text) and the knowledge-base topics
/// (matched by id, then by name), as one <see cref="BranchChange"/> per difference, and a one-line summary of them.
/// </summary>
internal static class BranchComparison
{
    public const string BehaviorArea = "Behavior";
    public const string TopicArea = "KnowledgeTopic";

    public static IReadOnlyList<BranchChange> Compare(
        string agentId,
        string branchId,
        string referenceBranchId,
        string branchRules,
        string referenceRules,
        IReadOnlyList<KnowledgeTopic> branchTopics,
        IReadOnlyList<KnowledgeTopic> referenceTopics)
    {
        var changes = new List<BranchChange>();
        var rules = TextDiff.Of(referenceRules, branchRules);
        if (!rules.IsEmpty)
        {
            changes.Add(new BranchChange(agentId, branchId, referenceBranchId, BehaviorArea, "behavior", BranchChange.Changed, null,
                new[] { "text" }, referenceRules, branchRules, $"behavior: {rules.Summary}"));
        }

        var unmatched = referenceTopics.ToList();
        foreach (var topic in branchTopics)
        {
            var reference = unmatched.FirstOrDefault(t => t.TopicId == topic.TopicId)
                ?? unmatched.FirstOrDefault(t => string.Equals(t.Name, topic.Name, StringComparison.Ordinal));
            if (reference is null)
            {
                changes.Add(TopicChange(agentId, branchId, referenceBranchId, topic, BranchChange.Added, new[] { "name", "content", "actions", "exampleQueries", "isActive" }, null, topic, $"topic '{topic.Name}': added"));
                continue;
            }

            unmatched.Remove(reference);
            var fields = ChangedFields(reference, topic);
            if (fields.Count > 0)
            {
                var details = fields.Select(f => f == "content" ? $"content ({TextDiff.Of(reference.Content, topic.Content).Summary})" : f);
                changes.Add(TopicChange(agentId, branchId, referenceBranchId, topic, BranchChange.Changed, fields, reference, topic, $"topic '{topic.Name}': changed {string.Join(", ", details)}"));
            }
        }

        foreach (var removed in unmatched)
        {
            changes.Add(TopicChange(agentId, branchId, referenceBranchId, removed, BranchChange.Removed, Array.Empty<string>(), removed, null, $"topic '{removed.Name}': removed"));
        }

        return changes;
    }

    /// <summary>"behavior: 3 lines changed (+2 -1); topics: added 'Parking', changed 'Opening hours'", or "no differences".</summary>
    public static string Summarize(IReadOnlyList<BranchChange> changes)
    {
        if (changes.Count == 0)
        {
            return "no differences";
        }

        var parts = changes.Where(c => c.Area == BehaviorArea).Select(c => c.Summary).ToList();
        var topics = changes.Where(c => c.Area == TopicArea).Select(c => $"{c.Change.ToLowerInvariant()} '{c.Name}'").ToList();
        if (topics.Count > 0)
        {
            parts.Add("topics: " + string.Join(", ", topics));
        }

        return string.Join("; ", parts);
    }

    /// <summary>The topic's fields as plain values, as a reviewer (and ConvertTo-Json) sees them.</summary>
    public static IReadOnlyDictionary<string, object?> Fields(KnowledgeTopic topic) => new Dictionary<string, object?>
    {
        ["name"] = topic.Name,
        ["content"] = topic.Content,
        ["actions"] = topic.Actions,
        ["exampleQueries"] = topic.ExampleQueries.ToArray(),
        ["isActive"] = topic.IsActive,
    };

    private static List<string> ChangedFields(KnowledgeTopic before, KnowledgeTopic after)
    {
        var fields = new List<string>();
        if (before.Name != after.Name)
        {
            fields.Add("name");
        }

        if (before.Content != after.Content)
        {
            fields.Add("content");
        }

        if (before.Actions != after.Actions)
        {
            fields.Add("actions");
        }

        if (!before.ExampleQueries.SequenceEqual(after.ExampleQueries))
        {
            fields.Add("exampleQueries");
        }

        if (before.IsActive != after.IsActive)
        {
            fields.Add("isActive");
        }

        return fields;
    }

    private static BranchChange TopicChange(
        string agentId, string branchId, string referenceBranchId, KnowledgeTopic topic, string change,
        IReadOnlyList<string> fields, KnowledgeTopic? before, KnowledgeTopic? after, string summary) =>
        new(agentId, branchId, referenceBranchId, TopicArea, topic.Name, change, topic.TopicId, fields,
            before is null ? null : Fields(before), after is null ? null : Fields(after), summary);
}
