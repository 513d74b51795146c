using System.Collections.Immutable;

namespace PolyAI.Agents.Emulator;

// What a branch holds (api-notes.md §6-8): behavior rules, knowledge-base topics, attributes and variants. All of
// it is immutable, so a branch's copy of main, its base (for merges) and main itself can share whatever did not
// change, and a snapshot taken under the lock can be serialised after it is released.

/// <summary>A knowledge-base topic. A branch's copy of main's topics keeps their ids, so a merge applies them by id.</summary>
internal sealed record Topic(string Id, string Name, string Content, string Actions, ImmutableArray<string> ExampleQueries, bool IsActive);

/// <summary>An attribute: a name each variant may give a value for.</summary>
internal sealed record VariantAttribute(string Id, string Name);

/// <summary>A variant and its values, keyed by attribute name.</summary>
internal sealed record Variant(string Id, string Name, bool IsDefault, ImmutableSortedDictionary<string, string> Values);

/// <summary>The content of one branch, each list in creation order.</summary>
internal sealed record BranchContent(
    string Behavior,
    ImmutableList<Topic> Topics,
    ImmutableList<VariantAttribute> Attributes,
    ImmutableList<Variant> Variants)
{
    public static readonly ImmutableSortedDictionary<string, string> NoValues = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    public static BranchContent Of(string behavior) => new(behavior, [], [], []);

    public Topic? FindTopic(string topicId) => Topics.Find(t => t.Id == topicId);

    public VariantAttribute? FindAttribute(string attributeId) => Attributes.Find(a => a.Id == attributeId);

    public Variant? FindVariant(string variantId) => Variants.Find(v => v.Id == variantId);

    /// <summary>
    /// The invariants of variants after a change that may have broken them (a merge): values only for attributes
    /// the branch has, and exactly one default while there are variants (of several, the first of
    /// <paramref name="preferredDefaults"/>, else the first in order; of none, the first variant).
    /// </summary>
    public BranchContent Normalized(IReadOnlyCollection<string> preferredDefaults)
    {
        var names = Attributes.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var defaults = Variants.Where(v => v.IsDefault).Select(v => v.Id).ToArray();
        var keep = defaults.Length == 1 ? defaults[0]
            : defaults.FirstOrDefault(preferredDefaults.Contains) ?? defaults.FirstOrDefault() ?? Variants.FirstOrDefault()?.Id;
        var variants = Variants.Select(v => v with
        {
            IsDefault = v.Id == keep,
            Values = v.Values.Keys.All(names.Contains) ? v.Values : v.Values.RemoveRange(v.Values.Keys.Where(k => !names.Contains(k)).ToArray()),
        });
        return this with { Variants = [.. variants] };
    }
}
