using System;
using System.Linq;
using System.Reflection;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>Session.Create: region and base-URI rules, and that the key never shows.</summary>
public sealed class SessionTests
{
    private const string Key = ApiHarness.ApiKey;

    private static Session Create(string? region = null, Uri? baseUri = null, string key = Key, int timeoutSec = 100, int maxRetry = 4) =>
        Session.Create(ApiHarness.Secure(key), "ApiKey", region, baseUri, timeoutSec, maxRetry);

    [Theory]
    [InlineData("us", "https://api.us.poly.ai/")]
    [InlineData("uk", "https://api.uk.poly.ai/")]
    [InlineData("eu", "https://api.eu.poly.ai/")]
    public void Region_MapsToItsDocumentedHost(string region, string expected)
    {
        var session = Create(region);

        Assert.Equal(expected, session.BaseUri.AbsoluteUri);
        Assert.Equal(region, session.Region);
    }

    [Theory]
    [InlineData("UK", "uk")]
    [InlineData(" eu ", "eu")]
    public void Region_IsCaseAndSpaceInsensitive(string region, string expected)
    {
        Assert.Equal(expected, Create(region).Region);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Region_DefaultsToUs(string? region)
    {
        var session = Create(region);

        Assert.Equal("us", session.Region);
        Assert.Equal("https://api.us.poly.ai/", session.BaseUri.AbsoluteUri);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("us-east-1")]
    [InlineData("api.us.poly.ai")]
    public void UnknownRegion_ThrowsArgumentException_ListingTheValidOnes(string region)
    {
        var ex = Assert.Throws<ArgumentException>(() => Create(region));

        Assert.Contains(region, ex.Message, StringComparison.Ordinal);
        Assert.Contains("us", ex.Message, StringComparison.Ordinal);
        Assert.Contains("uk", ex.Message, StringComparison.Ordinal);
        Assert.Contains("eu", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_AreExactlyTheDocumentedThree()
    {
        Assert.Equal(new[] { "eu", "uk", "us" }, Session.Regions.OrderBy(r => r, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://localhost:5000", "http://localhost:5000/")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000/")]
    [InlineData("https://proxy.example", "https://proxy.example/")]
    [InlineData("https://api.dev.poly.ai", "https://api.dev.poly.ai/")]
    [InlineData("https://10.1.2.3:8443/polyai/", "https://10.1.2.3:8443/polyai")]
    public void AllowedBaseUri_IsUsedAsTheCustomEndpoint(string baseUri, string expected)
    {
        var session = Create("uk", new Uri(baseUri));

        Assert.Equal(expected, session.BaseUri.AbsoluteUri);
        Assert.Equal("custom", session.Region);
    }

    [Theory]
    [InlineData("http://api.us.poly.ai")]
    [InlineData("http://10.0.0.1")]
    [InlineData("http://localhost.example.com")]
    [InlineData("http://127.0.0.1.nip.io")]
    [InlineData("ftp://127.0.0.1")]
    public void NonHttpsBaseUri_IsRefusedUnlessHttpToLoopback(string baseUri)
    {
        var ex = Assert.Throws<ArgumentException>(() => Create(baseUri: new Uri(baseUri)));

        Assert.Contains("https", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:pass@proxy.example")]
    [InlineData("https://proxy.example/?region=us")]
    [InlineData("https://proxy.example/#frag")]
    public void BaseUriWithUserInfoQueryOrFragment_IsRefused(string baseUri)
    {
        Assert.Throws<ArgumentException>(() => Create(baseUri: new Uri(baseUri)));
    }

    [Fact]
    public void RelativeBaseUri_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Create(baseUri: new Uri("api.us.poly.ai/?x-api-key=sk-typed-here", UriKind.Relative)));

        Assert.DoesNotContain("sk-typed-here", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusedHttpBaseUri_DoesNotEchoUserInfoCredentials()
    {
        var ex = Assert.Throws<ArgumentException>(() => Create(baseUri: new Uri("http://svc:pk-test-SECRET-123@proxy.example")));

        Assert.DoesNotContain("pk-test-SECRET-123", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyKey_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Session.Create(new SecureString(), "ApiKey", "us", null));
    }

    [Fact]
    public void NullKey_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Session.Create(null!, "ApiKey", "us", null));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void TimeoutBelowOneSecond_IsRefused(int timeoutSec)
    {
        Assert.Throws<ArgumentException>(() => Create(timeoutSec: timeoutSec));
    }

    [Fact]
    public async Task TimeoutAboveTheTimerLimit_IsRefusedUpFront_OrWorks()
    {
        Session session;
        try
        {
            session = Session.Create(ApiHarness.Secure(Key), "ApiKey", null, ApiHarness.TestBaseUri, int.MaxValue, 0);
        }
        catch (ArgumentException)
        {
            return; // refused up front: fine
        }

        using var api = ApiHarness.ForSession(OperationCase.Stub(), session);

        await api.Client.ListConnectorsAsync("A", CancellationToken.None);

        Assert.Single(api.Stub.Requests);
    }

    [Fact]
    public void NegativeMaxRetry_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Create(maxRetry: -1));
    }

    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var session = Session.Create(ApiHarness.Secure(Key), "Environment", null, null);

        Assert.Equal(Session.DefaultTimeoutSec, session.TimeoutSec);
        Assert.Equal(Session.DefaultMaxRetry, session.MaxRetry);
        Assert.Equal("Environment", session.KeySource);
    }

    [Fact]
    public void ToString_NamesTheEndpoint_NotTheKey()
    {
        var text = Create("eu").ToString();

        Assert.Contains("https://api.eu.poly.ai", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoPublicProperty_ContainsTheKey()
    {
        var session = Create(baseUri: new Uri("https://proxy.example/polyai"));

        var properties = typeof(Session).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
        Assert.NotEmpty(properties);
        foreach (var property in properties)
        {
            var value = property.GetValue(property.GetMethod!.IsStatic ? null : session);
            var text = value is System.Collections.IEnumerable list and not string
                ? string.Join(",", list.Cast<object>())
                : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.DoesNotContain(Key, text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void JsonSerialization_DoesNotContainTheKey()
    {
        var json = JsonSerializer.Serialize(Create("uk"));

        Assert.Contains("api.uk.poly.ai", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, json, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_KeepsItsOwnCopyOfTheKey()
    {
        // The caller may dispose its SecureString right after Connect-PolyAi.
        var callerKey = ApiHarness.Secure(Key);
        var session = Session.Create(callerKey, "ApiKey", null, ApiHarness.TestBaseUri, 30, 0);
        callerKey.Dispose();
        using var api = ApiHarness.ForSession(OperationCase.Stub(), session);

        await api.Client.ListConnectorsAsync("A", CancellationToken.None);

        Assert.Equal(Key, api.Stub.Single.Header("x-api-key"));
    }
}
