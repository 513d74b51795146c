using System.Linq;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Client;

/// <summary>
/// What a non-2xx answer means, in one place. 401, 429 and 5xx mean what they always mean. Otherwise a
/// documented API code decides (<see cref="ApiErrorCodes"/>), then the operation's own rule for the status
/// (<see cref="ApiOperation.StatusRules"/>), then the status; an error that lists conflicts is the operation's
/// conflict, whatever its status (a merge answers 409 or, in later specs, 400 with the conflicts). The resource is
/// the code's, else the operation's.
/// </summary>
internal static class FailureRules
{
    public static (PolyAiFailureKind Kind, ResourceKind Resource, string? ErrorName) Classify(ApiOperation operation, int status, ApiError error)
    {
        var code = ApiErrorCodes.Find(error.Code, error.CodeId);
        var resource = code?.Resource ?? ResourceKind.OfCode(error.Code) ?? operation.Resource;
        if (status is 401 or 429 or >= 500)
        {
            return (KindOf(status), resource, null);
        }

        if (error.Conflicts.Count > 0 && operation.StatusRules.Values.FirstOrDefault(r => r.Kind == PolyAiFailureKind.Conflict) is { } conflict)
        {
            return (PolyAiFailureKind.Conflict, resource, conflict.ErrorName);
        }

        if (code is not null && code.Kind != PolyAiFailureKind.Authentication)
        {
            return (code.Kind, resource, code.ErrorName);
        }

        return operation.StatusRules.TryGetValue(status, out var rule)
            ? (rule.Kind, resource, rule.ErrorName)
            : (KindOf(status), resource, null);
    }

    /// <summary>The meaning of a status alone. 409 is a duplicate: what the error-code reference says it means.</summary>
    public static PolyAiFailureKind KindOf(int status) => status switch
    {
        400 or 422 => PolyAiFailureKind.InvalidArgument,
        401 => PolyAiFailureKind.Authentication,
        403 => PolyAiFailureKind.PermissionDenied,
        404 => PolyAiFailureKind.NotFound,
        409 => PolyAiFailureKind.AlreadyExists,
        412 => PolyAiFailureKind.PreconditionFailed,
        429 => PolyAiFailureKind.RateLimited,
        >= 500 => PolyAiFailureKind.ServerError,
        _ => PolyAiFailureKind.Rejected,
    };
}
