using System.Text.Json.Serialization;

namespace PolyAI.Agents.Emulator;

/// <summary>What a fault rule does once its optional delay has passed.</summary>
internal enum FaultKind
{
    /// <summary>Only <c>delayMs</c>: the request is then handled normally.</summary>
    DelayOnly,

    /// <summary><c>status</c> and/or <c>body</c>: that response is sent instead of the real one.</summary>
    Replace,

    /// <summary><c>truncate</c>: the real response, cut to the first half of its body, with a matching Content-Length.</summary>
    Truncate,

    /// <summary><c>drop</c>, or <c>afterHandler</c> alone: the connection is aborted without a response.</summary>
    Drop,
}

/// <summary>Body of POST /_emulator/faults. Unknown properties are rejected so a typo does not silently match everything.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record FaultRuleRequest
{
    public string? Name { get; init; }

    public string? Method { get; init; }

    public string? PathContains { get; init; }

    public int? Times { get; init; }

    public int? Status { get; init; }

    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? RetryAfter { get; init; }

    public string? ContentType { get; init; }

    public string? Body { get; init; }

    public int? DelayMs { get; init; }

    public bool? Truncate { get; init; }

    public bool? Drop { get; init; }

    public bool? AfterHandler { get; init; }
}

/// <summary>A validated fault rule. <see cref="Times"/> 0 means unlimited; <see cref="Used"/> counts applications.</summary>
internal sealed record FaultRule(
    int Id,
    string Name,
    string? Method,
    string? PathContains,
    int Times,
    int? Status,
    string? RetryAfter,
    string? ContentType,
    string? Body,
    int DelayMs,
    bool Truncate,
    bool Drop,
    bool AfterHandler,
    FaultKind Kind)
{
    public const int DefaultReplaceStatus = 500;

    public int Used { get; init; }

    public bool IsUsedUp => Times > 0 && Used >= Times;

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
        (PathContains is null || path.Contains(PathContains, StringComparison.Ordinal));
}

/// <summary>The ordered list of fault rules. The first matching rule that is not used up applies (and is counted).</summary>
internal sealed class FaultRegistry
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private int _nextId;

    /// <summary>Validates and appends a rule. Throws <see cref="ControlRequestException"/> for an invalid rule.</summary>
    public FaultRule Add(FaultRuleRequest request)
    {
        var rule = Validate(request);
        lock (_gate)
        {
            _nextId++;
            rule = rule with { Id = _nextId, Name = NullIfEmpty(request.Name) ?? $"fault-{_nextId}" };
            _rules.Add(rule);
            return rule;
        }
    }

    /// <summary>The rule to apply to this request, already counted as used; null when none matches.</summary>
    public FaultRule? TryConsume(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (!rule.IsUsedUp && rule.Matches(method, path))
                {
                    _rules[i] = rule with { Used = rule.Used + 1 };
                    return _rules[i];
                }
            }

            return null;
        }
    }

    public IReadOnlyList<FaultRule> List()
    {
        lock (_gate)
        {
            return _rules.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    private static FaultRule Validate(FaultRuleRequest request)
    {
        static ControlRequestException Invalid(string message) => new($"Invalid fault rule: {message}");

        var times = request.Times ?? 1;
        if (times < 0)
        {
            throw Invalid("'times' must be 0 (unlimited) or more.");
        }

        if (request.Status is { } status && (status < 200 || status > 599))
        {
            throw Invalid("'status' must be between 200 and 599.");
        }

        var delayMs = request.DelayMs ?? 0;
        if (delayMs < 0)
        {
            throw Invalid("'delayMs' must not be negative.");
        }

        var drop = request.Drop ?? false;
        var truncate = request.Truncate ?? false;
        var afterHandler = request.AfterHandler ?? false;
        var replaces = request.Status is not null || request.Body is not null;

        if (drop && (replaces || truncate))
        {
            throw Invalid("'drop' sends no response, so it cannot be combined with 'status', 'body' or 'truncate'.");
        }

        if (truncate && replaces)
        {
            throw Invalid("'truncate' cuts the real response, so it cannot be combined with 'status' or 'body'.");
        }

        if (request.ContentType is not null && !replaces)
        {
            throw Invalid("'contentType' only applies to a replaced response ('status' or 'body').");
        }

        if (request.RetryAfter is not null && !replaces && !truncate)
        {
            throw Invalid("'retryAfter' needs a response to carry it ('status', 'body' or 'truncate').");
        }

        var kind = drop ? FaultKind.Drop
            : replaces ? FaultKind.Replace
            : truncate ? FaultKind.Truncate
            : afterHandler ? FaultKind.Drop
            : FaultKind.DelayOnly;

        return new FaultRule(0, "", NullIfEmpty(request.Method)?.ToUpperInvariant(), NullIfEmpty(request.PathContains),
            times, request.Status, request.RetryAfter, request.ContentType, request.Body, delayMs, truncate, drop, afterHandler, kind);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
