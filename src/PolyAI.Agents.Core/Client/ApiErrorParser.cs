using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PolyAI.Agents.Client;

/// <summary>
/// Reads an error body in any of the three shapes PolyAI's docs show, or makes a short clean excerpt of
/// anything else (an HTML page from a proxy, plain text):
/// 1. platform envelope: {"success":false,"error":..,"error_id":..,"error_code":..,"error_message":..,"data":null}
/// 2. nested:            {"error":{"code":..,"id":..,"message":..,"correlation_id":..}}
/// 3. validation list:   {"message":"Validation failed","errors":[{"field":..,"message":..}]}
/// </summary>
internal static class ApiErrorParser
{
    internal const int MaxExcerptLength = 200;

    public static ApiError Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return ApiError.None;
        }

        try
        {
            using var document = JsonDocument.Parse(body!);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var error = FromJson(document.RootElement);
                var conflicts = ConflictsIn(document.RootElement);
                return conflicts.Count == 0 ? error : new ApiError(error.Code, error.Message, error.CorrelationId, error.CodeId, conflicts);
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to an excerpt.
        }

        return new ApiError(null, Excerpt(body!), null);
    }

    private static ApiError FromJson(JsonElement root)
    {
        if (root.TryGetProperty("error_code", out _) || root.TryGetProperty("error_message", out _))
        {
            return new ApiError(
                String(root, "error_code"),
                String(root, "error_message") ?? String(root, "error"),
                String(root, "error_id"));
        }

        if (root.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object)
        {
            return new ApiError(String(nested, "code"), String(nested, "message"), String(nested, "correlation_id"), Integer(nested, "id"));
        }

        var message = String(root, "message") ?? String(root, "error") ?? String(root, "detail") ?? String(root, "title");
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            var details = errors.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => JoinNonEmpty(": ", String(e, "field"), String(e, "message")))
                .Where(d => d.Length > 0)
                .ToArray();
            if (details.Length > 0)
            {
                message = JoinNonEmpty(": ", message, string.Join("; ", details));
            }
        }

        return new ApiError(String(root, "code"), message, String(root, "correlation_id") ?? String(root, "error_id"));
    }

    /// <summary>The conflicts a merge failed on: an array "conflicts" at the top, in "data" or in "error", of paths
    /// (an array of segments, or one string) or of objects with such a "path". The body shape of a conflict is not
    /// published; this reads what the API introduction and later specs describe.</summary>
    private static IReadOnlyList<string> ConflictsIn(JsonElement root)
    {
        foreach (var container in new[] { root, Member(root, "data"), Member(root, "error") })
        {
            if (container is { ValueKind: JsonValueKind.Object } holder && holder.TryGetProperty("conflicts", out var conflicts) && conflicts.ValueKind == JsonValueKind.Array)
            {
                return conflicts.EnumerateArray()
                    .Select(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("path", out var path) ? PathText(path) : PathText(item))
                    .Where(path => path.Length > 0)
                    .ToList();
            }
        }

        return Array.Empty<string>();
    }

    private static JsonElement? Member(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : null;

    private static string PathText(JsonElement path) => path.ValueKind switch
    {
        JsonValueKind.Array => string.Join("/", path.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString())),
        JsonValueKind.String => path.GetString() ?? string.Empty,
        _ => string.Empty,
    };

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ToString()
            : null;

    private static int? Integer(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    private static string JoinNonEmpty(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static readonly Regex Markup = new("<(script|style)[^>]*>.*?</\\1>|<[^>]+>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Whitespace = new("\\s+", RegexOptions.CultureInvariant);

    /// <summary>Tags and control characters removed, whitespace collapsed, cut to a readable length.</summary>
    internal static string Excerpt(string body)
    {
        var text = Markup.Replace(body, " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        var printable = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            printable.Append(char.IsControl(c) ? ' ' : c);
        }

        text = Whitespace.Replace(printable.ToString(), " ").Trim();
        if (text.Length <= MaxExcerptLength)
        {
            return text;
        }

        var cut = MaxExcerptLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text.Substring(0, cut) + "…";
    }
}
