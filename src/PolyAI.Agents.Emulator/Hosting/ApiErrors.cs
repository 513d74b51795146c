using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>An API error, independent of the shape it is rendered in.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Code">Platform error code, e.g. CONNECTORS_NOT_FOUND.</param>
/// <param name="Id">Numeric id of the code (nested shape).</param>
/// <param name="Message">Human-readable message.</param>
/// <param name="Field">Request field the error is about (validation-list shape).</param>
internal sealed record ApiError(int Status, string Code, int Id, string Message, string Field)
{
    /// <summary>The paths a merge conflicts on (B4), each {path, ours, theirs, base}; null for every other error.
    /// Every error shape carries them (see <see cref="ErrorBodies"/>).</summary>
    public IReadOnlyList<object>? Conflicts { get; init; }

    /// <summary>The shape this error is always rendered in, whatever the selected one; null for the selected one.</summary>
    public ErrorShape? Shape { get; init; }
}

/// <summary>Thrown by request handling to answer with an <see cref="ApiError"/>.</summary>
internal sealed class ApiException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;
}

/// <summary>The errors of every area: authentication, agent access, validation, routing. The areas add their own.</summary>
internal static class ApiErrors
{
    /// <summary>An error with a documented platform code; its numeric id comes from <see cref="ApiErrorCodes"/>.</summary>
    public static ApiError Documented(int status, string code, string message, string field)
    {
        var documented = ApiErrorCodes.Find(code, null)
            ?? throw new InvalidOperationException($"'{code}' is not a documented platform error code (ApiErrorCodes).");
        return new ApiError(status, documented.Code, documented.Id ?? status, message, field);
    }

    public static ApiError Unauthorised(bool missing) =>
        Documented(401, "AUTH_USER_UNAUTHORISED", missing ? "The x-api-key header is missing." : "The API key is not valid.", "x-api-key");

    public static ApiError Forbidden(string agentId) =>
        Documented(403, "USER_ACCESS_FORBIDDEN", $"The API key has no access to agent '{agentId}'.", "agentId");

    public static ApiError AgentNotFound(string agentId) =>
        Documented(404, "PROJECT_NOT_FOUND", $"Agent '{agentId}' was not found.", "agentId");

    /// <summary>
    /// An error whose code the error-code reference does not list (e.g. BRANCH_NOT_FOUND): the code follows the
    /// reference's naming (the resource's prefix, then what happened), and its numeric id is the status, as for
    /// VALIDATION_ERROR. A documented code must go through <see cref="Documented"/>.
    /// </summary>
    public static ApiError Undocumented(int status, string code, string message, string field) =>
        ApiErrorCodes.Find(code, null) is null
            ? new ApiError(status, code, status, message, field)
            : throw new InvalidOperationException($"'{code}' is a documented platform error code: use ApiErrors.Documented.");

    /// <summary>
    /// The API saying that nothing changed, with a 2xx other than the row's (DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED
    /// is HTTP 200, api-notes.md §1): an error body in the envelope shape whatever the selected one, as the error-code
    /// reference shows it. Only for a documented code that means "unchanged" (the module reads it as a warning).
    /// </summary>
    public static ApiError NothingChanged(string code, string message, string field) =>
        ApiErrorCodes.Find(code, null) is { Kind: PolyAiFailureKind.Unchanged }
            ? Documented(200, code, message, field) with { Shape = ErrorShape.Envelope }
            : throw new InvalidOperationException($"'{code}' is not a documented code that says nothing changed.");

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
