using System;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// The one mapping from client failures to ErrorRecords. FullyQualifiedErrorId starts with the failure's stable
/// name (ConnectorNotFound, PhoneNumberAlreadyExists, PolyAiRateLimited, ...: see ErrorNames in the core), so
/// runbooks can branch on it; the category follows the kind; ErrorDetails carries the API's message, code and
/// correlation id, and what to do about it.
/// </summary>
internal static class ErrorRecords
{
    public const string NotConnectedId = "PolyAiNotConnected";

    public static ErrorRecord FromApi(PolyAiApiException ex, object? target) =>
        new(ex, ex.ErrorName, CategoryOf(ex.Kind), target)
        {
            ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = AdviceFor(ex) },
        };

    /// <summary>An item a batch read did not find: the same error a 404 for it alone would give.</summary>
    public static ErrorRecord NotFoundInBatch(ResourceKind resource, string agentId, string key) =>
        NotFoundInList(resource, $"agent '{agentId}'", key);

    /// <summary>An item asked for by id that a list (or batch) read did not contain: the error a 404 would give.
    /// <paramref name="where"/> says what was searched, e.g. "agent 'A'" or "branch 'b' of agent 'A'".</summary>
    public static ErrorRecord NotFoundInList(ResourceKind resource, string where, string key) => FromApi(
        new PolyAiApiException(
            PolyAiFailureKind.NotFound,
            $"Get {resource.Noun} '{key}' of {where}",
            $"{char.ToUpperInvariant(resource.Noun[0])}{resource.Noun.Substring(1)} '{key}' was not found in {where}.",
            resource),
        key);

    /// <summary>The default variant, read before the removal: the error the API's 26003 would give, before anything is sent.</summary>
    public static ErrorRecord DefaultVariantNotRemovable(Variant variant)
    {
        var code = ApiErrorCodes.RemoveDefaultVariant;
        return FromApi(
            PolyAiApiException.Refused(
                code,
                $"Delete variant '{variant.VariantId}' of branch '{variant.BranchId}' of agent '{variant.AgentId}'",
                $"Variant '{variant.Name}' ({variant.VariantId}) is the default variant of branch '{variant.BranchId}' of agent '{variant.AgentId}'; the default cannot be removed."),
            variant.VariantId);
    }

    public static ErrorRecord InvalidInput(string message, string errorId, object? target) =>
        new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

    public static ErrorRecord NotConnected() =>
        new(
            new InvalidOperationException("Not connected to PolyAI. Run Connect-PolyAi -ApiKey <key> -Region us|uk|eu (or set POLYAI_API_KEY) first, or pass -Session."),
            NotConnectedId,
            ErrorCategory.AuthenticationError,
            null);

    private static ErrorCategory CategoryOf(PolyAiFailureKind kind) => kind switch
    {
        PolyAiFailureKind.InvalidArgument => ErrorCategory.InvalidArgument,
        PolyAiFailureKind.Authentication => ErrorCategory.AuthenticationError,
        PolyAiFailureKind.PermissionDenied => ErrorCategory.PermissionDenied,
        PolyAiFailureKind.NotFound => ErrorCategory.ObjectNotFound,
        PolyAiFailureKind.AlreadyExists => ErrorCategory.ResourceExists,
        PolyAiFailureKind.Conflict => ErrorCategory.WriteError,
        PolyAiFailureKind.RateLimited => ErrorCategory.LimitsExceeded,
        PolyAiFailureKind.ServerError or PolyAiFailureKind.Connection => ErrorCategory.ConnectionError,
        PolyAiFailureKind.Timeout => ErrorCategory.OperationTimeout,
        PolyAiFailureKind.InvalidResponse or PolyAiFailureKind.RemovalUnconfirmed => ErrorCategory.InvalidResult,
        _ => ErrorCategory.InvalidOperation,
    };

    private static string AdviceFor(PolyAiApiException ex)
    {
        var resource = ex.ResourceKind;
        var noun = resource?.Noun ?? "resource";
        return ex.Kind switch
        {
            PolyAiFailureKind.Conflict when ex.ApiError.Conflicts.Count > 0 =>
                $"Resolve each conflicting path with -Resolution, e.g. -Resolution {string.Join(", ", ex.ApiError.Conflicts.Select(path => $"@{{ Path = '{path}'; Strategy = 'ours' }}"))} ('ours' keeps the branch's version, 'theirs' main's, 'base' the version both started from), or change the branch and merge again.",
            _ when ex.ErrorName == ApiErrorCodes.RemoveDefaultVariant.ErrorName =>
                "A branch with variants always has one default: make another variant the default first (Set-PolyAiVariant -VariantId <id> -Default).",
            _ when ex.ErrorName == ApiErrorCodes.ConfigValueInvalid.ErrorName =>
                "Correct the values named to satisfy the page's schema ((Get-PolyAiRealTimeConfig -AgentId <id> -ClientEnv <env>).Schema), or, for a schema the module cannot read, use -SkipValidation to leave the check to the API.",
            PolyAiFailureKind.NotFound when resource == ResourceKind.Agent => "Check the agent id: it is the Agent Studio project id, e.g. PROJECT-58RP822I.",
            PolyAiFailureKind.NotFound => $"Check the {noun} and the agent id; {resource?.ListCommand ?? "Get-PolyAiAgent"} lists what exists.",
            PolyAiFailureKind.PermissionDenied => "Use an API key of the workspace that owns this agent.",
            PolyAiFailureKind.InvalidArgument => "Correct the value the API refused and run the command again.",
            PolyAiFailureKind.AlreadyExists => $"The {noun} already exists; {resource?.ListCommand ?? "Get-PolyAiAgent"} shows it.",
            PolyAiFailureKind.Conflict => $"The {noun} changed in a way that conflicts with this request; read it again and decide how to resolve the conflict.",
            PolyAiFailureKind.PreconditionFailed => "An earlier step this request depends on has not been done yet; do it first.",
            PolyAiFailureKind.InvalidOperation => $"The {noun} is not in a state that allows this; change that first.",
            PolyAiFailureKind.Authentication => "Run Connect-PolyAi with a valid API key for this region.",
            PolyAiFailureKind.RateLimited => "The API is throttling this key; run fewer requests at once or try again later.",
            PolyAiFailureKind.ServerError => "The API failed; try again later and quote the correlation id to PolyAI support if it persists.",
            PolyAiFailureKind.Connection => "Check the network path to the API (proxy, DNS, firewall) and the region or -BaseUri.",
            PolyAiFailureKind.Timeout => "Try again, or raise the limit with Connect-PolyAi -TimeoutSec.",
            PolyAiFailureKind.InvalidResponse => "The API (or a proxy in between) sent something unexpected; try again.",
            PolyAiFailureKind.RemovalUnconfirmed => $"Confirm with {resource?.ListCommand ?? "Get-PolyAiAgent"} that it is gone; what the API reported for the lost attempt cannot be recovered.",
            _ => "The API refused the request.",
        };
    }
}
