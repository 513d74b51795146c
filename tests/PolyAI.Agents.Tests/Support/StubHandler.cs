using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PolyAI.Agents.Tests.Support;

/// <summary>One request as the primary handler received it, after the whole client pipeline ran.</summary>
public sealed record RecordedRequest(
    string Method,
    string AbsoluteUri,
    string OriginalString,
    string AbsolutePath,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    string? Body)
{
    /// <summary>A request header (case-insensitive name), values joined with ", "; null when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A stub primary handler: records every request (method, URI as sent, headers, body) and answers with a
/// responder (canned response, thrown exception, or a cancellation-aware hang).
/// </summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _responder;

    public StubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _responder = responder;
    }

    /// <summary>Answers every request with the same status, body and response headers.</summary>
    public static StubHandler Returning(HttpStatusCode status, string? body = null, string mediaType = "application/json", params (string Name, string Value)[] headers) =>
        new((_, _) => Task.FromResult(Respond.With(status, body, mediaType, headers)));

    /// <summary>Answers every request with 200 and the JSON body.</summary>
    public static StubHandler Json(string body) => Returning(HttpStatusCode.OK, body);

    /// <summary>Throws the exception for every request.</summary>
    public static StubHandler Throwing(Exception exception) => new((_, _) => throw exception);

    /// <summary>Never answers; ends only when the request's cancellation token fires.</summary>
    public static StubHandler Hanging() => new(async (_, token) =>
    {
        await Task.Delay(Timeout.Infinite, token);
        throw new InvalidOperationException("unreachable");
    });

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>The one request the handler saw (fails the test when there were none or several).</summary>
    public RecordedRequest Single => Xunit.Assert.Single(Requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.NonValidated)
        {
            // HeaderStringValues joins several values with the header's own separator (" " for User-Agent).
            headers[header.Key] = header.Value.ToString();
        }

        string? body = null;
        string? contentType = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsStringAsync(cancellationToken);
            contentType = request.Content.Headers.ContentType?.ToString();
        }

        var uri = request.RequestUri!;
        _requests.Enqueue(new RecordedRequest(request.Method.Method, uri.AbsoluteUri, uri.OriginalString, uri.AbsolutePath, headers, contentType, body));
        return await _responder(request, cancellationToken);
    }
}

/// <summary>Canned responses for <see cref="StubHandler"/>.</summary>
public static class Respond
{
    public static HttpResponseMessage With(HttpStatusCode status, string? body = null, string mediaType = "application/json", params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }

        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <summary>Headers arrive at once; reading the body blocks until the read's own token (or <paramref name="release"/>) fires.</summary>
    public static HttpResponseMessage WithHangingBody(HttpStatusCode status, CancellationToken release, Action? onRead = null) =>
        new(status) { Content = new StreamContent(new HangingStream(release, onRead)) };

    /// <summary>Headers arrive at once; reading the body fails as if the connection broke.</summary>
    public static HttpResponseMessage WithBrokenBody(HttpStatusCode status) =>
        new(status) { Content = new StreamContent(new BrokenStream()) };
}
