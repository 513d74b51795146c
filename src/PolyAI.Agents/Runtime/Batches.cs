using System;
using System.Collections.Generic;
using System.Linq;

namespace PolyAI.Agents.Runtime;

/// <summary>Splits the items of a batch endpoint into requests. The API documents no maximum; 100 keeps
/// each request small enough that one failure or retry never costs much.</summary>
internal static class Batches
{
    public const int Size = 100;

    /// <summary>For each group (an agent, or an agent and an environment): one item goes to the single-item
    /// endpoint, several to the batch endpoint in batches of <see cref="Size"/>.</summary>
    public static void Send<TGroup>(IEnumerable<IGrouping<TGroup, string>> groups, Action<TGroup, string> single, Action<TGroup, List<string>> batch)
    {
        foreach (var group in groups)
        {
            var items = group.ToList();
            if (items.Count == 1)
            {
                single(group.Key, items[0]);
                continue;
            }

            foreach (var chunk in Of(items))
            {
                batch(group.Key, chunk);
            }
        }
    }

    public static IEnumerable<List<T>> Of<T>(IReadOnlyList<T> items)
    {
        for (var offset = 0; offset < items.Count; offset += Size)
        {
            yield return items.Skip(offset).Take(Size).ToList();
        }
    }
}
