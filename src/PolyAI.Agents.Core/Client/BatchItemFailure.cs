using System;
using System.Text.RegularExpressions;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Client;

/// <summary>
/// Turns the free-text <c>error</c> of one failed batch item (C3 results, P3 errors) into a
/// <see cref="PolyAiApiException"/>. The 1.0.3 spec types it as a plain string, so the kind is read from
/// the words (or the platform code) it contains; an item failure is never an authentication failure, as
/// the key was accepted for the batch itself.
/// </summary>
internal static class BatchItemFailure
{
    // A platform code at the start of the text, e.g. "CONNECTORS_NOT_FOUND" or "PHONE_NUMBERS_NOT_FOUND: ...".
    private static readonly Regex LeadingCode = new(@"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?=$|[\s:;,.(\-])", RegexOptions.CultureInvariant);

    public static PolyAiApiException From(ApiOperation operation, string description, string? error, PolyAiFailureKind fallback, string? correlationId = null)
    {
        var text = string.IsNullOrWhiteSpace(error) ? null : error!.Trim();
        var message = text is null ? $"{description} failed; the API gave no reason." : $"{description} failed: {text}";
        if (correlationId is not null)
        {
            message += $" (correlation id {correlationId})";
        }

        var code = CodeOf(text);
        var documented = ApiErrorCodes.Find(code, null);
        var kind = documented is { Kind: not PolyAiFailureKind.Authentication and not PolyAiFailureKind.Unchanged } ? documented.Kind : Classify(text, fallback);
        return new PolyAiApiException(
            kind, description, message, documented?.Resource ?? ResourceKind.OfCode(code) ?? operation.Resource,
            apiError: new ApiError(code, text, correlationId), errorName: documented?.Kind == kind ? documented.ErrorName : null);
    }

    /// <summary>The kind a per-item error text describes; <paramref name="fallback"/> when it says nothing recognisable.</summary>
    internal static PolyAiFailureKind Classify(string? text, PolyAiFailureKind fallback)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        var words = text!.ToUpperInvariant();
        if (ContainsAny(words, "NOT_FOUND", "NOT FOUND", "DOES_NOT_EXIST", "NO SUCH"))
        {
            return PolyAiFailureKind.NotFound;
        }

        if (ContainsAny(words, "FORBIDDEN", "PERMISSION", "NO ACCESS", "ACCESS DENIED", "UNAUTHORIZED", "NOT AUTHORIZED"))
        {
            return PolyAiFailureKind.PermissionDenied;
        }

        if (ContainsAny(words, "ALREADY_EXISTS", "ALREADY EXISTS", "DUPLICATE"))
        {
            return PolyAiFailureKind.AlreadyExists;
        }

        if (ContainsAny(words, "CONFLICT"))
        {
            return PolyAiFailureKind.Conflict;
        }

        if (ContainsAny(words, "INVALID", "VALIDATION", "NOT A VALID", "MALFORMED", "MUST "))
        {
            return PolyAiFailureKind.InvalidArgument;
        }

        return fallback;
    }

    /// <summary>The platform error code the text starts with, if any (so the error id names the right resource).</summary>
    internal static string? CodeOf(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = LeadingCode.Match(text);
        return match.Success ? match.Value : null;
    }

    private static bool ContainsAny(string text, params string[] needles)
    {
        foreach (var needle in needles)
        {
            if (text.IndexOf(needle, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
