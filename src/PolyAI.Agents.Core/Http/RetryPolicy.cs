using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PolyAI.Agents.Http;

/// <summary>
/// The retry rules, in one place:
/// - 429 is retried for every method (the server did nothing), honouring Retry-After (seconds or an HTTP
///   date) up to <see cref="MaxRetryAfter"/>; a longer wait is not retried but reported.
/// - A refused connection is retried for every method (the request never arrived).
/// - 502, 503, 504, broken connections and attempt timeouts are retried only for requests that are safe to
///   repeat (GET, PUT, DELETE, read-only POSTs); a POST or PATCH that may have been applied is not repeated.
/// - Exponential backoff with jitter from the session's first delay (<see cref="Session.DefaultRetryBaseDelay"/>), each
///   wait at most <see cref="MaxDelay"/>;
///   bounded by the session's MaxRetry and by <see cref="RetryBudget"/> of total time.
/// - Every attempt has the session's timeout of its own (<see cref="ResilienceHandler"/> sets it, and reports it as
///   Polly's <see cref="TimeoutRejectedException"/>).
/// </summary>
internal static class RetryPolicy
{
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    internal static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    internal static readonly TimeSpan RetryBudget = TimeSpan.FromMinutes(3);

    public static ResiliencePipeline<HttpResponseMessage> Build(int maxRetry, TimeSpan baseDelay)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (maxRetry > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetry,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    var policy = args.Context.Properties.GetValue(RequestPolicy.ContextKey, null!);
                    if (policy is not { Trace.VerboseEnabled: true })
                    {
                        return default;
                    }

                    policy.Trace.Verbose(string.Format(
                        CultureInfo.InvariantCulture,
                        "Retry {0} of {1} in {2:0.0} s after {3}.",
                        args.AttemptNumber + 1,
                        maxRetry,
                        args.RetryDelay.TotalSeconds,
                        policy.FailedAttempts[policy.FailedAttempts.Count - 1]));
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested || !context.Properties.TryGetValue(RequestPolicy.ContextKey, out var policy))
        {
            return false;
        }

        var failure = Classify(outcome);
        if (failure is null)
        {
            return false;
        }

        policy.FailedAttempts.Add(failure.Description);
        policy.EarlierAttemptMayHaveApplied |= failure.MayHaveApplied;
        if (!failure.Transient || (!failure.NothingWasDone && !policy.SafeToRepeat))
        {
            return false;
        }

        var retryAfter = RetryAfter(outcome.Result);
        if (retryAfter > MaxRetryAfter)
        {
            policy.Trace.Verbose($"Not retrying: the API asked to wait {retryAfter.Value.TotalSeconds:0} s, more than {MaxRetryAfter.TotalSeconds:0} s.");
            return false;
        }

        if (policy.Elapsed.Elapsed + (retryAfter ?? TimeSpan.Zero) > RetryBudget)
        {
            policy.Trace.Verbose($"Not retrying: {policy.Elapsed.Elapsed.TotalSeconds:0} s spent already; the retry budget is {RetryBudget.TotalSeconds:0} s.");
            return false;
        }

        return true;
    }

    /// <summary>How an attempt failed: worth another attempt? Did the server prove it did nothing (429, a
    /// refused connection), so that even a POST may be repeated? May the server have applied it although its
    /// response is lost? Null when the outcome is not a failure or not ours to judge (cancellation).</summary>
    internal sealed record AttemptFailure(bool Transient, bool NothingWasDone, bool MayHaveApplied, string Description);

    internal static AttemptFailure? Classify(Outcome<HttpResponseMessage> outcome)
    {
        switch (outcome.Exception)
        {
            case null:
                break;
            case TimeoutRejectedException:
                return new(true, false, true, "a timeout");
            case HttpRequestException ex when IsConnectionRefused(ex):
                return new(true, true, false, "a refused connection");
            case HttpRequestException ex:
                return new(true, false, true, $"a broken connection ({Innermost(ex).Message})");
            default:
                return null;
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        var description = $"{status} {response.ReasonPhrase}";
        return status switch
        {
            429 => new(true, true, false, description),
            503 => new(true, false, false, description),
            502 or 504 => new(true, false, true, description),
            _ => response.IsSuccessStatusCode ? null : new(false, false, false, description),
        };
    }

    /// <summary>Retry-After as a delay: delta-seconds or an HTTP date; null when absent.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static bool IsConnectionRefused(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }

            if (e is WebException { Status: WebExceptionStatus.ConnectFailure })
            {
                return true;
            }
        }

        return false;
    }

    internal static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
