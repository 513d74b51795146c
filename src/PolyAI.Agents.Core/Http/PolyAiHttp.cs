using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;

namespace PolyAI.Agents.Http;

/// <summary>
/// The HTTP pipeline, from IHttpClientFactory: pooled handlers (rotated so DNS changes are seen), no
/// client-wide timeout (each request gets the session's own), compression. Built on first use, never at
/// import time.
/// </summary>
internal static class PolyAiHttp
{
    internal const string ClientName = "PolyAI.Agents";

    private static readonly Lazy<ServiceProvider> Services = new(
        () => new ServiceCollection().AddPolyAiHttp().BuildServiceProvider(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static HttpClient CreateClient() =>
        Services.Value.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);

    /// <summary>Registers the named client. Tests pass their own primary handler to run the real pipeline
    /// against a stub.</summary>
    internal static IServiceCollection AddPolyAiHttp(this IServiceCollection services, Func<HttpMessageHandler>? primaryHandler = null)
    {
        services.AddHttpClient(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(primaryHandler ?? CreatePrimaryHandler)
            .AddHttpMessageHandler(() => new ResilienceHandler())
            // The factory's default logging handlers would log to nothing here (the cmdlets trace themselves,
            // with the key redacted); removing them saves their work on every request.
            .RemoveAllLoggers()
            .SetHandlerLifetime(TimeSpan.FromMinutes(5));
        return services;
    }

    internal static HttpClientHandler CreatePrimaryHandler() => new()
    {
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        AllowAutoRedirect = false,
        UseCookies = false,
    };
}
