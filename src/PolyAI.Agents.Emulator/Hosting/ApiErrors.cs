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

/// <summary>An API error, independent of the shape it is rendered in.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Code">Platform error code, e.g. CONNECTORS_NOT_FOUND.</param>
/// <param name="Id">Numeric id of the code (nested shape).</param>
/// <param name="Message">Human-readable message.</param>
/// <param name="Field">Request field the error is about (validation-list shape).</param>
internal sealed record ApiError(int Status, string Code, int Id, string Message, string Field);

/// <summary>Thrown by request handling to answer with an <see cref="ApiError"/>.</summary>
internal sealed class ApiException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;
}

/// <summary>Every error the emulator can answer with.</summary>
internal static class ApiErrors
{
    public static ApiError ConnectorNotFound(string connectorId) =>
        new(404, "CONNECTORS_NOT_FOUND", 14100, $"Connector '{connectorId}' was not found.", "connectorId");

    public static ApiError ConnectorValidationFailed(string field, string message) =>
        new(400, "CONNECTORS_VALIDATION_FAILED", 14101, message, field);

    public static ApiError PhoneNumberNotFound(string number, string? detail = null) =>
        new(404, "PHONE_NUMBERS_NOT_FOUND", 14006, detail ?? $"Phone number '{number}' was not found.", "phoneNumber");

    public static ApiError PhoneNumberAlreadyExists(string number) =>
        new(409, "PHONE_NUMBERS_ALREADY_EXISTS", 14007, $"Phone number '{number}' already exists.", "phoneNumber");

    public static ApiError InvalidPhoneNumberFormat(string field, string number) =>
        new(400, "PHONE_NUMBERS_INVALID_PHONE_NUMBER_FORMAT", 14003, $"'{number}' is not a valid E.164 phone number.", field);

    public static ApiError PhoneConnectorDoesNotExist(string connectorId) =>
        new(404, "PHONE_NUMBERS_CONNECTOR_DOES_NOT_EXIST", 14005, $"Connector '{connectorId}' does not exist.", "connectorId");

    public static ApiError InvalidApiKey(bool missing) =>
        new(401, "AUTH_INVALID_API_KEY", 3001, missing ? "The x-api-key header is missing." : "The API key is not valid.", "x-api-key");

    public static ApiError Forbidden(string agentId) =>
        new(403, "AUTH_FORBIDDEN", 3, $"The API key has no access to agent '{agentId}'.", "agentId");

    public static ApiError AgentNotFound(string agentId) =>
        new(404, "AGENTS_NOT_FOUND", 1004, $"Agent '{agentId}' was not found.", "agentId");

    public static ApiError Validation(string field, string message) =>
        new(400, "VALIDATION_ERROR", 400, message, field);

    public static ApiError RouteNotFound(string method, string rawTarget) =>
        new(404, "NOT_FOUND", 404, $"No route matches {method} '{rawTarget}'.", "path");

    public static ApiError MethodNotAllowed(string method, IEnumerable<string> allowed) =>
        new(405, "METHOD_NOT_ALLOWED", 405, $"Method {method} is not allowed here; allowed: {string.Join(", ", allowed)}.", "method");

    public static ApiError Internal(string message) =>
        new(500, "INTERNAL_ERROR", 500, message, "");

    public static ApiError InjectedFault(int status, string faultName) =>
        new(status, "EMULATOR_INJECTED_FAULT", status, $"Fault '{faultName}' injected by the emulator.", "");
}

/// <summary>Renders an <see cref="ApiError"/> as the JSON body of the selected <see cref="ErrorShape"/>.</summary>
internal static class ErrorBodies
{
    public static object Render(ApiError error, ErrorShape shape, string correlationId) => shape switch
    {
        ErrorShape.Nested => new NestedErrorBody(new NestedError(error.Code, error.Id, error.Message, correlationId)),
        // The documented example has one fixed top-level message; the specific one is in errors[0].
        ErrorShape.Validation => new ValidationErrorBody("Validation failed", [new ValidationErrorItem(error.Field, error.Message)]),
        _ => new EnvelopeErrorBody(false, ReasonPhrase(error.Status), correlationId, error.Code, error.Message, null),
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

    private sealed record NestedErrorBody(NestedError Error);

    private sealed record NestedError(
        string Code,
        int Id,
        string Message,
        [property: JsonPropertyName("correlation_id")] string CorrelationId);

    private sealed record ValidationErrorBody(string Message, IReadOnlyList<ValidationErrorItem> Errors);

    private sealed record ValidationErrorItem(string Field, string Message);
}
