using System;
using System.Collections.Generic;
using System.Linq;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// Input collected over the whole pipeline and sent when it ends, the way every cmdlet that can batch does:
/// each item once (a repeat is reported, not sent again), grouped by what one request may carry (an agent, or an
/// agent and an environment), then one item with the single-item request and several with the batch request,
/// <see cref="BatchSize"/> at a time. The cmdlet starts each request under -ThrottleLimit.
/// </summary>
internal sealed class PendingItems<TGroup, TItem>
    where TGroup : notnull
{
    /// <summary>The API documents no maximum; 100 keeps each request small enough that one failure or retry
    /// never costs much.</summary>
    public const int BatchSize = 100;

    private readonly List<(TGroup Group, List<TItem> Items)> _groups = new();
    private readonly Dictionary<TGroup, List<TItem>> _byGroup = new();
    private readonly HashSet<(string Scope, string Key)> _seen = new();

    /// <summary>True the first time a key is seen in a scope (an agent), false for a repeat. Checked before a
    /// change is confirmed, so an item given twice is asked for once.</summary>
    public bool FirstTime(string scope, string key) => _seen.Add((scope, key));

    /// <summary>Adds an item to its group.</summary>
    public void Add(TGroup group, TItem item)
    {
        if (!_byGroup.TryGetValue(group, out var items))
        {
            items = new List<TItem>();
            _byGroup[group] = items;
            _groups.Add((group, items));
        }

        items.Add(item);
    }

    /// <summary>Adds an item the first time its key is seen in its scope; false for a repeat.</summary>
    public bool AddOnce(TGroup group, string scope, string key, TItem item)
    {
        if (!FirstTime(scope, key))
        {
            return false;
        }

        Add(group, item);
        return true;
    }

    /// <summary>For each group in the order it first appeared: <paramref name="single"/> for a group of one,
    /// else <paramref name="batch"/> per <see cref="BatchSize"/> items.</summary>
    public void Send(Action<TGroup, TItem> single, Action<TGroup, IReadOnlyList<TItem>> batch)
    {
        foreach (var (group, items) in _groups)
        {
            if (items.Count == 1)
            {
                single(group, items[0]);
                continue;
            }

            for (var offset = 0; offset < items.Count; offset += BatchSize)
            {
                batch(group, items.Skip(offset).Take(BatchSize).ToList());
            }
        }
    }
}
