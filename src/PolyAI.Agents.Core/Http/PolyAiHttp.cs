using System;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace PolyAI.Agents.Http;

/// <summary>
/// The HTTP pipeline: one primary handler for the whole process, so every session, command and runspace shares its
/// connection pool, under the handler that runs each request through its session's retries and timeout. No
/// client-wide timeout (each request gets the session's own), no redirects (a followed redirect would carry the key
/// to whatever host the Location names), no cookies, compression. DNS changes are seen because a pooled connection
/// lives at most <see cref="ConnectionLifetime"/>: what .NET's guidance for a long-lived HttpClient prescribes, and
/// what Microsoft.Extensions.Http achieved by rotating handlers, at the price of a dependency-injection container
/// built on the first request of every process. Built on first use, never at import time.
/// </summary>
internal static class PolyAiHttp
{
    /// <summary>How long a pooled connection is reused before a new one (and a new DNS lookup) replaces it.</summary>
    internal static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    private static readonly Lazy<HttpMessageHandler> Shared = new(
        () => Pipeline(CreatePrimaryHandler()),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A client over the shared pipeline; cheap, and disposing it leaves the pipeline alone.</summary>
    public static HttpClient CreateClient() => CreateClient(Shared.Value);

    /// <summary>A client over the given pipeline (tests pass the pipeline over a stub).</summary>
    internal static HttpClient CreateClient(HttpMessageHandler pipeline) =>
        new(pipeline, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The module's handlers over <paramref name="primary"/>, which does the sending.</summary>
    internal static HttpMessageHandler Pipeline(HttpMessageHandler primary) => new ResilienceHandler { InnerHandler = primary };

    /// <summary>
    /// On .NET (PowerShell 7) SocketsHttpHandler, with the connection lifetime; the module is one netstandard2.0 build,
    /// which cannot name that type, so it is made and set through its public API by reflection. On .NET Framework
    /// (Windows PowerShell 5.1) HttpClientHandler, whose connections belong to the framework's service points
    /// (handler rotation never renewed them there either).
    /// </summary>
    internal static HttpMessageHandler CreatePrimaryHandler()
    {
        var sockets = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);
        var onSockets = sockets?.GetProperty("IsSupported")?.GetValue(null) is true;
        var handler = onSockets ? (HttpMessageHandler)Activator.CreateInstance(sockets!)! : new HttpClientHandler();
        foreach (var (name, value) in Settings)
        {
            handler.GetType().GetProperty(name)!.SetValue(handler, value);
        }

        if (onSockets)
        {
            sockets!.GetProperty("PooledConnectionLifetime")!.SetValue(handler, ConnectionLifetime);
        }

        return handler;
    }

    /// <summary>What the primary handler is set to, by property name (both handlers have these).</summary>
    internal static readonly (string Name, object Value)[] Settings =
    {
        (nameof(HttpClientHandler.AutomaticDecompression), DecompressionMethods.GZip | DecompressionMethods.Deflate),
        (nameof(HttpClientHandler.AllowAutoRedirect), false),
        (nameof(HttpClientHandler.UseCookies), false),
    };
}
