using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Contract;

/// <summary>What a 2xx answer of an operation carries.</summary>
internal enum ResponseKind
{
    /// <summary>A JSON body with a published schema: anything else is an invalid response.</summary>
    Documented,

    /// <summary>No body (204): whatever arrives is not read.</summary>
    NoContent,

    /// <summary>A body the published contract gives no schema. It is read as JSON when there is one, and the
    /// model takes the fields later versions of the API name and keeps every other field (see
    /// <see cref="PolyAI.Agents.Json.JsonObjectReader"/>); an empty body is allowed.</summary>
    Undocumented,
}

/// <summary>Whether a request may be sent again after an attempt that may have reached the server.</summary>
internal enum RetryClass
{
    /// <summary>Repeating it cannot do anything twice: reads (also read-only POSTs), PUT, DELETE, and PATCHes
    /// that set absolute values. Retried after 502-504, broken connections and timeouts too.</summary>
    SafeToRepeat,

    /// <summary>It may create or move something twice: repeated only when the server provably did nothing
    /// (429, a refused connection).</summary>
    NotSafeToRepeat,
}

/// <summary>How one status of one operation is reported, where the generic rule (by status and API code) would
/// mislead: a 409 on a merge is a conflict, not a duplicate.</summary>
internal sealed class StatusRule
{
    public StatusRule(PolyAiFailureKind kind, string? errorName = null)
    {
        Kind = kind;
        ErrorName = errorName;
    }

    public PolyAiFailureKind Kind { get; }

    public string? ErrorName { get; }
}

/// <summary>Marks an operation without a request body.</summary>
internal sealed class NoBody
{
    private NoBody()
    {
    }
}

/// <summary>What a 204 (or any 2xx of a <see cref="ResponseKind.NoContent"/> operation) reads as.</summary>
internal sealed class NoContent
{
    public static readonly NoContent Value = new();

    private NoContent()
    {
    }
}

/// <summary>
/// One operation of the published contract, written once: method, path template, success status, what the
/// answer carries, whether it may be repeated, and the resource its errors name. Routes, retries, the error
/// mapping, the emulator's routing and the spec test all read it from here.
/// </summary>
internal abstract class ApiOperation
{
    private const char ParameterStart = '{';

    private readonly string[] _template;

    protected ApiOperation(string id, string method, string pathTemplate, int successStatus, ResponseKind response, RetryClass retry, ResourceKind resource, string[] query)
    {
        Id = id;
        Method = new HttpMethod(method);
        PathTemplate = pathTemplate;
        SuccessStatus = successStatus;
        Response = response;
        Retry = retry;
        Resource = resource;
        QueryParameters = query;
        _template = pathTemplate.Substring(1).Split('/');
        PathParameters = _template.Where(IsParameter).Select(s => s.Substring(1, s.Length - 2)).ToArray();
    }

    /// <summary>The id the API notes give it, e.g. C7.</summary>
    public string Id { get; }

    public HttpMethod Method { get; }

    /// <summary>As the published spec writes it, e.g. /v1/agents/{agentId}/telephony/connectors/{connectorId}.</summary>
    public string PathTemplate { get; }

    public IReadOnlyList<string> PathParameters { get; }

    public IReadOnlyList<string> QueryParameters { get; }

    public int SuccessStatus { get; }

    public ResponseKind Response { get; }

    public RetryClass Retry { get; }

    /// <summary>The resource its errors name when the API's code names none.</summary>
    public ResourceKind Resource { get; }

    /// <summary>Statuses this operation reports otherwise than the generic rule.</summary>
    public IReadOnlyDictionary<int, StatusRule> StatusRules { get; init; } = new Dictionary<int, StatusRule>();

    /// <summary>The request body's contract; null when the operation takes none.</summary>
    public abstract JsonTypeInfo? RequestBody { get; }

    /// <summary>The 2xx body's contract; null when it has no schema.</summary>
    public abstract JsonTypeInfo? ResponseBody { get; }

    /// <summary>A DELETE of one resource (the path ends with its id): after a lost attempt, a retry's 404 most
    /// likely means the lost attempt deleted it.</summary>
    public bool DeletesOneResource => Method == HttpMethod.Delete && IsParameter(_template[_template.Length - 1]);

    /// <summary>The path with each value as exactly one escaped segment, so an id such as "../x", "a/b",
    /// "a?b" or "%2F" can only ever name a resource of the intended kind.</summary>
    public string Path(IReadOnlyList<string> values)
    {
        if (values.Count != PathParameters.Count)
        {
            throw new InvalidOperationException($"{Id} {PathTemplate} takes {PathParameters.Count} path values, not {values.Count}.");
        }

        var next = 0;
        return "/" + string.Join("/", _template.Select(part => IsParameter(part) ? Segment(values[next], PathParameters[next++]) : part));
    }

    /// <summary>Whether the decoded segments of a path (without the leading empty one) address this operation's
    /// template; the path values in order. Literal segments must match exactly.</summary>
    public bool TryMatch(IReadOnlyList<string> segments, out string[] values)
    {
        values = Array.Empty<string>();
        if (segments.Count != _template.Length)
        {
            return false;
        }

        var found = new List<string>(PathParameters.Count);
        for (var i = 0; i < _template.Length; i++)
        {
            if (IsParameter(_template[i]))
            {
                if (segments[i].Length == 0)
                {
                    return false;
                }

                found.Add(segments[i]);
            }
            else if (!string.Equals(_template[i], segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        values = found.ToArray();
        return true;
    }

    /// <summary>How specific the template is: literal segments count more the earlier they come, so
    /// .../connectors/batch wins over .../connectors/{connectorId}.</summary>
    internal int Specificity => _template.Select((part, i) => IsParameter(part) ? 0 : 1 << (_template.Length - i)).Sum();

    public override string ToString() => $"{Id} {Method} {PathTemplate}";

    /// <summary>Escapes one segment (RFC 3986). '+' stays literal: it is a legal path character and the API
    /// documents E.164 numbers in paths as written, e.g. /phone-numbers/+442071234567.</summary>
    internal static string Segment(string value, string name)
    {
        Identifier.EnsureValid(value, name);
        return Uri.EscapeDataString(value).Replace("%2B", "+");
    }

    private static bool IsParameter(string part) => part.Length > 2 && part[0] == ParameterStart && part[part.Length - 1] == '}';
}

/// <summary>An operation with the contracts of its request body (<see cref="NoBody"/> for none) and of its 2xx
/// body (<see cref="NoContent"/> for none), so a call cannot send or read the wrong type.</summary>
internal sealed class ApiOperation<TBody, TResponse> : ApiOperation
{
    public ApiOperation(
        string id,
        string method,
        string pathTemplate,
        int successStatus,
        ResponseKind response,
        RetryClass retry,
        ResourceKind resource,
        Func<ApiJsonContext, JsonTypeInfo<TBody>>? requestBody,
        Func<ApiJsonContext, JsonTypeInfo<TResponse>>? responseBody,
        params string[] query)
        : base(id, method, pathTemplate, successStatus, response, retry, resource, query)
    {
        _requestBody = requestBody;
        _responseBody = responseBody;
    }

    private readonly Func<ApiJsonContext, JsonTypeInfo<TBody>>? _requestBody;
    private readonly Func<ApiJsonContext, JsonTypeInfo<TResponse>>? _responseBody;

    /// <summary>From <see cref="ApiJsonContext.Wire"/>, which makes each contract once, when first asked for.</summary>
    public JsonTypeInfo<TBody>? TypedRequestBody => _requestBody?.Invoke(ApiJsonContext.Wire);

    public JsonTypeInfo<TResponse>? TypedResponseBody => _responseBody?.Invoke(ApiJsonContext.Wire);

    public override JsonTypeInfo? RequestBody => TypedRequestBody;

    public override JsonTypeInfo? ResponseBody => Response == ResponseKind.Documented ? TypedResponseBody : null;
}
