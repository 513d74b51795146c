namespace PolyAI.Agents.Emulator;

/// <summary>
/// What a /v1 handler answers, before it is written. Keeping the answer as a value (rather than writing to the
/// response directly) lets fault injection run the real operation and then send something else, or half of it.
/// </summary>
internal sealed record ApiResponse(int Status, object? Payload, ApiError? Error)
{
    /// <summary>Serialise straight to the response body (large lists), instead of buffering it first.</summary>
    public bool Streamed { get; init; }

    /// <summary>Extra response headers, e.g. Allow on a 405.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static ApiResponse Ok(object payload) => new(StatusCodes.Status200OK, payload, null);

    public static ApiResponse Created(object payload) => new(StatusCodes.Status201Created, payload, null);

    public static ApiResponse OkStreamed(object payload) => new(StatusCodes.Status200OK, payload, null) { Streamed = true };

    public static ApiResponse Fail(ApiError error) => new(error.Status, null, error);
}
