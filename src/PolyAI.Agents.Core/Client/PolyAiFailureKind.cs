namespace PolyAI.Agents.Client;

/// <summary>What went wrong with a call, independent of how PowerShell reports it.</summary>
public enum PolyAiFailureKind
{
    /// <summary>400 or 422: the request was refused as invalid.</summary>
    InvalidArgument,
    /// <summary>401: the API key is missing, wrong or revoked.</summary>
    Authentication,
    /// <summary>403: the key may not act on this resource.</summary>
    PermissionDenied,
    /// <summary>404: the resource does not exist.</summary>
    NotFound,
    /// <summary>409: the resource already exists or is in a conflicting state.</summary>
    Conflict,
    /// <summary>429 that outlasted the retries.</summary>
    RateLimited,
    /// <summary>Another 4xx the API does not document for the operation.</summary>
    Rejected,
    /// <summary>5xx that outlasted the retries.</summary>
    ServerError,
    /// <summary>The server could not be reached or the connection broke.</summary>
    Connection,
    /// <summary>The request did not finish within the session's timeout.</summary>
    Timeout,
    /// <summary>A 2xx whose body is not the documented JSON.</summary>
    InvalidResponse,
    /// <summary>A DELETE whose response was lost was retried and the retry found nothing to delete: the
    /// resource is most likely gone, but what the API reported for the first attempt is lost.</summary>
    RemovalUnconfirmed,
}
