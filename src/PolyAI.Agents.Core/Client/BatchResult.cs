using System.Collections.Generic;

namespace PolyAI.Agents.Client;

/// <summary>What a batch read returned: the items found and the keys the API did not know.</summary>
internal sealed class BatchResult<T>
{
    public BatchResult(IReadOnlyList<T> found, IReadOnlyList<string> notFound)
    {
        Found = found;
        NotFound = notFound;
    }

    public IReadOnlyList<T> Found { get; }

    public IReadOnlyList<string> NotFound { get; }
}
