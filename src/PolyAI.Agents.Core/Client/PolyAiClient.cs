using System;
using System.Collections.Generic;
using System.Diagnostics;
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
using PolyAI.Agents.Json;

namespace PolyAI.Agents.Client;

/// <summary>
/// One typed method per API operation. Sends through the shared HTTP pipeline with the session's key,
/// timeout and base URI; turns every failure into a <see cref="PolyAiApiException"/>.
/// </summary>
public sealed partial class PolyAiClient
{
    internal const string ApiKeyHeader = "x-api-key";
    internal const string CorrelationHeader = "X-PolyAI-Correlation-Id";
    private const int MaxErrorBodyChars = 16 * 1024;
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

    // ---- Connectors ------------------------------------------------------------------------------

    public async Task<IReadOnlyList<Connector>> ListConnectorsAsync(string agentId, CancellationToken cancellationToken)
    {
        var response = await SendAsync(
            HttpMethod.Get, ApiRoute.Connectors(agentId), null, ApiJsonContext.Default.GetConnectorsResponse,
            $"List connectors of agent '{agentId}'", cancellationToken).ConfigureAwait(false);
        return response.Connectors!.Select(c => Map(agentId, c)).ToList();
    }

    public async Task<Connector> GetConnectorAsync(string agentId, string connectorId, CancellationToken cancellationToken)
    {
        var dto = await SendAsync(
            HttpMethod.Get, ApiRoute.Connector(agentId, connectorId), null, ApiJsonContext.Default.ConnectorDto,
            $"Get connector '{connectorId}' of agent '{agentId}'", cancellationToken).ConfigureAwait(false);
        return Map(agentId, dto);
    }

    /// <summary>Batch get: the connectors found (in the order asked for) and the ids the API did not know.</summary>
    public async Task<BatchResult<Connector>> GetConnectorsAsync(string agentId, IReadOnlyCollection<string> connectorIds, CancellationToken cancellationToken)
    {
        if (connectorIds.Count == 0)
        {
            throw new ArgumentException("At least one connector id is required.", nameof(connectorIds));
        }

        foreach (var id in connectorIds)
        {
            Identifier.EnsureValid(id, "connector id");
        }

        var body = Serialize(new BatchGetConnectorsBody { ConnectorIds = connectorIds.ToList() }, ApiJsonContext.Default.BatchGetConnectorsBody);
        var response = await SendAsync(
            HttpMethod.Post, ApiRoute.Connectors(agentId) + "/batch", body, ApiJsonContext.Default.BatchGetConnectorsResponse,
            $"Get {connectorIds.Count} connectors of agent '{agentId}'", cancellationToken).ConfigureAwait(false);
        var found = response.Found!.Select(c => Map(agentId, c)).ToList();
        return new BatchResult<Connector>(found, response.NotFound!);
    }

    public async Task<Connector> LookupConnectorAsync(string agentId, string phoneNumber, CancellationToken cancellationToken)
    {
        Identifier.EnsureE164(phoneNumber);
        var body = Serialize(new LookupConnectorBody { PhoneNumber = phoneNumber }, ApiJsonContext.Default.LookupConnectorBody);
        var dto = await SendAsync(
            HttpMethod.Post, ApiRoute.Connectors(agentId) + "/lookup", body, ApiJsonContext.Default.ConnectorDto,
            $"Look up the connector of {phoneNumber} in agent '{agentId}'", cancellationToken).ConfigureAwait(false);
        return Map(agentId, dto);
    }

    public async Task<ConnectorRemoval> DeleteConnectorAsync(string agentId, string connectorId, CancellationToken cancellationToken)
    {
        var response = await SendAsync(
            HttpMethod.Delete, ApiRoute.Connector(agentId, connectorId), null, ApiJsonContext.Default.DeleteConnectorResponse,
            $"Delete connector '{connectorId}' of agent '{agentId}'", cancellationToken).ConfigureAwait(false);
        return new ConnectorRemoval(agentId, response.DeletedConnector!, response.DeletedPhoneNumbers!);
    }

    // ---- Phone numbers ---------------------------------------------------------------------------

    public async Task<IReadOnlyList<PhoneNumber>> ListPhoneNumbersAsync(string agentId, string? connectorId, CancellationToken cancellationToken)
    {
        if (connectorId is not null)
        {
            Identifier.EnsureValid(connectorId, "connector id");
        }

        var what = connectorId is null ? $"List phone numbers of agent '{agentId}'" : $"List phone numbers of connector '{connectorId}' of agent '{agentId}'";
        var response = await SendAsync(
            HttpMethod.Get, ApiRoute.WithQuery(ApiRoute.PhoneNumbers(agentId), "connectorId", connectorId), null,
            ApiJsonContext.Default.GetPhoneNumbersResponse, what, cancellationToken).ConfigureAwait(false);
        return response.PhoneNumbers!.Select(n => Map(agentId, n)).ToList();
    }

    // ---- Mapping ---------------------------------------------------------------------------------

    internal static Connector Map(string agentId, ConnectorDto dto) => new(
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

    internal static PhoneNumber Map(string agentId, PhoneNumberDto dto) => new(
        agentId,
        Required(dto.Number, "number"),
        Required(dto.ProjectId, "projectId"),
        Required(dto.AccountId, "accountId"),
        Required(dto.ClientEnv, "clientEnv"),
        string.IsNullOrEmpty(dto.ConnectorId) ? null : dto.ConnectorId);

    private static string Required(string? value, string field) =>
        value ?? throw new JsonException($"The required field '{field}' is null.");

    // ---- Transport -------------------------------------------------------------------------------

    private static byte[] Serialize<T>(T body, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);

    internal async Task<T> SendAsync<T>(
        HttpMethod method,
        string pathAndQuery,
        byte[]? body,
        JsonTypeInfo<T> responseType,
        string operation,
        CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_session.TimeoutSec));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var request = BuildRequest(method, pathAndQuery, body);
            TraceRequest(request, body);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var correlationId = Header(response, CorrelationHeader);
            _trace.Verbose($"{(int)response.StatusCode} {response.ReasonPhrase} from {method} {request.RequestUri!.AbsolutePath} in {stopwatch.ElapsedMilliseconds} ms{(correlationId is null ? "" : $" (correlation id {correlationId})")}.");

            if (!response.IsSuccessStatusCode)
            {
                throw await FailureAsync(response, operation, correlationId).ConfigureAwait(false);
            }

            return await ReadJsonAsync(response, responseType, operation, correlationId, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PolyAiApiException(
                PolyAiFailureKind.Timeout, operation,
                $"{operation} did not complete within the {_session.TimeoutSec} s timeout (Connect-PolyAi -TimeoutSec sets it).");
        }
        catch (HttpRequestException ex)
        {
            throw new PolyAiApiException(
                PolyAiFailureKind.Connection, operation,
                $"{operation} failed: could not reach {_session.BaseUri.GetLeftPart(UriPartial.Authority)} ({Innermost(ex).Message})", innerException: ex);
        }
    }

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
        _trace.Verbose($"{request.Method} {request.RequestUri!.AbsoluteUri}");
        var headers = new StringBuilder();
        foreach (var header in request.Headers)
        {
            var value = string.Equals(header.Key, ApiKeyHeader, StringComparison.OrdinalIgnoreCase) ? "[redacted]" : string.Join(", ", header.Value);
            headers.Append(header.Key).Append(": ").Append(value).Append("; ");
        }

        _trace.Debug($"Request headers: {headers.ToString().TrimEnd(' ', ';')}");
        if (body is not null)
        {
            _trace.Debug($"Request body: {Encoding.UTF8.GetString(body)}");
        }
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> responseType, string operation, string? correlationId, CancellationToken cancellationToken)
        where T : class
    {
        T? result;
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            result = await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw InvalidResponse(response, operation, correlationId, ex.Message, ex);
        }
        catch (IOException ex)
        {
            throw new PolyAiApiException(
                PolyAiFailureKind.Connection, operation,
                $"{operation} failed: the connection broke while the response was read ({Innermost(ex).Message})",
                (int)response.StatusCode, new ApiError(null, null, correlationId), ex);
        }

        return result ?? throw InvalidResponse(response, operation, correlationId, "the body is empty or null", null);
    }

    private static PolyAiApiException InvalidResponse(HttpResponseMessage response, string operation, string? correlationId, string detail, Exception? inner) =>
        new(PolyAiFailureKind.InvalidResponse, operation,
            $"{operation}: the API answered {(int)response.StatusCode} but the body is not the documented JSON: {detail}",
            (int)response.StatusCode, new ApiError(null, null, correlationId), inner);

    private static async Task<PolyAiApiException> FailureAsync(HttpResponseMessage response, string operation, string? correlationId)
    {
        var status = (int)response.StatusCode;
        var text = await ReadLimitedAsync(response).ConfigureAwait(false);
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

        if (kind == PolyAiFailureKind.Authentication)
        {
            message.Append(". Check the API key given to Connect-PolyAi and the region: a key only works in its own region.");
        }

        return new PolyAiApiException(kind, operation, message.ToString(), status, apiError);
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

    private static async Task<string> ReadLimitedAsync(HttpResponseMessage response)
    {
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[MaxErrorBodyChars];
            var read = await reader.ReadBlockAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
            return new string(buffer, 0, read);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return string.Empty;
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
