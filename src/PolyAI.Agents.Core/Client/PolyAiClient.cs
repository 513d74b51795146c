using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Http;
using PolyAI.Agents.Contract;
using Polly.Timeout;

namespace PolyAI.Agents.Client;

/// <summary>
/// One typed method per API operation. Sends through the shared HTTP pipeline with the session's key,
/// timeout and base URI; turns every failure into a <see cref="PolyAiApiException"/>.
/// </summary>
internal sealed partial class PolyAiClient
{
    internal const string ApiKeyHeader = "x-api-key";
    internal const string CorrelationHeader = "X-PolyAI-Correlation-Id";
    private const int MaxErrorBytes = 16 * 1024;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly Session _session;
    private readonly HttpClient _http;
    private readonly IApiTrace _trace;

    internal PolyAiClient(Session session, HttpClient http, IApiTrace trace)
    {
        _session = session;
        _http = http;
        _trace = trace;
    }

    // ---- Mapping: a null where the schema requires a value is an invalid response, never a half-filled object.

    internal static T Required<T>(T? value, string field)
        where T : class =>
        value ?? throw new JsonException($"The required field '{field}' is null.");

    internal static IReadOnlyList<T> RequiredList<T>(IReadOnlyList<T?>? values, string field)
        where T : class
    {
        var list = Required(values, field);
        var result = new List<T>(list.Count);
        foreach (var value in list)
        {
            result.Add(value ?? throw new JsonException($"The list '{field}' contains null."));
        }

        return result;
    }

    /// <summary>A call of one operation of the table; <paramref name="pathValues"/> fill its path template in order.</summary>
    internal ApiRequest<TBody, TResponse> Request<TBody, TResponse>(ApiOperation<TBody, TResponse> operation, string description, params string[] pathValues) =>
        new(this, operation, description, pathValues);

    // ---- Transport -------------------------------------------------------------------------------

    /// <summary>
    /// The one transport: sends a request of <paramref name="operation"/> through the pipeline (retries as its
    /// retry class allows, attempt timeouts per the session), turns an error status into a
    /// <see cref="PolyAiApiException"/> (<see cref="FailureRules"/>), and hands a 2xx body to
    /// <paramref name="readBody"/> under a time limit of its own. A <see cref="JsonException"/> from the reader is an
    /// invalid response; a broken connection while reading is a connection failure. A 2xx other than the documented
    /// one that carries a code saying nothing changed is <see cref="PolyAiFailureKind.Unchanged"/>. For a DELETE of
    /// one resource, a retry's 404 with that resource's not-found code after a lost attempt is RemovalUnconfirmed.
    /// </summary>
    internal async Task<TResult> SendAsync<TResult>(
        ApiOperation operation,
        string pathAndQuery,
        byte[]? body,
        string description,
        Func<Stream, ResponseInfo, CancellationToken, Task<TResult>> readBody,
        CancellationToken cancellationToken)
    {
        var policy = new RequestPolicy(_session.Resilience(), TimeSpan.FromSeconds(_session.TimeoutSec), operation.Retry == RetryClass.SafeToRepeat, _trace);
        using var bodyTimeout = new CancellationTokenSource();
        try
        {
            using var request = BuildRequest(operation.Method, pathAndQuery, body);
            policy.AttachTo(request);
            TraceRequest(request, body);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var correlationId = Header(response, CorrelationHeader);
            if (_trace.VerboseEnabled)
            {
                _trace.Verbose($"{status} {response.ReasonPhrase} from {operation.Method} {request.RequestUri!.AbsolutePath} in {policy.Elapsed.ElapsedMilliseconds} ms{(correlationId is null ? "" : $" (correlation id {correlationId})")}.");
            }

            // The body gets time limits of its own (the attempt timeout ends with the headers): the whole of an
            // error body, each read of a 2xx body (ReadTimeoutStream). Disposing the response on cancellation
            // unblocks a stalled read on every runtime.
            var bodyLimit = TimeSpan.FromSeconds(_session.TimeoutSec);
            using var bodyCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bodyTimeout.Token);
            using var abortOnCancel = bodyCancellation.Token.Register(response.Dispose);

            if (!response.IsSuccessStatusCode)
            {
                bodyTimeout.CancelAfter(bodyLimit);
                var errorBody = await ReadLimitedAsync(response, bodyCancellation.Token).ConfigureAwait(false);
                var apiError = ApiErrorParser.Parse(errorBody).WithCorrelationId(correlationId);
                if (operation.DeletesOneResource && status == 404 && policy.EarlierAttemptMayHaveApplied
                    && (apiError.Code is null || apiError.Code == operation.Resource.NotFoundCode))
                {
                    // The last failed attempt is this 404; the ones before it are the lost ones.
                    var lost = string.Join(", ", policy.FailedAttempts.Take(policy.FailedAttempts.Count - 1));
                    throw RemovalUnconfirmed(description, operation.Resource, $"the response to an earlier attempt was lost ({lost}), and the retry found nothing to delete (404)", apiError, 404, policy.Attempts);
                }

                throw Failure(operation, response, apiError, description, policy);
            }

            try
            {
                Stream stream = new ReadTimeoutStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), bodyTimeout, bodyLimit);
                if (status != operation.SuccessStatus && operation.Response != ResponseKind.NoContent)
                {
                    stream = await ThrowIfUnchangedAsync(stream, operation, description, status, correlationId, bodyCancellation.Token).ConfigureAwait(false);
                }

                using (stream)
                {
                    return await readBody(stream, new ResponseInfo(status, policy.EarlierAttemptMayHaveApplied, correlationId), bodyCancellation.Token).ConfigureAwait(false);
                }
            }
            catch (JsonException ex)
            {
                throw InvalidResponse(operation, status, description, correlationId, ex.Message, ex);
            }
            catch (IOException ex) when (!bodyCancellation.IsCancellationRequested)
            {
                throw new PolyAiApiException(
                    PolyAiFailureKind.Connection, description,
                    $"{description} failed: the connection broke while the response was read ({RetryPolicy.Innermost(ex).Message})",
                    operation.Resource, status, new ApiError(null, null, correlationId), ex);
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // Stopped by the caller (Ctrl+C) while the response was being torn down.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not PolyAiApiException
            && (ex is OperationCanceledException or TimeoutRejectedException || bodyTimeout.IsCancellationRequested))
        {
            throw new PolyAiApiException(
                PolyAiFailureKind.Timeout, description,
                $"{description} did not complete within the {_session.TimeoutSec} s timeout{AttemptsSuffix(policy)}.",
                operation.Resource, innerException: ex, attempts: policy.Attempts);
        }
        catch (HttpRequestException ex)
        {
            throw new PolyAiApiException(
                PolyAiFailureKind.Connection, description,
                $"{description} failed: could not reach {_session.BaseUri.GetLeftPart(UriPartial.Authority)} ({RetryPolicy.Innermost(ex).Message}){AttemptsSuffix(policy)}",
                operation.Resource, innerException: ex, attempts: policy.Attempts);
        }
    }

    /// <summary>A 2xx other than the documented one may be the API saying that nothing changed (a platform code
    /// such as DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED with 200): that is thrown as Unchanged. Otherwise the
    /// body, read into memory to look at it, is returned for the usual reading.</summary>
    private static async Task<Stream> ThrowIfUnchangedAsync(Stream stream, ApiOperation operation, string description, int status, string? correlationId, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        using (stream)
        {
            await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        }

        buffer.Position = 0;
        var notice = ApiErrorParser.Parse(Encoding.UTF8.GetString(buffer.ToArray())).WithCorrelationId(correlationId);
        if (ApiErrorCodes.Find(notice.Code, notice.CodeId) is { Kind: PolyAiFailureKind.Unchanged } code)
        {
            throw new PolyAiApiException(
                PolyAiFailureKind.Unchanged, description,
                $"{description} changed nothing: {notice.Message ?? code.Code} [{code.Code}]",
                code.Resource ?? operation.Resource, status, notice, errorName: code.ErrorName);
        }

        return buffer;
    }

    private static string AttemptsSuffix(RequestPolicy policy) =>
        policy.Attempts > 1 ? $" after {policy.Attempts} attempts" : string.Empty;

    private HttpRequestMessage BuildRequest(HttpMethod method, string pathAndQuery, byte[]? body)
    {
        var request = new HttpRequestMessage(method, new Uri(_session.BaseUri.AbsoluteUri.TrimEnd('/') + pathAndQuery, UriKind.Absolute));
        request.Headers.TryAddWithoutValidation(ApiKeyHeader, _session.RevealApiKey());
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", _session.UserAgent);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        return request;
    }

    private void TraceRequest(HttpRequestMessage request, byte[]? body)
    {
        if (_trace.VerboseEnabled)
        {
            _trace.Verbose($"{request.Method} {request.RequestUri!.AbsoluteUri}");
        }

        if (!_trace.DebugEnabled)
        {
            return;
        }

        var headers = new StringBuilder();
        foreach (var header in request.Headers)
        {
            var value = string.Equals(header.Key, ApiKeyHeader, StringComparison.OrdinalIgnoreCase)
                ? "[redacted]"
                : string.Join(header.Key == "User-Agent" ? " " : ", ", header.Value);
            headers.Append(header.Key).Append(": ").Append(value).Append("; ");
        }

        _trace.Debug($"Request headers: {headers.ToString().TrimEnd(' ', ';')}");
        if (body is not null)
        {
            _trace.Debug($"Request body: {Encoding.UTF8.GetString(body)}");
        }
    }

    private static PolyAiApiException InvalidResponse(ApiOperation operation, int status, string description, string? correlationId, string detail, Exception? inner) =>
        new(PolyAiFailureKind.InvalidResponse, description,
            $"{description}: the API answered {status} but the body is not the documented JSON: {detail}",
            operation.Resource, status, new ApiError(null, null, correlationId), inner);

    /// <summary>A delete whose outcome is known only by inference: an earlier attempt's response was lost
    /// and the retry no longer finds the resource.</summary>
    internal static PolyAiApiException RemovalUnconfirmed(string description, ResourceKind resource, string what, ApiError? apiError, int? status = null, int attempts = 1) =>
        new(
            PolyAiFailureKind.RemovalUnconfirmed, description,
            $"{description}: {what}. It was most likely removed by that attempt, but what the API reported for it is lost{(string.IsNullOrEmpty(apiError?.CorrelationId) ? "" : $" (correlation id {apiError!.CorrelationId})")}.",
            resource, status, apiError, attempts: attempts);

    private static PolyAiApiException Failure(ApiOperation operation, HttpResponseMessage response, ApiError apiError, string description, RequestPolicy policy)
    {
        var status = (int)response.StatusCode;
        var (kind, resource, errorName) = FailureRules.Classify(operation, status, apiError);
        var message = new StringBuilder($"{description} failed: {status} {ReasonOf(response)}");
        if (!string.IsNullOrEmpty(apiError.Message))
        {
            message.Append(": ").Append(apiError.Message);
        }

        if (!string.IsNullOrEmpty(apiError.Code))
        {
            message.Append(" [").Append(apiError.Code).Append(']');
        }

        if (!string.IsNullOrEmpty(apiError.CorrelationId))
        {
            message.Append(" (correlation id ").Append(apiError.CorrelationId).Append(')');
        }

        if (apiError.Conflicts.Count > 0)
        {
            message.Append("; it conflicts on ").Append(string.Join(", ", apiError.Conflicts));
        }

        message.Append(AttemptsSuffix(policy));
        if (kind == PolyAiFailureKind.RateLimited && RetryPolicy.RetryAfter(response) is { } wait)
        {
            message.Append($"; the API asked to wait {wait.TotalSeconds:0} s");
        }

        if (kind == PolyAiFailureKind.Authentication)
        {
            message.Append(". The key was refused: a key only works in its own region.");
        }

        return new PolyAiApiException(kind, description, message.ToString(), resource, status, apiError, attempts: policy.Attempts, errorName: errorName);
    }

    private static string ReasonOf(HttpResponseMessage response) =>
        string.IsNullOrEmpty(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase!;

    /// <summary>Reads at most <see cref="MaxErrorBytes"/> of an error body; honours the token (the
    /// caller also disposes the response on cancellation, which unblocks a stalled read anywhere).</summary>
    private static async Task<string> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[MaxErrorBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return string.Empty;
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

}
