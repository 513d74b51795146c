using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace PolyAI.Agents.Emulator;

/// <summary>The three error body shapes the public docs show (api-notes.md §1, "Error body").</summary>
internal enum ErrorShape
{
    /// <summary><c>{"success":false,"error":...,"error_id":...,"error_code":...,"error_message":...,"data":null}</c></summary>
    Envelope,

    /// <summary><c>{"error":{"code":...,"id":...,"message":...,"correlation_id":...}}</c></summary>
    Nested,

    /// <summary><c>{"message":"Validation failed","errors":[{"field":...,"message":...}]}</c></summary>
    Validation,
}

/// <summary>Renders an <see cref="ApiError"/> as the JSON body of the selected <see cref="ErrorShape"/>.</summary>
internal static class ErrorBodies
{
    /// <remarks>A merge conflict's list (<see cref="ApiError.Conflicts"/>) is the envelope's <c>data.conflicts</c>;
    /// the nested and validation shapes have no data field, so there it is a top-level <c>conflicts</c>.</remarks>
    public static object Render(ApiError error, ErrorShape shape, string correlationId) => shape switch
    {
        ErrorShape.Nested => new NestedErrorBody(new NestedError(error.Code, error.Id, error.Message, correlationId), error.Conflicts),
        // The documented example has one fixed top-level message; the specific one is in errors[0].
        ErrorShape.Validation => new ValidationErrorBody("Validation failed", [new ValidationErrorItem(error.Field, error.Message)], error.Conflicts),
        _ => new EnvelopeErrorBody(false, ReasonPhrase(error.Status), correlationId, error.Code, error.Message,
            error.Conflicts is { } conflicts ? new ConflictData(conflicts) : null),
    };

    private static string ReasonPhrase(int status)
    {
        var phrase = ReasonPhrases.GetReasonPhrase(status);
        return phrase.Length > 0 ? phrase : $"HTTP {status}";
    }

    private sealed record EnvelopeErrorBody(
        bool Success,
        string Error,
        [property: JsonPropertyName("error_id")] string ErrorId,
        [property: JsonPropertyName("error_code")] string ErrorCode,
        [property: JsonPropertyName("error_message")] string ErrorMessage,
        object? Data);

    private sealed record ConflictData(IReadOnlyList<object> Conflicts);

    private sealed record NestedErrorBody(
        NestedError Error,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<object>? Conflicts);

    private sealed record NestedError(
        string Code,
        int Id,
        string Message,
        [property: JsonPropertyName("correlation_id")] string CorrelationId);

    private sealed record ValidationErrorBody(
        string Message,
        IReadOnlyList<ValidationErrorItem> Errors,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<object>? Conflicts);

    private sealed record ValidationErrorItem(string Field, string Message);
}
