using System;
using System.Management.Automation;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// The one mapping from client failures to ErrorRecords. FullyQualifiedErrorId is stable and names the
/// resource and what happened (ConnectorNotFound, PhoneNumberAlreadyExists, PolyAiRateLimited, ...), so
/// runbooks can branch on it; ErrorDetails carries the API's message, code and correlation id.
/// </summary>
internal static class ErrorRecords
{
    public const string NotConnectedId = "PolyAiNotConnected";
    public const string AuthenticationFailedId = "PolyAiAuthenticationFailed";

    public static ErrorRecord FromApi(PolyAiApiException ex, string resource, object? target)
    {
        var subject = SubjectOf(ex.ApiError.Code) ?? resource;
        var (errorId, category, action) = ex.Kind switch
        {
            PolyAiFailureKind.NotFound => (subject + "NotFound", ErrorCategory.ObjectNotFound, NotFoundAdvice(subject)),
            PolyAiFailureKind.PermissionDenied => (subject + "AccessDenied", ErrorCategory.PermissionDenied, "Use an API key of the workspace that owns this agent."),
            PolyAiFailureKind.InvalidArgument => (subject + "InvalidArgument", ErrorCategory.InvalidArgument, "Correct the value the API refused and run the command again."),
            PolyAiFailureKind.Conflict => (subject + "AlreadyExists", ErrorCategory.ResourceExists, $"The {Words(subject)} already exists or is in a conflicting state."),
            PolyAiFailureKind.Authentication => (AuthenticationFailedId, ErrorCategory.AuthenticationError, "Run Connect-PolyAi with a valid API key for this region."),
            PolyAiFailureKind.RateLimited => ("PolyAiRateLimited", ErrorCategory.LimitsExceeded, "The API is throttling this key; run fewer requests at once or try again later."),
            PolyAiFailureKind.ServerError => ("PolyAiServerError", ErrorCategory.ConnectionError, "The API failed; try again later and quote the correlation id to PolyAI support if it persists."),
            PolyAiFailureKind.Connection => ("PolyAiConnectionFailed", ErrorCategory.ConnectionError, "Check the network path to the API (proxy, DNS, firewall) and the region or -BaseUri."),
            PolyAiFailureKind.Timeout => ("PolyAiTimeout", ErrorCategory.OperationTimeout, "Try again, or raise the limit with Connect-PolyAi -TimeoutSec."),
            PolyAiFailureKind.InvalidResponse => ("PolyAiInvalidResponse", ErrorCategory.InvalidResult, "The API (or a proxy in between) sent something unexpected; try again."),
            PolyAiFailureKind.RemovalUnconfirmed => (subject + "RemovalUnconfirmed", ErrorCategory.InvalidResult, $"Confirm with Get-PolyAi{subject} that it is gone; what the API reported for the lost attempt cannot be recovered."),
            _ => ("PolyAiRequestRejected", ErrorCategory.InvalidOperation, "The API refused the request."),
        };

        return new ErrorRecord(ex, errorId, category, target)
        {
            ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = action },
        };
    }

    /// <summary>An item a batch read did not find: the same error a 404 for it alone would give.
    /// <paramref name="noun"/> is how messages name the resource, e.g. "phone number".</summary>
    public static ErrorRecord NotFoundInBatch(string resource, string noun, string agentId, string key) => FromApi(
        new PolyAiApiException(
            PolyAiFailureKind.NotFound,
            $"Get {noun} '{key}' of agent '{agentId}'",
            $"{char.ToUpperInvariant(noun[0])}{noun.Substring(1)} '{key}' was not found in agent '{agentId}'."),
        resource,
        key);

    public static ErrorRecord InvalidInput(string message, string errorId, object? target) =>
        new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

    public static ErrorRecord NotConnected() =>
        new(
            new InvalidOperationException("Not connected to PolyAI. Run Connect-PolyAi -ApiKey <key> -Region us|uk|eu (or set POLYAI_API_KEY) first, or pass -Session."),
            NotConnectedId,
            ErrorCategory.AuthenticationError,
            null);

    /// <summary>The resource an API error code is about, when the API said so.</summary>
    private static string? SubjectOf(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        if (code!.StartsWith("CONNECTORS_", StringComparison.Ordinal) || code.StartsWith("PHONE_NUMBERS_CONNECTOR_", StringComparison.Ordinal))
        {
            return "Connector";
        }

        if (code.StartsWith("PHONE_NUMBERS_", StringComparison.Ordinal))
        {
            return "PhoneNumber";
        }

        return code.StartsWith("AGENTS_", StringComparison.Ordinal) ? "Agent" : null;
    }

    private static string NotFoundAdvice(string subject) => subject == "Agent"
        ? "Check the agent id: it is the Agent Studio project id, e.g. PROJECT-58RP822I."
        : $"Check the {Words(subject)} and the agent id; Get-PolyAi{subject} -AgentId <id> lists what exists.";

    private static string Words(string subject) => subject switch
    {
        "PhoneNumber" => "phone number",
        _ => subject.ToLowerInvariant(),
    };
}
