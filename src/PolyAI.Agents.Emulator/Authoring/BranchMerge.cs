using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolyAI.Agents.Emulator;

/// <summary>How one conflicting path is resolved: ours (the branch's version), theirs (main's), base, or the value given.</summary>
internal sealed record MergeResolution(string Strategy, JsonElement? Value);

/// <summary>What a merge makes of main, or the conflicts that stop it (then nothing is applied).</summary>
internal sealed record MergeResult(BranchContent Merged, IReadOnlyList<MergeConflictItem> Conflicts);

/// <summary>
/// The three-way merge of B4: each item (the behavior rules, each topic, attribute and variant) and each of its
/// fields is compared in the branch (ours), main now (theirs) and the branch's base (what it copied). A change of
/// the branch is applied to main unless main changed the same thing since the base to something else: that is a
/// conflict, settled by a resolution for its path or else reported. An item deleted on one side and changed on
/// the other conflicts as a whole (its path is the item's, a missing side is null).
/// </summary>
internal static class BranchMerge
{
    public static MergeResult Merge(BranchContent ours, BranchContent theirs, BranchContent @base, IReadOnlyDictionary<string, MergeResolution> resolutions)
    {
        var oursItems = Index(ours);
        var theirsItems = Index(theirs);
        var baseItems = Index(@base);
        var conflicts = new List<MergeConflictItem>();

        // Main's order, then what only the branch has (added in the branch) in the branch's order.
        var keys = theirsItems.Keys.Concat(oursItems.Keys.Where(key => !theirsItems.ContainsKey(key)));
        var merged = new List<MergeItem>();
        foreach (var key in keys)
        {
            var (o, t, b) = (oursItems.GetValueOrDefault(key), theirsItems.GetValueOrDefault(key), baseItems.GetValueOrDefault(key));
            var item = SameItem(o, b) ? t
                : SameItem(t, b) || SameItem(o, t) ? o
                : o is not null && t is not null ? MergeFields(o, t, b, resolutions, conflicts)
                : ResolveItem((o ?? t)!, o, t, b, resolutions, conflicts);
            if (item is not null)
            {
                merged.Add(item);
            }
        }

        var preferredDefaults = ours.Variants.Where(v => v.IsDefault).Select(v => v.Id).ToArray();
        return new MergeResult(MergeItems.Build(merged).Normalized(preferredDefaults), conflicts);
    }

    /// <summary>An item both sides changed: field by field. A field missing on a side is null there.</summary>
    private static MergeItem MergeFields(MergeItem o, MergeItem t, MergeItem? b, IReadOnlyDictionary<string, MergeResolution> resolutions, List<MergeConflictItem> conflicts)
    {
        var oursFields = o.Fields.ToDictionary(f => f.Key);
        var theirsFields = t.Fields.ToDictionary(f => f.Key);
        var baseFields = b?.Fields.ToDictionary(f => f.Key) ?? [];
        var fields = new List<MergeField>();
        foreach (var key in theirsFields.Keys.Concat(oursFields.Keys.Where(key => !theirsFields.ContainsKey(key))))
        {
            var path = (theirsFields.GetValueOrDefault(key) ?? oursFields[key]).Path;
            var (of, tf, bf) = (oursFields.GetValueOrDefault(key)?.Value, theirsFields.GetValueOrDefault(key)?.Value, baseFields.GetValueOrDefault(key)?.Value);
            var value = JsonNode.DeepEquals(of, bf) ? tf
                : JsonNode.DeepEquals(tf, bf) || JsonNode.DeepEquals(of, tf) ? of
                : ResolveField(path, of, tf, bf, resolutions, conflicts);
            if (value is not null)
            {
                fields.Add(new MergeField(path, value));
            }
        }

        return t with { Fields = fields };
    }

    /// <summary>An item deleted on one side and changed on the other: the resolution's choice, else a conflict.</summary>
    private static MergeItem? ResolveItem(MergeItem any, MergeItem? o, MergeItem? t, MergeItem? b, IReadOnlyDictionary<string, MergeResolution> resolutions, List<MergeConflictItem> conflicts)
    {
        if (!resolutions.TryGetValue(any.Key, out var resolution))
        {
            conflicts.Add(new MergeConflictItem(any.Path, Show(o), Show(t), Show(b)));
            return t;
        }

        return resolution.Value switch
        {
            null => resolution.Strategy switch { "ours" => o, "theirs" => t, _ => b },
            { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.Object } value => MergeItems.FromObject(any.Kind, any.Id, JsonNode.Parse(value.GetRawText())!.AsObject()),
            { } value => throw new ApiException(ApiErrors.Validation("conflictResolutions",
                $"The value for '{any.Key}' must be an object (the whole item) or null (no item), not {JsonBody.Describe(value)}.")),
        };
    }

    /// <summary>A field both sides changed: the resolution's choice (null: no such field), else a conflict.</summary>
    private static JsonNode? ResolveField(
        IReadOnlyList<string> path, JsonNode? ours, JsonNode? theirs, JsonNode? @base,
        IReadOnlyDictionary<string, MergeResolution> resolutions, List<MergeConflictItem> conflicts)
    {
        if (!resolutions.TryGetValue(MergeItems.Join(path), out var resolution))
        {
            conflicts.Add(new MergeConflictItem(path, ours?.DeepClone(), theirs?.DeepClone(), @base?.DeepClone()));
            return theirs;
        }

        return resolution.Value is { } value
            ? JsonNode.Parse(value.GetRawText())
            : resolution.Strategy switch { "ours" => ours, "theirs" => theirs, _ => @base };
    }

    private static JsonNode? Show(MergeItem? item) => item is null ? null : MergeItems.Display(item);

    private static bool SameItem(MergeItem? a, MergeItem? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        var fields = b.Fields.ToDictionary(f => f.Key, f => f.Value);
        return a.Fields.Count == fields.Count && a.Fields.All(f => fields.TryGetValue(f.Key, out var other) && JsonNode.DeepEquals(f.Value, other));
    }

    private static Dictionary<string, MergeItem> Index(BranchContent content) => MergeItems.Flatten(content).ToDictionary(item => item.Key);
}
