using System;
using System.Net.Http;
using System.Security;
using PolyAI.Agents.Client;
using PolyAI.Agents.Http;

namespace PolyAI.Agents.Tests.Support;

/// <summary>
/// The module's real HTTP pipeline (<see cref="PolyAiHttp.Pipeline"/>) over a <see cref="StubHandler"/>, a session
/// with a distinctive key, and a recording trace.
/// </summary>
internal sealed class ApiHarness : IDisposable
{
    /// <summary>Distinctive, so a leak anywhere is easy to spot.</summary>
    public const string ApiKey = "pk-test-SECRET-123";

    public static readonly Uri TestBaseUri = new("https://api.test.invalid");

    private readonly HttpClient _http;

    private ApiHarness(StubHandler stub, Session session)
    {
        Stub = stub;
        Session = session;
        Trace = new RecordingTrace();
        _http = PolyAiHttp.CreateClient(PolyAiHttp.Pipeline(stub));
        Client = new PolyAiClient(session, _http, Trace);
    }

    public StubHandler Stub { get; }

    public Session Session { get; }

    public RecordingTrace Trace { get; }

    public PolyAiClient Client { get; }

    /// <summary>maxRetry defaults to 0 so a retry handler added later cannot change what these tests see.</summary>
    public static ApiHarness Create(StubHandler stub, int timeoutSec = 30, int maxRetry = 0, Uri? baseUri = null, string? userAgent = null)
    {
        var session = userAgent is null
            ? Session.Create(Secure(ApiKey), "ApiKey", null, baseUri ?? TestBaseUri, timeoutSec, maxRetry)
            : Session.Create(Secure(ApiKey), "ApiKey", null, baseUri ?? TestBaseUri, timeoutSec, maxRetry, userAgent);
        return new ApiHarness(stub, session);
    }

    /// <summary>The pipeline over <paramref name="stub"/> with a session the test made itself.</summary>
    public static ApiHarness ForSession(StubHandler stub, Session session) => new(stub, session);

    public static SecureString Secure(string value)
    {
        var secure = new SecureString();
        foreach (var c in value)
        {
            secure.AppendChar(c);
        }

        return secure;
    }

    public void Dispose() => _http.Dispose();
}
