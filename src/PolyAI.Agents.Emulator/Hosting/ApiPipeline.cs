using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// Handles every request outside /_emulator: log it, tag it with a correlation id, wait the configured latency,
/// apply the first matching fault rule, authenticate, route, and write the answer.
/// </summary>
internal sealed class ApiPipeline(
    RuntimeSettings settings,
    FaultRegistry faults,
    RequestLog log,
    ApiRouter router,
    EmulatorOptions options,
    ILogger<ApiPipeline> logger)
{
    public const string CorrelationHeader = "X-PolyAI-Correlation-Id";
    public const string ApiKeyHeader = "x-api-key";
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly HashSet<string> _apiKeys = new(options.ApiKeys, StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var stopwatch = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        var aborted = context.RequestAborted;
        var method = context.Request.Method;
        var target = RequestTarget.Parse(context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget);
        var apiKeyValues = context.Request.Headers[ApiKeyHeader];
        var apiKey = apiKeyValues.Count == 0 ? null : apiKeyValues.ToString();

        var correlationId = Guid.NewGuid().ToString();
        context.Response.Headers[CorrelationHeader] = correlationId;

        string? body = null;
        ApiError? bodyError = null;
        try
        {
            body = await ReadBodyAsync(context.Request, aborted);
        }
        catch (BadHttpRequestException ex)
        {
            bodyError = new ApiError(ex.StatusCode, "VALIDATION_ERROR", 400, ex.Message, "body");
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away while sending; the request is still logged below.
        }

        var pending = log.Begin(method, target, apiKey, body, startedAt);
        var status = 0;
        string? faultName = null;
        try
        {
            var latency = settings.LatencyMs;
            if (latency > 0)
            {
                await Task.Delay(latency, aborted);
            }

            var fault = faults.TryConsume(method, target.Path);
            faultName = fault?.Name;
            var call = new ApiCall(method, target, apiKey, body, bodyError);
            status = await RespondAsync(context, call, fault, correlationId);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            status = 0; // The client aborted; nothing was (or can be) sent.
        }
        finally
        {
            log.Complete(pending, status, faultName, stopwatch.Elapsed);
        }
    }

    /// <summary>Applies <paramref name="fault"/> (if any) around the real handling. Returns the status sent, 0 for none.</summary>
    private async Task<int> RespondAsync(HttpContext context, ApiCall call, FaultRule? fault, string correlationId)
    {
        if (fault is { DelayMs: > 0 })
        {
            await Task.Delay(fault.DelayMs, context.RequestAborted);
        }

        switch (fault?.Kind)
        {
            case FaultKind.Drop:
                if (fault.AfterHandler)
                {
                    Execute(call); // The operation happens; its response is lost.
                }

                context.Abort();
                return 0;

            case FaultKind.Replace:
                if (fault.AfterHandler)
                {
                    Execute(call);
                }

                return await WriteReplacementAsync(context, fault, correlationId);

            case FaultKind.Truncate:
                return await WriteTruncatedAsync(context, Execute(call), fault.RetryAfter, correlationId);

            default:
                return await WriteAsync(context, Execute(call), correlationId);
        }
    }

    /// <summary>The real operation: authenticate, then route. Never throws.</summary>
    private ApiResponse Execute(ApiCall call)
    {
        try
        {
            if (call.ApiKey is null || !_apiKeys.Contains(call.ApiKey))
            {
                return ApiResponse.Fail(ApiErrors.Unauthorised(missing: call.ApiKey is null));
            }

            if (call.BodyError is not null)
            {
                return ApiResponse.Fail(call.BodyError);
            }

            return router.Route(call.Method, call.Target, call.Body);
        }
        catch (ApiException ex)
        {
            return ApiResponse.Fail(ex.Error);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Unhandled error for {Method} {RawTarget}", call.Method, call.Target.RawTarget);
            return ApiResponse.Fail(ApiErrors.Internal($"Emulator error: {ex.Message}"));
        }
    }

    private async Task<int> WriteAsync(HttpContext context, ApiResponse response, string correlationId)
    {
        var http = context.Response;
        http.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }

        if (!ApiResponse.CanHaveBody(response.Status))
        {
            return response.Status;
        }

        http.ContentType = JsonContentType;
        if (response is { Streamed: true, Payload: { } payload })
        {
            // Chunked, flushed as the serializer's buffer fills: no giant string for 100,000 numbers.
            await JsonSerializer.SerializeAsync(http.Body, payload, payload.GetType(), EmulatorJson.Options, context.RequestAborted);
        }
        else
        {
            var bytes = Render(response, correlationId);
            http.ContentLength = bytes.Length;
            await http.Body.WriteAsync(bytes, context.RequestAborted);
        }

        return response.Status;
    }

    /// <summary>The real status and headers, but only the first half of the body, with a Content-Length to match.</summary>
    private async Task<int> WriteTruncatedAsync(HttpContext context, ApiResponse response, string? retryAfter, string correlationId)
    {
        var bytes = Render(response, correlationId);
        var http = context.Response;
        http.StatusCode = response.Status;
        http.ContentType = JsonContentType;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }

        if (retryAfter is not null)
        {
            http.Headers.RetryAfter = retryAfter;
        }

        var half = bytes.Length / 2;
        http.ContentLength = half;
        await http.Body.WriteAsync(bytes.AsMemory(0, half), context.RequestAborted);
        return response.Status;
    }

    /// <summary>The fault's own response: its body as given, or an error body in the current shape.</summary>
    private async Task<int> WriteReplacementAsync(HttpContext context, FaultRule fault, string correlationId)
    {
        var status = fault.Status ?? FaultRule.DefaultReplaceStatus;
        var bytes = fault.Body is { } body
            ? Encoding.UTF8.GetBytes(body)
            : Render(ApiResponse.Fail(ApiErrors.InjectedFault(status, fault.Name)), correlationId);

        var http = context.Response;
        http.StatusCode = status;
        if (fault.RetryAfter is not null)
        {
            http.Headers.RetryAfter = fault.RetryAfter;
        }

        if (!ApiResponse.CanHaveBody(status))
        {
            return status;
        }

        http.ContentType = fault.ContentType ?? JsonContentType;
        http.ContentLength = bytes.Length;
        await http.Body.WriteAsync(bytes, context.RequestAborted);
        return status;
    }

    private byte[] Render(ApiResponse response, string correlationId)
    {
        var body = response.Error is { } error
            ? ErrorBodies.Render(error, error.Shape ?? settings.ErrorShape, correlationId)
            : response.Payload;
        return body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), EmulatorJson.Options);
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return text.Length == 0 ? null : text;
    }

    private sealed record ApiCall(string Method, RequestTarget Target, string? ApiKey, string? Body, ApiError? BodyError);
}
