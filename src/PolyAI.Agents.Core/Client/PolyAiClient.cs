using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Http;
using PolyAI.Agents.Json;
using Polly.Timeout;

namespace PolyAI.Agents.Client;

/// <summary>
/// One typed method per API operation. Sends through the shared HTTP pipeline with the session's key,
/// timeout and base URI; turns every failure into a <see cref="PolyAiApiException"/>.
/// </summary>
public sealed partial class PolyAiClient
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

    internal static Connector Map(string agentId, ConnectorDto? dto)
    {
        dto = Required(dto, "connector");
        return new Connector(
            agentId,
            Required(dto.ConnectorId, "connectorId"),
            Required(dto.Name, "name"),
            Required(dto.AccountId, "accountId"),
            Required(dto.ProjectId, "projectId"),
            Required(dto.ClientEnv, "clientEnv"),
            dto.VariantId ?? string.Empty,
            Required(dto.AsrLangCode, "asrLangCode"),
            Required(dto.TtsLangCode, "ttsLangCode"),
            Required(dto.VoiceName, "voiceName"),
            dto.DisableHandoff);
    }

    internal static PhoneNumber Map(string agentId, PhoneNumberDto? dto)
    {
        dto = Required(dto, "phone number");
        return new PhoneNumber(
            agentId,
            Required(dto.Number, "number"),
            Required(dto.ProjectId, "projectId"),
            Required(dto.AccountId, "accountId"),
            Required(dto.ClientEnv, "clientEnv"),
            string.IsNullOrEmpty(dto.ConnectorId) ? null : dto.ConnectorId);
    }

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

    // ---- Transport -------------------------------------------------------------------------------

    private static byte[] Serialize<T>(T body, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);

    /// <summary>Sends one request through the pipeline, reads the JSON answer and maps it. <c>readOnly</c>
    /// marks a POST that only reads (batch get, lookup), so repeating it is harmless.</summary>
    internal Task<TResult> SendAsync<TResponse, TResult>(
        HttpMethod method,
        string pathAndQuery,
        byte[]? body,
        JsonTypeInfo<TResponse> responseType,
        Func<TResponse, TResult> map,
        string operation,
        CancellationToken cancellationToken,
        bool readOnly = false,
        string? goneCode = null)
        where TResponse : class =>
        SendAsync(method, pathAndQuery, body, responseType, (response, _) => map(response), operation, cancellationToken, readOnly, goneCode);

    /// <summary>As above; the map also gets the correlation id and learns whether an earlier attempt whose
    /// response was lost may have been applied (a bulk DELETE retried after a lost response reports the
    /// numbers it removed as errors).</summary>
    internal Task<TResult> SendAsync<TResponse, TResult>(
        HttpMethod method,
        string pathAndQuery,
        byte[]? body,
        JsonTypeInfo<TResponse> responseType,
        Func<TResponse, ResponseInfo, TResult> map,
        string operation,
        CancellationToken cancellationToken,
        bool readOnly = false,
        string? goneCode = null)
        where TResponse : class =>
        SendAsync(
            method, pathAndQuery, body, operation, cancellationToken, readOnly, goneCode,
            async (stream, info, token) =>
            {
                var response = await JsonSerializer.DeserializeAsync(stream, responseType, token).ConfigureAwait(false)
                    ?? throw new JsonException("the body is empty or null");
                return map(response, info);
            });

    /// <summary>
    /// The transport: sends one request through the pipeline (retries and attempt timeouts per the session),
    /// turns an error status into a <see cref="PolyAiApiException"/>, and hands a 2xx body to
    /// <paramref name="readBody"/> under a time limit of its own. A <see cref="JsonException"/> from the reader
    /// is an invalid response; a broken connection while reading is a connection failure.
    /// <paramref name="goneCode"/>, for a DELETE of one resource, is the API code of its 404 ("not found"):
    /// after a lost attempt, that 404 most likely means the lost attempt deleted it (RemovalUnconfirmed).
    /// </summary>
    internal async Task<TResult> SendAsync<TResult>(
        HttpMethod method,
        string pathAndQuery,
        byte[]? body,
        string operation,
        CancellationToken cancellationToken,
        bool readOnly,
        string? goneCode,
        Func<Stream, ResponseInfo, CancellationToken, Task<TResult>> readBody)
    {
        var safeToRepeat = readOnly || method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete;
        var policy = new RequestPolicy(_session.Resilience, safeToRepeat, _trace);
        using var bodyTimeout = new CancellationTokenSource();
        try
        {
            using var request = BuildRequest(method, pathAndQuery, body);
            policy.AttachTo(request);
            TraceRequest(request, body);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var correlationId = Header(response, CorrelationHeader);
            if (_trace.VerboseEnabled)
            {
                _trace.Verbose($"{(int)response.StatusCode} {response.ReasonPhrase} from {method} {request.RequestUri!.AbsolutePath} in {policy.Elapsed.ElapsedMilliseconds} ms{(correlationId is null ? "" : $" (correlation id {correlationId})")}.");
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
                if (goneCode is not null && response.StatusCode == HttpStatusCode.NotFound && policy.EarlierAttemptMayHaveApplied
                    && ApiErrorParser.Parse(errorBody).WithCorrelationId(correlationId) is var notFound
                    && (notFound.Code is null || notFound.Code == goneCode))
                {
                    // The last failed attempt is this 404; the ones before it are the lost ones.
                    var lost = string.Join(", ", policy.FailedAttempts.Take(policy.FailedAttempts.Count - 1));
                    throw RemovalUnconfirmed(operation, $"the response to an earlier attempt was lost ({lost}), and the retry found nothing to delete (404)", notFound, 404, policy.Attempts);
                }

                throw Failure(response, errorBody, operation, correlationId, policy);
            }

            try
            {
                using var stream = new ReadTimeoutStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), bodyTimeout, bodyLimit);
                return await readBody(stream, new ResponseInfo(policy.EarlierAttemptMayHaveApplied, correlationId), bodyCancellation.Token).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw InvalidResponse(response, operation, correlationId, ex.Message, ex);
            }
            catch (IOException ex) when (!bodyCancellation.IsCancellationRequested)
            {
                throw new PolyAiApiException(
                    PolyAiFailureKind.Connection, operation,
                    $"{operation} failed: the connection broke while the response was read ({RetryPolicy.Innermost(ex).Message})",
                    (int)response.StatusCode, new ApiError(null, null, correlationId), ex);
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
                PolyAiFailureKind.Timeout, operation,
                $"{operation} did not complete within the {_session.TimeoutSec} s timeout{AttemptsSuffix(policy)} (Connect-PolyAi -TimeoutSec sets it).",
                innerException: ex, attempts: policy.Attempts);
        }
        catch (HttpRequestException ex)
        {
            throw new PolyAiApiException(
                PolyAiFailureKind.Connection, operation,
                $"{operation} failed: could not reach {_session.BaseUri.GetLeftPart(UriPartial.Authority)} ({RetryPolicy.Innermost(ex).Message}){AttemptsSuffix(policy)}",
                innerException: ex, attempts: policy.Attempts);
        }
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

    private static PolyAiApiException InvalidResponse(HttpResponseMessage response, string operation, string? correlationId, string detail, Exception? inner) =>
        new(PolyAiFailureKind.InvalidResponse, operation,
            $"{operation}: the API answered {(int)response.StatusCode} but the body is not the documented JSON: {detail}",
            (int)response.StatusCode, new ApiError(null, null, correlationId), inner);

    /// <summary>A delete whose outcome is known only by inference: an earlier attempt's response was lost
    /// and the retry no longer finds the resource.</summary>
    internal static PolyAiApiException RemovalUnconfirmed(string operation, string what, ApiError? apiError, int? status = null, int attempts = 1) =>
        new(
            PolyAiFailureKind.RemovalUnconfirmed, operation,
            $"{operation}: {what}. It was most likely removed by that attempt, but what the API reported for it is lost{(string.IsNullOrEmpty(apiError?.CorrelationId) ? "" : $" (correlation id {apiError!.CorrelationId})")}.",
            status, apiError, attempts: attempts);

    private static PolyAiApiException Failure(HttpResponseMessage response, string text, string operation, string? correlationId, RequestPolicy policy)
    {
        var status = (int)response.StatusCode;
        var apiError = ApiErrorParser.Parse(text).WithCorrelationId(correlationId);
        var kind = KindOf(status);
        var message = new StringBuilder($"{operation} failed: {status} {ReasonOf(response)}");
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

        message.Append(AttemptsSuffix(policy));
        if (kind == PolyAiFailureKind.RateLimited && RetryPolicy.RetryAfter(response) is { } wait)
        {
            message.Append($"; the API asked to wait {wait.TotalSeconds:0} s");
        }

        if (kind == PolyAiFailureKind.Authentication)
        {
            message.Append(". Check the API key given to Connect-PolyAi and the region: a key only works in its own region.");
        }

        return new PolyAiApiException(kind, operation, message.ToString(), status, apiError, attempts: policy.Attempts);
    }

    internal static PolyAiFailureKind KindOf(int status) => status switch
    {
        400 or 422 => PolyAiFailureKind.InvalidArgument,
        401 => PolyAiFailureKind.Authentication,
        403 => PolyAiFailureKind.PermissionDenied,
        404 => PolyAiFailureKind.NotFound,
        409 => PolyAiFailureKind.Conflict,
        429 => PolyAiFailureKind.RateLimited,
        >= 500 => PolyAiFailureKind.ServerError,
        _ => PolyAiFailureKind.Rejected,
    };

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
