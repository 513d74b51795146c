using System.Collections.Generic;
using System.Linq;

namespace PolyAI.Agents.Runtime;

/// <summary>Splits the items of a batch endpoint into requests. The API documents no maximum; 100 keeps
/// each request small enough that one failure or retry never costs much.</summary>
internal static class Batches
{
    public const int Size = 100;

    public static IEnumerable<List<T>> Of<T>(IReadOnlyList<T> items)
    {
        for (var offset = 0; offset < items.Count; offset += Size)
        {
            yield return items.Skip(offset).Take(Size).ToList();
        }
    }
}
