using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Client;

/// <summary>
/// A request of the escape hatch (Invoke-PolyAiRequest): any method and any path of the API under /v1/, sent with
/// the session's host and key only. The path is checked before anything is sent: a URI, a host of its own ("//x"),
/// "." or ".." segments, a query or fragment in it are refused, so the key can go nowhere else. Each segment is
/// escaped as the table's paths are. Where the method and path are an operation of the table, that row decides the
/// retries, the error names and the success status; elsewhere only GET, HEAD, OPTIONS, PUT and DELETE are repeated.
/// </summary>
internal sealed class RawRequest
{
    private static readonly string[] RepeatableMethods = { "GET", "HEAD", "OPTIONS", "PUT", "DELETE" };

    private RawRequest(ApiOperation operation, bool inTable, string path, string query, byte[]? body, string method)
    {
        Operation = operation;
        InTable = inTable;
        Path = path;
        Query = query;
        Body = body;
        Method = method;
    }

    /// <summary>The operation of the table it is, or one made for it.</summary>
    public ApiOperation Operation { get; }

    /// <summary>True when the method and path are an operation of the table.</summary>
    public bool InTable { get; }

    public string Method { get; }

    /// <summary>The path as sent, each segment escaped: /v1/agents/PROJECT-1/telephony/connectors.</summary>
    public string Path { get; }

    /// <summary>"?a=1&amp;b=2", or empty.</summary>
    public string Query { get; }

    public byte[]? Body { get; }

    /// <summary>"GET /v1/agents/A/deployments/active (D2)" for What-if and messages.</summary>
    public override string ToString() => $"{Method} {Path}{Query}{(InTable ? $" ({Operation.Id})" : "")}";

    /// <param name="method">Any HTTP method, any casing.</param>
    /// <param name="path">/v1/... (or v1/...).</param>
    /// <param name="query">Name -> value; a list gives the name once per item; null values are left out.</param>
    /// <param name="body">The JSON to send, or null for none; sent as written ('+' stays '+', as the API documents it).</param>
    public static RawRequest Create(string method, string path, IEnumerable<KeyValuePair<string, object?>>? query, JsonElement? body)
    {
        if (string.IsNullOrWhiteSpace(method) || method.Any(c => !char.IsLetter(c)))
        {
            throw new ArgumentException($"'{method}' is not an HTTP method.");
        }

        var normalizedMethod = method.Trim().ToUpperInvariant();
        var segments = Segments(path);
        var match = ApiOperations.Find(normalizedMethod, segments, out _);
        var escaped = "/" + string.Join("/", segments.Select(segment => ApiOperation.Segment(segment, "path segment")));
        var operation = match ?? new ApiOperation<JsonElement, JsonElement>(
            "request", normalizedMethod, escaped, 200, ResponseKind.Undocumented,
            RepeatableMethods.Contains(normalizedMethod) ? RetryClass.SafeToRepeat : RetryClass.NotSafeToRepeat,
            ResourceKind.Request, null, null);
        return new RawRequest(operation, match is not null, escaped, QueryString(query), body is { } json ? System.Text.Encoding.UTF8.GetBytes(json.GetRawText()) : null, normalizedMethod);
    }

    private static IReadOnlyList<string> Segments(string path)
    {
        var text = (path ?? "").Trim();
        if (text.Contains("://") || text.StartsWith("//", StringComparison.Ordinal) || text.Contains('\\'))
        {
            throw new ArgumentException($"'{path}' is not a path of the API: Invoke-PolyAiRequest takes a relative path such as /v1/agents, and sends it only to the session's host (the key goes nowhere else).");
        }

        if (text.IndexOfAny(new[] { '?', '#' }) >= 0)
        {
            throw new ArgumentException($"The path '{path}' has a query or fragment in it: give the query with -Query.");
        }

        var segments = text.TrimStart('/').Split('/').Select(Uri.UnescapeDataString).ToList();
        if (segments.Count < 2 || segments[0] != "v1")
        {
            throw new ArgumentException($"'{path}' is not a path of the API: it starts with /v1/, e.g. /v1/agents/PROJECT-1/deployments/active.");
        }

        if (segments.Any(segment => !Identifier.IsValid(segment)))
        {
            throw new ArgumentException($"The path '{path}' has an empty, '.' or '..' segment: each segment names one resource.");
        }

        return segments;
    }

    private static string QueryString(IEnumerable<KeyValuePair<string, object?>>? query)
    {
        var pairs = new List<string>();
        foreach (var pair in query ?? Enumerable.Empty<KeyValuePair<string, object?>>())
        {
            var values = pair.Value is IEnumerable list and not string ? list.Cast<object?>() : new[] { pair.Value };
            pairs.AddRange(values.Where(v => v is not null).Select(v => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(Text(v!))}"));
        }

        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }

    private static string Text(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        DateTime time => time.ToString("o", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("o", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>What the API answered to a <see cref="RawRequest"/>: the status and the body's text (empty for none).</summary>
internal sealed class RawResponse(int status, string text)
{
    public int Status { get; } = status;

    public string Text { get; } = text;
}
