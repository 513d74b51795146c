using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Client;

/// <summary>
/// The stable error names: the resource and what happened (ConnectorNotFound, PhoneNumberAlreadyExists) for
/// failures about a resource; one PolyAi* name for those about the transport or the key, whatever the resource.
/// </summary>
internal static class ErrorNames
{
    public static string For(PolyAiFailureKind kind, ResourceKind? resource) => kind switch
    {
        PolyAiFailureKind.Authentication => "PolyAiAuthenticationFailed",
        PolyAiFailureKind.RateLimited => "PolyAiRateLimited",
        PolyAiFailureKind.ServerError => "PolyAiServerError",
        PolyAiFailureKind.Connection => "PolyAiConnectionFailed",
        PolyAiFailureKind.Timeout => "PolyAiTimeout",
        PolyAiFailureKind.InvalidResponse => "PolyAiInvalidResponse",
        PolyAiFailureKind.Rejected => "PolyAiRequestRejected",
        _ => (resource?.Name ?? "PolyAi") + Suffix(kind),
    };

    private static string Suffix(PolyAiFailureKind kind) => kind switch
    {
        PolyAiFailureKind.PermissionDenied => "AccessDenied",
        _ => kind.ToString(),
    };
}
