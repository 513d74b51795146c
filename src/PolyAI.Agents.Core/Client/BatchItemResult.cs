namespace PolyAI.Agents.Client;

/// <summary>
/// What a batch write reported for one requested item (a connector update, an imported or a deleted
/// number): the result, or the failure of that item alone. Batch endpoints answer 200 even when some
/// items fail, so a caller reports each failure on its own and goes on with the others.
/// </summary>
internal sealed class BatchItemResult<T>
    where T : class
{
    private BatchItemResult(string key, T? value, PolyAiApiException? failure)
    {
        Key = key;
        Value = value;
        Failure = failure;
    }

    /// <summary>The requested item: the connector id or the phone number.</summary>
    public string Key { get; }

    /// <summary>The result when the item succeeded; null when it failed.</summary>
    public T? Value { get; }

    /// <summary>Why the item failed; null when it succeeded.</summary>
    public PolyAiApiException? Failure { get; }

    public bool Succeeded => Failure is null;

    internal static BatchItemResult<T> Success(string key, T value) => new(key, value, null);

    internal static BatchItemResult<T> Failed(string key, PolyAiApiException failure) => new(key, null, failure);
}
