using System;
using System.Collections.Generic;
using System.Linq;

namespace PolyAI.Agents.Changes;

/// <summary>What one branch holds that a merge carries: its behavior rules, knowledge-base topics, attributes and variants.</summary>
internal sealed class BranchContent(string rules, IReadOnlyList<KnowledgeTopic> topics, IReadOnlyList<Attribute> attributes, IReadOnlyList<Variant> variants)
{
    public string Rules { get; } = rules;

    public IReadOnlyList<KnowledgeTopic> Topics { get; } = topics;

    public IReadOnlyList<Attribute> Attributes { get; } = attributes;

    public IReadOnlyList<Variant> Variants { get; } = variants;
}

/// <summary>
/// What a branch changes against its reference: the behavior rules (one text), and the knowledge-base topics,
/// attributes and variants (each matched by id, then by name), as one <see cref="BranchChange"/> per difference,
/// and a one-line summary of them.
/// </summary>
internal static class BranchComparison
{
    public const string BehaviorArea = "Behavior";
    public const string TopicArea = "KnowledgeTopic";
    public const string AttributeArea = "Attribute";
    public const string VariantArea = "Variant";

    private static readonly (string Area, string Plural)[] ItemAreas =
    {
        (TopicArea, "topics"), (AttributeArea, "attributes"), (VariantArea, "variants"),
    };

    /// <summary>One named item of a branch and its fields as plain values, as a reviewer (and ConvertTo-Json) sees them.</summary>
    private sealed class Item(string id, string name, IReadOnlyDictionary<string, object?> fields)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public IReadOnlyDictionary<string, object?> Fields { get; } = fields;
    }

    public static IReadOnlyList<BranchChange> Compare(string agentId, string branchId, string referenceBranchId, BranchContent branch, BranchContent reference)
    {
        var changes = new List<BranchChange>();
        var rules = TextDiff.Of(reference.Rules, branch.Rules);
        if (!rules.IsEmpty)
        {
            changes.Add(new BranchChange(agentId, branchId, referenceBranchId, BehaviorArea, "behavior", BranchChange.Changed, null,
                new[] { "text" }, reference.Rules, branch.Rules, $"behavior: {rules.Summary}"));
        }

        void Items<T>(string area, string noun, IEnumerable<T> branchItems, IEnumerable<T> referenceItems, Func<T, Item> item) =>
            changes.AddRange(CompareItems(agentId, branchId, referenceBranchId, area, noun, branchItems.Select(item), referenceItems.Select(item)));

        Items(TopicArea, "topic", branch.Topics, reference.Topics, Of);
        Items(AttributeArea, "attribute", branch.Attributes, reference.Attributes, Of);
        Items(VariantArea, "variant", branch.Variants, reference.Variants, Of);
        return changes;
    }

    /// <summary>"behavior: 3 lines changed (+2 -1); topics: added 'Parking', changed 'Opening hours'; variants: changed 'London'", or "no differences".</summary>
    public static string Summarize(IReadOnlyList<BranchChange> changes)
    {
        if (changes.Count == 0)
        {
            return "no differences";
        }

        var parts = changes.Where(c => c.Area == BehaviorArea).Select(c => c.Summary).ToList();
        foreach (var (area, plural) in ItemAreas)
        {
            var items = changes.Where(c => c.Area == area).Select(c => $"{c.Change.ToLowerInvariant()} '{c.Name}'").ToList();
            if (items.Count > 0)
            {
                parts.Add($"{plural}: {string.Join(", ", items)}");
            }
        }

        return string.Join("; ", parts);
    }

    private static IEnumerable<BranchChange> CompareItems(
        string agentId, string branchId, string referenceBranchId, string area, string noun, IEnumerable<Item> branchItems, IEnumerable<Item> referenceItems)
    {
        BranchChange Change(Item item, string change, IReadOnlyList<string> fields, Item? before, Item? after, string summary) =>
            new(agentId, branchId, referenceBranchId, area, item.Name, change, item.Id, fields, before?.Fields, after?.Fields, $"{noun} '{item.Name}': {summary}");

        var unmatched = referenceItems.ToList();
        foreach (var item in branchItems)
        {
            var reference = unmatched.FirstOrDefault(r => r.Id == item.Id)
                ?? unmatched.FirstOrDefault(r => string.Equals(r.Name, item.Name, StringComparison.Ordinal));
            if (reference is null)
            {
                yield return Change(item, BranchChange.Added, item.Fields.Keys.ToList(), null, item, "added");
                continue;
            }

            unmatched.Remove(reference);
            var fields = item.Fields.Keys.Where(f => !SameValue(reference.Fields[f], item.Fields[f])).ToList();
            if (fields.Count > 0)
            {
                yield return Change(item, BranchChange.Changed, fields, reference, item, $"changed {string.Join(", ", fields.Select(f => Detail(f, reference.Fields[f], item.Fields[f])))}");
            }
        }

        foreach (var removed in unmatched)
        {
            yield return Change(removed, BranchChange.Removed, Array.Empty<string>(), removed, null, "removed");
        }
    }

    private static Item Of(KnowledgeTopic topic) => new(topic.TopicId, topic.Name, new Dictionary<string, object?>
    {
        ["name"] = topic.Name,
        ["content"] = topic.Content,
        ["actions"] = topic.Actions,
        ["exampleQueries"] = topic.ExampleQueries.ToArray(),
        ["isActive"] = topic.IsActive,
    });

    private static Item Of(Attribute attribute) => new(attribute.AttributeId, attribute.Name, new Dictionary<string, object?>
    {
        ["name"] = attribute.Name,
    });

    private static Item Of(Variant variant) => new(variant.VariantId, variant.Name, new Dictionary<string, object?>
    {
        ["name"] = variant.Name,
        ["isDefault"] = variant.IsDefault,
        ["attributeValues"] = variant.AttributeValues.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
    });

    /// <summary>A changed field as a reviewer wants it named: a text's line diff size, a map's changed keys.</summary>
    private static string Detail(string field, object? before, object? after) => (before, after) switch
    {
        (string b, string a) when field == "content" => $"content ({TextDiff.Of(b, a).Summary})",
        (IReadOnlyDictionary<string, string> b, IReadOnlyDictionary<string, string> a) =>
            $"{field} ({string.Join(", ", b.Keys.Union(a.Keys).Where(k => !(b.TryGetValue(k, out var x) && a.TryGetValue(k, out var y) && x == y)).OrderBy(k => k, StringComparer.Ordinal))})",
        _ => field,
    };

    private static bool SameValue(object? before, object? after) => (before, after) switch
    {
        (string b, string a) => TextDiff.Normalize(b) == TextDiff.Normalize(a), // CRLF and LF are the same text, as in the rules' diff
        (string[] b, string[] a) => b.SequenceEqual(a),
        (IReadOnlyDictionary<string, string> b, IReadOnlyDictionary<string, string> a) => b.Count == a.Count && b.All(p => a.TryGetValue(p.Key, out var v) && v == p.Value),
        _ => Equals(before, after),
    };
}
