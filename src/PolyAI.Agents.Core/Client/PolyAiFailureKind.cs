namespace PolyAI.Agents.Client;

/// <summary>What went wrong with a call, independent of how PowerShell reports it.</summary>
public enum PolyAiFailureKind
{
    /// <summary>400 or 422: the request was refused as invalid (or the client refused it before sending).</summary>
    InvalidArgument,
    /// <summary>401: the API key is missing, wrong or revoked.</summary>
    Authentication,
    /// <summary>403: the key may not act on this resource.</summary>
    PermissionDenied,
    /// <summary>404: the resource does not exist.</summary>
    NotFound,
    /// <summary>409 for a duplicate: a resource with that name or id already exists.</summary>
    AlreadyExists,
    /// <summary>409 for a state conflict, e.g. a merge of a branch whose base has moved on.</summary>
    Conflict,
    /// <summary>412: a required earlier step is missing, e.g. promoting to live before pre-release.</summary>
    PreconditionFailed,
    /// <summary>A valid request the resource's current state does not allow, e.g. removing the default variant.</summary>
    InvalidOperation,
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
    /// <summary>Not a failure: a 2xx that says the request changed nothing, because the target already was
    /// in the requested state (publishing the version an environment already runs).</summary>
    Unchanged,
}
