namespace PolyAI.Agents.Emulator;

/// <summary>
/// The request target exactly as the client sent it, split into path segments. Routing uses these segments,
/// never <c>HttpRequest.Path</c>: Kestrel has already resolved dot segments there and leaves <c>%2F</c> ambiguous.
/// Each raw segment is decoded once with <see cref="Uri.UnescapeDataString(string)"/>, so <c>a%2Fb</c> is the one
/// segment "a/b", <c>%252F</c> becomes "%2F", and a literal '+' stays '+'.
/// </summary>
internal sealed record RequestTarget(
    string RawTarget,
    string? RawQuery,
    IReadOnlyList<string> RawSegments,
    IReadOnlyList<string> Segments)
{
    /// <summary>The decoded segments joined with '/', with a leading '/'. Fault rules match against this.</summary>
    public string Path { get; } = "/" + string.Join('/', Segments);

    /// <summary>True when a segment is an unescaped "." or ".." (escaped dots are ordinary segment text).</summary>
    public bool HasDotSegment => RawSegments.Any(s => s is "." or "..");

    public static RequestTarget Parse(string rawTarget)
    {
        var path = rawTarget;

        // Absolute-form ("GET http://host/v1/... HTTP/1.1"): keep what follows the authority.
        var schemeEnd = path.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && !path.StartsWith('/'))
        {
            var pathStart = path.IndexOf('/', schemeEnd + 3);
            path = pathStart < 0 ? "/" : path[pathStart..];
        }

        string? query = null;
        var queryStart = path.IndexOf('?', StringComparison.Ordinal);
        if (queryStart >= 0)
        {
            query = path[(queryStart + 1)..];
            path = path[..queryStart];
        }

        var rawSegments = (path.StartsWith('/') ? path[1..] : path).Split('/');
        var segments = rawSegments.Select(Uri.UnescapeDataString).ToArray();
        return new RequestTarget(rawTarget, query, rawSegments, segments);
    }
}
