using System;
using System.Linq;
using System.Threading;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>How the operation table turns into requests: paths, matching a path back to its row, query and body
/// rules. (ContractTests hold the rows themselves to the published spec.)</summary>
public sealed class OperationTableTests
{
    private static string[] Segments(string path) => path.Substring(1).Split('/');

    [Fact]
    public void EveryRow_HasACallCase_AndEveryCaseCallsARowOfTheTable()
    {
        Assert.All(ApiOperations.All, row => Assert.Contains(OperationCase.All, c => c.ApiOperation == row));
        Assert.All(OperationCase.All, c => Assert.Contains(c.ApiOperation, ApiOperations.All));
    }

    [Theory]
    [InlineData("POST", "/v1/agents/A/telephony/connectors/batch", "C2")]
    [InlineData("PATCH", "/v1/agents/A/telephony/connectors/batch", "C3")]
    [InlineData("PATCH", "/v1/agents/A/telephony/connectors/c1", "C6")]
    [InlineData("POST", "/v1/agents/A/telephony/phone-numbers/batch", "P4")]
    [InlineData("POST", "/v1/agents/A/telephony/phone-numbers/+442071234567", "P6")]
    [InlineData("delete", "/v1/agents/A/telephony/phone-numbers", "P3")]
    [InlineData("GET", "/v1/agents", "A1")]
    public void APath_FindsItsRow_TheMostSpecificTemplateWinning(string method, string path, string id)
    {
        var row = ApiOperations.Find(method, Segments(path), out var values);

        Assert.Equal(id, row?.Id);
        Assert.Equal(row!.PathParameters.Count, values.Length);
        Assert.Equal("A", values.FirstOrDefault() ?? "A");
    }

    [Theory]
    [InlineData("GET", "/v1/agents/A/telephony/connectors/batch")]
    [InlineData("PUT", "/v1/agents/A/telephony/connectors/c1")]
    [InlineData("GET", "/v1/agents/A/telephony")]
    [InlineData("GET", "/v1/agents/A/telephony/connectors/c1/extra")]
    public void APathWithoutARowForTheMethod_FindsNone(string method, string path)
    {
        Assert.Null(ApiOperations.Find(method, Segments(path), out _));
    }

    [Fact]
    public void TheRowsOnAPath_AreThoseOfItsMostSpecificTemplate()
    {
        var methods = ApiOperations.OnPath(Segments("/v1/agents/A/telephony/connectors/batch")).Select(o => o.Method.Method).OrderBy(m => m);

        Assert.Equal(new[] { "PATCH", "POST" }, methods);
    }

    [Fact]
    public void APath_TakesExactlyOneValuePerParameter()
    {
        Assert.Throws<InvalidOperationException>(() => ApiOperations.GetConnector.Path(new[] { "A" }));
        Assert.Throws<ArgumentException>(() => ApiOperations.GetConnector.Path(new[] { "A", " " }));
    }

    [Fact]
    public void DeletesOneResource_IsTrueOnlyForADeleteThatEndsWithAnId()
    {
        Assert.Equal(new[] { "A3", "B3", "K5", "V4", "V8", "C7", "P8" }, ApiOperations.All.Where(o => o.DeletesOneResource).Select(o => o.Id));
    }

    [Fact]
    public void ARequest_TakesOnlyItsOperationsQueryParameters_AndNeedsItsBody()
    {
        using var api = ApiHarness.Create(StubHandler.Json("{}"));

        Assert.Throws<InvalidOperationException>(() => api.Client.Request(ApiOperations.ListConnectors, "List", "A").WithQuery("limit", "5"));
        Assert.Throws<InvalidOperationException>(() => { _ = api.Client.Request(ApiOperations.LookupConnector, "Look up", "A").SendAsync(dto => dto, CancellationToken.None); });
        Assert.Throws<InvalidOperationException>(() => api.Client.Request(ApiOperations.GetConnector, "Get", "A", "c1").WithBody(null!));
        Assert.Empty(api.Stub.Requests);
    }

    [Fact]
    public void AQueryValue_IsEscaped_AndANullOneIsLeftOut()
    {
        using var api = ApiHarness.Create(StubHandler.Json("{}"));

        var withValue = api.Client.Request(ApiOperations.ListPhoneNumbers, "List", "A").WithQuery("connectorId", "a&b c");
        var withNull = api.Client.Request(ApiOperations.ListPhoneNumbers, "List", "A").WithQuery("connectorId", null);

        Assert.Equal("/v1/agents/A/telephony/phone-numbers?connectorId=a%26b%20c", withValue.PathAndQuery);
        Assert.Equal("/v1/agents/A/telephony/phone-numbers", withNull.PathAndQuery);
    }
}
