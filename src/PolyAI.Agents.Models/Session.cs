using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security;

namespace PolyAI.Agents;

/// <summary>
/// A connection to one PolyAI region (or base URI) with one API key. Immutable, so the same object can be
/// shared between runspaces (ForEach-Object -Parallel with $using:). The key is held as a read-only
/// SecureString and is not exposed by any public member, ToString() or serialization. Plain data: the engine
/// keeps what it builds for a session (retries, HTTP clients) itself (PolyAI.Agents.Client.SessionClients).
/// </summary>
public sealed class Session
{
    public const int DefaultTimeoutSec = 100;
    public const int DefaultMaxRetry = 4;
    public const int MaxTimeoutSec = 3600;

    private static readonly IReadOnlyDictionary<string, Uri> RegionEndpoints = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase)
    {
        ["us"] = new Uri("https://api.us.poly.ai"),
        ["uk"] = new Uri("https://api.uk.poly.ai"),
        ["eu"] = new Uri("https://api.eu.poly.ai"),
    };

    /// <summary>The documented regions: us, uk, eu.</summary>
    public static IReadOnlyList<string> Regions { get; } = RegionEndpoints.Keys.ToArray();

    /// <summary>The first wait before a retry; later ones grow exponentially, with jitter.</summary>
    internal static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromMilliseconds(400);

    private readonly SecureString _apiKey;

    private Session(Uri baseUri, string region, SecureString apiKey, string keySource, int timeoutSec, int maxRetry, string userAgent, TimeSpan retryBaseDelay)
    {
        BaseUri = baseUri;
        Region = region;
        _apiKey = apiKey;
        KeySource = keySource;
        TimeoutSec = timeoutSec;
        MaxRetry = maxRetry;
        UserAgent = userAgent;
        ConnectedAt = DateTimeOffset.Now;
        RetryBaseDelay = retryBaseDelay;
    }

    /// <summary>The API root every request goes to.</summary>
    public Uri BaseUri { get; }

    /// <summary>us, uk, eu, or "custom" for a -BaseUri session.</summary>
    public string Region { get; }

    /// <summary>Where the key came from (ApiKey, Credential or Environment); never the key itself.</summary>
    public string KeySource { get; }

    /// <summary>The limit for one request, in seconds (each retry gets its own).</summary>
    public int TimeoutSec { get; }

    /// <summary>How often a failed request that is safe to repeat is retried.</summary>
    public int MaxRetry { get; }

    public DateTimeOffset ConnectedAt { get; }

    internal string UserAgent { get; }

    internal TimeSpan RetryBaseDelay { get; }

    public override string ToString() => $"PolyAI session ({Region}: {BaseUri})";

    /// <summary>The key in clear text, only for the request header.</summary>
    internal string RevealApiKey() => new NetworkCredential(string.Empty, _apiKey).Password;

    /// <summary>Validates the inputs and makes a session. Throws ArgumentException with a message fit for users.</summary>
    public static Session Create(
        SecureString apiKey,
        string keySource,
        string? region,
        Uri? baseUri,
        int timeoutSec = DefaultTimeoutSec,
        int maxRetry = DefaultMaxRetry,
        string userAgent = "PolyAI.Agents")
    {
        if (apiKey is null || apiKey.Length == 0)
        {
            throw new ArgumentException("The API key is empty.");
        }

        if (timeoutSec < 1 || timeoutSec > MaxTimeoutSec)
        {
            throw new ArgumentException($"TimeoutSec must be between 1 and {MaxTimeoutSec} seconds.");
        }

        if (maxRetry < 0)
        {
            throw new ArgumentException("MaxRetry must be 0 or more.");
        }

        Uri endpoint;
        string regionName;
        if (baseUri is not null)
        {
            endpoint = ValidateBaseUri(baseUri);
            regionName = "custom";
        }
        else
        {
            regionName = string.IsNullOrWhiteSpace(region) ? "us" : region!.Trim().ToLowerInvariant();
            if (!RegionEndpoints.TryGetValue(regionName, out endpoint!))
            {
                throw new ArgumentException($"Unknown region '{region}'. Use one of: {string.Join(", ", Regions)}, or a base URI for another endpoint.");
            }
        }

        var key = apiKey.Copy();
        key.MakeReadOnly();
        return new Session(endpoint, regionName, key, keySource, timeoutSec, maxRetry, userAgent, DefaultRetryBaseDelay);
    }

    /// <summary>A copy with another first retry delay, so unit tests of the retry rules need not wait.</summary>
    internal Session WithRetryBaseDelay(TimeSpan retryBaseDelay) =>
        new(BaseUri, Region, _apiKey, KeySource, TimeoutSec, MaxRetry, UserAgent, retryBaseDelay);

    private static Uri ValidateBaseUri(Uri baseUri)
    {
        if (!baseUri.IsAbsoluteUri)
        {
            // Not echoed: a mistyped value may carry the key.
            throw new ArgumentException("The base URI must be absolute, for example https://api.us.poly.ai.");
        }

        if (!string.IsNullOrEmpty(baseUri.UserInfo) || !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment))
        {
            throw new ArgumentException("The base URI must not contain user info, a query or a fragment (the key goes in -ApiKey).");
        }

        var isHttps = baseUri.Scheme == Uri.UriSchemeHttps;
        var isLoopbackHttp = baseUri.Scheme == Uri.UriSchemeHttp && baseUri.IsLoopback;
        if (!isHttps && !isLoopbackHttp)
        {
            throw new ArgumentException(
                $"The base URI '{baseUri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)}' must use https. Plain http is allowed only to a loopback host (localhost, 127.0.0.1, ::1), so the API key never crosses a network unencrypted.");
        }

        return new Uri(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }
}
