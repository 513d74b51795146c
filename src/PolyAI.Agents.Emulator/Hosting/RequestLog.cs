namespace PolyAI.Agents.Emulator;

/// <summary>One logged /v1 request as GET /_emulator/requests returns it.</summary>
/// <param name="Seq">Increasing number, never reused (not even after a reset).</param>
/// <param name="RawTarget">The request target exactly as received, undecoded.</param>
/// <param name="Path">The decoded segments joined with '/' (what fault rules match against).</param>
/// <param name="Segments">The decoded path segments.</param>
/// <param name="Query">The raw query string without '?', or null.</param>
/// <param name="ApiKey">The x-api-key header value, or null.</param>
/// <param name="Status">The status sent; 0 when no response was sent (dropped or aborted); null while in flight.</param>
/// <param name="FaultApplied">Name of the fault rule applied, or null.</param>
/// <param name="Body">The request body text, or null when empty.</param>
internal sealed record RequestLogEntry(
    long Seq,
    string Method,
    string RawTarget,
    string Path,
    IReadOnlyList<string> Segments,
    string? Query,
    string? ApiKey,
    int? Status,
    string? FaultApplied,
    string? Body,
    DateTimeOffset StartedAt,
    double? DurationMs);

/// <summary>
/// Every /v1 request, in arrival order, including those rejected by auth or answered by a fault. An entry is added
/// when the request arrives and completed when it ends. The oldest entries are dropped beyond <see cref="Capacity"/>
/// so a long benchmark cannot exhaust memory.
/// </summary>
internal sealed class RequestLog
{
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Queue<Pending> _entries = new();
    private long _nextSeq;

    /// <summary>Records an arriving request; pass the returned handle to <see cref="Complete"/>.</summary>
    public Pending Begin(string method, RequestTarget target, string? apiKey, string? body, DateTimeOffset startedAt)
    {
        lock (_gate)
        {
            var slot = new Pending(new RequestLogEntry(++_nextSeq, method, target.RawTarget, target.Path, target.Segments,
                target.RawQuery, apiKey, null, null, body, startedAt, null));
            _entries.Enqueue(slot);
            while (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }

            return slot;
        }
    }

    public void Complete(Pending slot, int status, string? faultApplied, TimeSpan duration)
    {
        lock (_gate)
        {
            slot.Entry = slot.Entry with
            {
                Status = status,
                FaultApplied = faultApplied,
                DurationMs = Math.Round(duration.TotalMilliseconds, 2),
            };
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_gate)
        {
            return _entries.Select(s => s.Entry).ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>Handle of an in-flight entry, so it can be completed without searching the queue.</summary>
    public sealed class Pending(RequestLogEntry entry)
    {
        internal RequestLogEntry Entry { get; set; } = entry;
    }
}
