using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using Polly;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Http;

/// <summary>
/// What the resilience handler needs to know about one request, attached to the request message:
/// the session's retry pipeline and attempt timeout, whether repeating the request is harmless, where to trace, and a report
/// the client reads afterwards (attempts made, whether a lost attempt may have been applied).
/// </summary>
internal sealed class RequestPolicy
{
    private const string PropertyName = "PolyAI.Agents.RequestPolicy";
    internal static readonly ResiliencePropertyKey<RequestPolicy> ContextKey = new(PropertyName);

    public RequestPolicy(ResiliencePipeline<HttpResponseMessage> pipeline, TimeSpan attemptTimeout, bool safeToRepeat, IApiTrace trace)
    {
        Pipeline = pipeline;
        AttemptTimeout = attemptTimeout;
        SafeToRepeat = safeToRepeat;
        Trace = trace;
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>How long one attempt may take (the session's timeout).</summary>
    public TimeSpan AttemptTimeout { get; }

    /// <summary>GET, PUT, DELETE and read-only POSTs: repeating them cannot do anything twice.</summary>
    public bool SafeToRepeat { get; }

    public IApiTrace Trace { get; }

    /// <summary>Time since the first attempt started, for the total retry budget.</summary>
    public Stopwatch Elapsed { get; } = Stopwatch.StartNew();

    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; set; }

    /// <summary>An earlier attempt failed in a way that does not prove the server did nothing
    /// (timeout, broken connection, 502/504): its effect may have happened, its response is lost.</summary>
    public bool EarlierAttemptMayHaveApplied { get; set; }

    /// <summary>What each failed attempt ended with, for messages.</summary>
    public List<string> FailedAttempts { get; } = new();

    public void AttachTo(HttpRequestMessage request) => request.Properties[PropertyName] = this;

    public static RequestPolicy? Of(HttpRequestMessage request) =>
        request.Properties.TryGetValue(PropertyName, out var value) ? value as RequestPolicy : null;
}
