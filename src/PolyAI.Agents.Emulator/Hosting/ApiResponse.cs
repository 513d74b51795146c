namespace PolyAI.Agents.Emulator;

/// <summary>
/// What a /v1 request is answered with, before it is written. Keeping the answer as a value (rather than writing to
/// the response directly) lets fault injection run the real operation and then send something else, or half of it.
/// </summary>
internal sealed record ApiResponse(int Status, object? Payload, ApiError? Error)
{
    /// <summary>Serialise straight to the response body (large lists), instead of buffering it first.</summary>
    public bool Streamed { get; init; }

    /// <summary>Extra response headers, e.g. Allow on a 405.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>True unless the status forbids a body (204, 304).</summary>
    public static bool CanHaveBody(int status) => status is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified);

    public static ApiResponse Success(int status, object? payload) => new(status, payload, null);

    public static ApiResponse Fail(ApiError error) => new(error.Status, null, error);
}
