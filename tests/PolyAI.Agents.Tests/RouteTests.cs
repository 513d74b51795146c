using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>Paths from the operation table's templates, asserted on the request URI the primary handler actually received.</summary>
public sealed class RouteTests
{
    private const string Base = "https://api.test.invalid";

    public static TheoryData<Operation> AllOperations => OperationCase.Names;

    [Theory]
    [MemberData(nameof(AllOperations))]
    public async Task EachOperation_SendsTheMethodAndPathOfItsTableRow(Operation operation)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());
        var call = OperationCase.Of(operation);

        await call.Invoke(api.Client, "A");

        var sent = api.Stub.Single;
        var expected = Base + call.ExpectedPathAndQuery("A", call.DefaultId);
        Assert.Equal(call.ApiOperation.Method.Method, sent.Method);
        Assert.Equal(expected, sent.AbsoluteUri);
        Assert.Equal(expected, sent.OriginalString);
    }

    /// <summary>Ids that could break out of their segment if they were not escaped, and what they must become.</summary>
    public static TheoryData<string, string> HostileIds => new()
    {
        { "../../agents/x", "..%2F..%2Fagents%2Fx" },
        { "a/b", "a%2Fb" },
        { "a?b", "a%3Fb" },
        { "a#b", "a%23b" },
        { "%2F", "%252F" },
        { "%2E%2E", "%252E%252E" },
        { "a b", "a%20b" },
        { "a\\b", "a%5Cb" },
        { "a;b", "a%3Bb" },
        { "café☎", "caf%C3%A9%E2%98%8E" },
        { "\U0001F600", "%F0%9F%98%80" },
        { "..x", "..x" },
        { "a+b", "a+b" },
        { "conn_abc-123.x~", "conn_abc-123.x~" },
    };

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task ConnectorId_BecomesExactlyOneEscapedSegment(string connectorId, string segment)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.GetConnectorAsync("A", connectorId, CancellationToken.None);

        var sent = api.Stub.Single;
        var expectedPath = "/v1/agents/A/telephony/connectors/" + segment;
        Assert.Equal(expectedPath, sent.AbsolutePath);
        Assert.Equal(Base + expectedPath, sent.AbsoluteUri);
        Assert.Equal(Base + expectedPath, sent.OriginalString);
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task AgentId_BecomesExactlyOneEscapedSegment(string agentId, string segment)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.ListConnectorsAsync(agentId, CancellationToken.None);

        var sent = api.Stub.Single;
        var expectedPath = "/v1/agents/" + segment + "/telephony/connectors";
        Assert.Equal(expectedPath, sent.AbsolutePath);
        Assert.Equal(Base + expectedPath, sent.AbsoluteUri);
        Assert.Equal(Base + expectedPath, sent.OriginalString);
    }

    [Fact]
    public async Task ThreeDotConnectorId_StaysOneLiteralSegment()
    {
        // "..." is not a dot-segment (RFC 3986 §3.3), so System.Uri may unescape "%2E%2E%2E" but must keep it.
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.GetConnectorAsync("A", "...", CancellationToken.None);

        Assert.Equal("/v1/agents/A/telephony/connectors/...", api.Stub.Single.AbsolutePath);
    }


    [Theory]
    [InlineData(".", "%2E")]
    [InlineData("..", "%2E%2E")]
    public async Task DotSegmentConnectorId_IsNotNormalizedAway(string connectorId, string segment)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        // Either refused up front, or sent as one segment under /connectors/: never another resource.
        try
        {
            await api.Client.GetConnectorAsync("A", connectorId, CancellationToken.None);
        }
        catch (ArgumentException)
        {
            Assert.Empty(api.Stub.Requests);
            return;
        }

        Assert.Equal("/v1/agents/A/telephony/connectors/" + segment, api.Stub.Single.AbsolutePath);
    }

    [Theory]
    [InlineData(".", "%2E")]
    [InlineData("..", "%2E%2E")]
    public async Task DotSegmentAgentId_IsNotNormalizedAway(string agentId, string segment)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        try
        {
            await api.Client.ListConnectorsAsync(agentId, CancellationToken.None);
        }
        catch (ArgumentException)
        {
            Assert.Empty(api.Stub.Requests);
            return;
        }

        Assert.Equal("/v1/agents/" + segment + "/telephony/connectors", api.Stub.Single.AbsolutePath);
    }

    [Fact]
    public async Task DeleteConnector_WithDotDotId_NeverSendsADeleteToAParentPath()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        try
        {
            await api.Client.DeleteConnectorAsync("A", "..", CancellationToken.None);
        }
        catch (ArgumentException)
        {
            // Refusing the id is a fine fix.
        }

        Assert.DoesNotContain(api.Stub.Requests, r => !r.AbsolutePath.StartsWith("/v1/agents/A/telephony/connectors/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteConnector_WithTraversalId_DeletesOnlyAConnectorOfTheSameAgent()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.DeleteConnectorAsync("A", "../../agents/x", CancellationToken.None);

        var sent = api.Stub.Single;
        Assert.Equal("DELETE", sent.Method);
        Assert.EndsWith("/v1/agents/A/telephony/connectors/..%2F..%2Fagents%2Fx", sent.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith("/v1/agents/A/telephony/connectors/..%2F..%2Fagents%2Fx", sent.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+442071234567")]
    [InlineData("+15550100001")]
    public void PhoneNumberRoute_KeepsThePlusLiteral(string number)
    {
        Assert.Equal("/v1/agents/A/telephony/phone-numbers/" + number, ApiOperations.GetPhoneNumber.Path(new[] { "A", number }));
    }

    [Fact]
    public async Task PhoneNumberInPath_ReachesTheHandlerWithALiteralPlus()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.GetPhoneNumberAsync("A", "+442071234567", CancellationToken.None);

        var sent = api.Stub.Single;
        Assert.Equal(Base + "/v1/agents/A/telephony/phone-numbers/+442071234567", sent.AbsoluteUri);
        Assert.Equal(Base + "/v1/agents/A/telephony/phone-numbers/+442071234567", sent.OriginalString);
    }

    [Theory]
    [InlineData("conn 1", "conn%201")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("a&connectorId=b", "a%26connectorId%3Db")]
    [InlineData("a#b", "a%23b")]
    [InlineData("a/b?c", "a%2Fb%3Fc")]
    [InlineData("café", "caf%C3%A9")]
    [InlineData("%41", "%2541")]
    public async Task ConnectorIdQuery_IsEscapedAsOneValue(string connectorId, string escaped)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await api.Client.ListPhoneNumbersAsync("A", connectorId, CancellationToken.None);

        var sent = api.Stub.Single;
        Assert.Equal(Base + "/v1/agents/A/telephony/phone-numbers?connectorId=" + escaped, sent.AbsoluteUri);
        Assert.Equal(Base + "/v1/agents/A/telephony/phone-numbers?connectorId=" + escaped, sent.OriginalString);
    }

    public static TheoryData<Operation, string, string> BlankIds => new()
    {
        { Operation.ListConnectors, "", "c1" },
        { Operation.ListConnectors, "   ", "c1" },
        { Operation.ListConnectors, "\t\n", "c1" },
        { Operation.GetConnector, "", "c1" },
        { Operation.GetConnector, "A", "" },
        { Operation.GetConnector, "A", " " },
        { Operation.DeleteConnector, " ", "c1" },
        { Operation.DeleteConnector, "A", "" },
        { Operation.DeleteConnector, "A", "\t" },
        { Operation.GetConnectorsBatch, "", "c1" },
        { Operation.GetConnectorsBatch, "A", "" },
        { Operation.GetConnectorsBatch, "A", "  " },
        { Operation.LookupConnector, "", "+442071234567" },
        { Operation.LookupConnector, "A", "" },
        { Operation.ListPhoneNumbers, " ", "c1" },
        { Operation.ListPhoneNumbersOfConnector, "A", "" },
        { Operation.ListPhoneNumbersOfConnector, "A", " " },
    };

    [Theory]
    [MemberData(nameof(BlankIds))]
    public async Task BlankId_ThrowsArgumentException_BeforeAnyRequest(Operation operation, string agentId, string id)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await Assert.ThrowsAsync<ArgumentException>(() => OperationCase.Of(operation).Invoke(api.Client, agentId, id));

        Assert.Empty(api.Stub.Requests);
    }

    [Fact]
    public async Task BatchGet_WithNoIds_ThrowsArgumentException_BeforeAnyRequest()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await Assert.ThrowsAsync<ArgumentException>(() => api.Client.GetConnectorsAsync("A", Array.Empty<string>(), CancellationToken.None));

        Assert.Empty(api.Stub.Requests);
    }

    [Fact]
    public async Task BatchGet_WithOneBlankIdAmongValidOnes_ThrowsArgumentException_BeforeAnyRequest()
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await Assert.ThrowsAsync<ArgumentException>(() => api.Client.GetConnectorsAsync("A", new[] { "c1", " ", "c2" }, CancellationToken.None));

        Assert.Empty(api.Stub.Requests);
    }

    [Theory]
    [InlineData("442071234567")]
    [InlineData("+44 20 7123 4567")]
    [InlineData("+0442071234567")]
    public async Task Lookup_WithNonE164Number_ThrowsArgumentException_BeforeAnyRequest(string number)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await Assert.ThrowsAsync<ArgumentException>(() => api.Client.LookupConnectorAsync("A", number, CancellationToken.None));

        Assert.Empty(api.Stub.Requests);
    }

    [Theory]
    [InlineData("https://proxy.example/polyai")]
    [InlineData("https://proxy.example/polyai/")]
    public async Task BaseUriWithPathPrefix_KeepsThePrefix(string baseUri)
    {
        using var api = ApiHarness.Create(OperationCase.Stub(), baseUri: new Uri(baseUri));

        await api.Client.GetConnectorAsync("A", "c1", CancellationToken.None);

        var sent = api.Stub.Single;
        Assert.Equal("https://proxy.example/polyai/v1/agents/A/telephony/connectors/c1", sent.AbsoluteUri);
    }

    [Fact]
    public async Task BaseUriWithPort_KeepsThePort()
    {
        using var api = ApiHarness.Create(OperationCase.Stub(), baseUri: new Uri("http://127.0.0.1:8080"));

        await api.Client.ListConnectorsAsync("A", CancellationToken.None);

        Assert.Equal("http://127.0.0.1:8080/v1/agents/A/telephony/connectors", api.Stub.Single.AbsoluteUri);
    }
}
