using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>
/// Connector updates (C3, C6) and phone numbers (P2-P8): routes, request bodies exactly as documented, and the
/// mapping of 2xx bodies, per-item batch results and invalid responses.
/// </summary>
public sealed class TelephonyTests
{
    private const string Base = "https://api.test.invalid";
    private const string Agent = "A";
    private static readonly CancellationToken None = CancellationToken.None;

    // ------------------------------------------------------------------ C6 PATCH /connectors/{connectorId}

    private static readonly System.Collections.Generic.Dictionary<string, (ConnectorUpdate Update, string Body)> Updates = new()
    {
        ["voice only"] = (new ConnectorUpdate("c1") { VoiceName = "en-GB-Neural2-C" }, """{"voiceName":"en-GB-Neural2-C"}"""),
        ["variant and asr"] = (new ConnectorUpdate("c1") { VariantId = "var_7", AsrLangCode = "en-GB" }, """{"variantId":"var_7","asrLangCode":"en-GB"}"""),
        ["move only"] = (new ConnectorUpdate("c1") { ProjectId = "PROJECT-B" }, """{"projectId":"PROJECT-B"}"""),
        ["all four"] = (
            new ConnectorUpdate("c1") { VariantId = "v", AsrLangCode = "en-US", VoiceName = "en-US-Neural2-A", ProjectId = "P" },
            """{"variantId":"v","asrLangCode":"en-US","voiceName":"en-US-Neural2-A","projectId":"P"}"""),
        ["clear variant"] = (new ConnectorUpdate("c1") { ClearVariant = true }, """{"variantId":null}"""),
        ["clear variant and voice"] = (new ConnectorUpdate("c1") { ClearVariant = true, VoiceName = "en-GB-Neural2-A" }, """{"variantId":null,"voiceName":"en-GB-Neural2-A"}"""),
    };

    public static TheoryData<string> SingleUpdateBodies => new(Updates.Keys);

    [Theory]
    [MemberData(nameof(SingleUpdateBodies))]
    public async Task UpdateConnector_SendsOnlyTheGivenFields(string because)
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.Connector("c1")));
        var (update, expectedBody) = Updates[because];

        await api.Client.UpdateConnectorAsync(Agent, update, None);

        var sent = api.Stub.Single;
        Assert.True(expectedBody == sent.Body, $"{because}: {sent.Body}");
        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
    }

    [Fact]
    public async Task UpdateConnector_PatchesTheConnectorsRoute_AndReturnsTheConnector()
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.Connector("c 1", c => c["voiceName"] = "en-GB-Neural2-C")));

        var connector = await api.Client.UpdateConnectorAsync(Agent, new ConnectorUpdate("c 1") { VoiceName = "en-GB-Neural2-C" }, None);

        Assert.Equal("PATCH", api.Stub.Single.Method);
        Assert.Equal(Base + "/v1/agents/A/telephony/connectors/c%201", api.Stub.Single.OriginalString);
        Assert.Equal("en-GB-Neural2-C", connector.VoiceName);
        Assert.Equal(Agent, connector.AgentId);
    }

    [Fact]
    public async Task UpdateConnector_ThatMovesIt_BelongsToTheTargetProject()
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.Connector("c1", c => c["projectId"] = "PROJECT-B")));

        var connector = await api.Client.UpdateConnectorAsync(Agent, new ConnectorUpdate("c1") { ProjectId = "PROJECT-B" }, None);

        Assert.Equal("PROJECT-B", connector.AgentId);
    }

    private static readonly System.Collections.Generic.Dictionary<string, ConnectorUpdate> Refused = new()
    {
        ["sets nothing"] = new ConnectorUpdate("c1"),
        ["sets and clears the variant"] = new ConnectorUpdate("c1") { VariantId = "v", ClearVariant = true },
        ["blank connector id"] = new ConnectorUpdate(" ") { VoiceName = "en-GB-Neural2-A" },
        ["blank variant id"] = new ConnectorUpdate("c1") { VariantId = "" },
        ["blank project id"] = new ConnectorUpdate("c1") { ProjectId = " " },
        ["blank voice"] = new ConnectorUpdate("c1") { VoiceName = "" },
        ["blank asr language"] = new ConnectorUpdate("c1") { AsrLangCode = " " },
    };

    public static TheoryData<string> RefusedUpdates => new(Refused.Keys);

    [Theory]
    [MemberData(nameof(RefusedUpdates))]
    public void UpdateConnector_RefusesAnUpdateTheApiWouldMisread_BeforeAnyRequest(string because)
    {
        using var api = ApiHarness.Create(StubHandler.Json(Samples.Connector("c1")));
        var update = Refused[because];

        Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.UpdateConnectorAsync(Agent, update, None); });
        Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.UpdateConnectorsAsync(Agent, new[] { new ConnectorUpdate("c0") { VoiceName = "en-GB-Neural2-A" }, update }, None); });

        Assert.True(api.Stub.Requests.Count == 0, because);
    }

    [Fact]
    public async Task UpdateConnector_RefusedByTheApi_IsInvalidArgumentWithTheApiCode()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.BadRequest,
            """{"success":false,"error":"Bad Request","error_id":"corr-1","error_code":"CONNECTORS_VALIDATION_FAILED","error_message":"bad voice","data":null}"""));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.UpdateConnectorAsync(Agent, new ConnectorUpdate("c1") { VoiceName = "x-y" }, None));

        Assert.Equal(PolyAiFailureKind.InvalidArgument, ex.Kind);
        Assert.Equal("CONNECTORS_VALIDATION_FAILED", ex.ApiError.Code);
        Assert.Equal("Update connector 'c1' of agent 'A'", ex.Operation);
    }

    [Fact]
    public async Task UpdateConnector_ResponseWithoutARequiredField_IsInvalidResponse()
    {
        var body = Samples.ConnectorNode("c1");
        body.Remove("voiceName");
        using var api = ApiHarness.Create(StubHandler.Json(body.ToJsonString()));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.UpdateConnectorAsync(Agent, new ConnectorUpdate("c1") { VoiceName = "en-GB-Neural2-A" }, None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
    }

    // ------------------------------------------------------------------ C3 PATCH /connectors/batch

    [Fact]
    public async Task UpdateConnectors_SendsTheUpdatesInOrder_EachWithOnlyItsGivenFields()
    {
        using var api = ApiHarness.Create(StubHandler.Json(TelephonySamples.Results(
            TelephonySamples.Success("c1"), TelephonySamples.Success("c2"), TelephonySamples.Success("c3"))));

        await api.Client.UpdateConnectorsAsync(Agent, new[]
        {
            new ConnectorUpdate("c1") { VoiceName = "en-GB-Neural2-C" },
            new ConnectorUpdate("c2") { ClearVariant = true },
            new ConnectorUpdate("c3") { VariantId = "v", ProjectId = "P" },
        }, None);

        var sent = api.Stub.Single;
        Assert.Equal("PATCH", sent.Method);
        Assert.Equal(Base + "/v1/agents/A/telephony/connectors/batch", sent.OriginalString);
        Assert.Equal(
            """{"updates":[{"connectorId":"c1","voiceName":"en-GB-Neural2-C"},{"connectorId":"c2","variantId":null},{"connectorId":"c3","variantId":"v","projectId":"P"}]}""",
            sent.Body);
    }

    [Fact]
    public async Task UpdateConnectors_MapsEachResult_InTheOrderAskedFor()
    {
        using var api = ApiHarness.Create(StubHandler.Json(TelephonySamples.Results(
            TelephonySamples.Failure("c3", "'voiceName' must be a voice name like 'en-GB-Neural2-A', not 'x'."),
            TelephonySamples.Success("c1"),
            TelephonySamples.Failure("c2", "Connector 'c2' was not found."))));

        var results = await api.Client.UpdateConnectorsAsync(Agent, new[]
        {
            new ConnectorUpdate("c1") { VoiceName = "x" }, new ConnectorUpdate("c2") { VoiceName = "x" }, new ConnectorUpdate("c3") { VoiceName = "x" },
        }, None);

        Assert.Equal(new[] { "c1", "c2", "c3" }, results.Select(r => r.Key));
        Assert.True(results[0].Succeeded);
        Assert.Equal("c1", results[0].Value!.ConnectorId);
        Assert.Equal(Agent, results[0].Value!.AgentId);
        Assert.Null(results[0].Failure);

        Assert.False(results[1].Succeeded);
        Assert.Null(results[1].Value);
        Assert.Equal(PolyAiFailureKind.NotFound, results[1].Failure!.Kind);
        Assert.Equal("Update connector 'c2' of agent 'A' failed: Connector 'c2' was not found.", results[1].Failure!.Message);
        Assert.Equal("Connector 'c2' was not found.", results[1].Failure!.ApiError.Message);

        Assert.Equal(PolyAiFailureKind.InvalidArgument, results[2].Failure!.Kind);
    }

    [Fact]
    public async Task UpdateConnectors_ASuccessfulMove_BelongsToTheTargetProject()
    {
        using var api = ApiHarness.Create(StubHandler.Json(TelephonySamples.Results(TelephonySamples.Success("c1"), TelephonySamples.Success("c2"))));

        var results = await api.Client.UpdateConnectorsAsync(Agent, new[]
        {
            new ConnectorUpdate("c1") { ProjectId = "PROJECT-B" }, new ConnectorUpdate("c2") { VoiceName = "en-GB-Neural2-A" },
        }, None);

        Assert.Equal(new[] { "PROJECT-B", Agent }, results.Select(r => r.Value!.AgentId));
    }

    [Fact]
    public async Task UpdateConnectors_TheSameConnectorTwice_GetsBothOfItsResults_InOrder()
    {
        var first = TelephonySamples.Success("c1");
        first["data"]!["voiceName"] = "en-GB-Neural2-A";
        var second = TelephonySamples.Success("c1");
        second["data"]!["voiceName"] = "en-GB-Neural2-B";
        using var api = ApiHarness.Create(StubHandler.Json(TelephonySamples.Results(first, second)));

        var results = await api.Client.UpdateConnectorsAsync(Agent, new[]
        {
            new ConnectorUpdate("c1") { VoiceName = "en-GB-Neural2-A" }, new ConnectorUpdate("c1") { VoiceName = "en-GB-Neural2-B" },
        }, None);

        Assert.Equal(new[] { "en-GB-Neural2-A", "en-GB-Neural2-B" }, results.Select(r => r.Value!.VoiceName));
    }

    [Fact]
    public async Task UpdateConnectors_AnUpdateWithoutAResult_IsAnInvalidResponseForThatItemOnly()
    {
        using var api = ApiHarness.Create(StubHandler.Json(TelephonySamples.Results(TelephonySamples.Success("c1"))));

        var results = await api.Client.UpdateConnectorsAsync(Agent, new[]
        {
            new ConnectorUpdate("c1") { VoiceName = "en-GB-Neural2-A" }, new ConnectorUpdate("c2") { VoiceName = "en-GB-Neural2-A" },
        }, None);

        Assert.True(results[0].Succeeded);
        Assert.Equal(PolyAiFailureKind.InvalidResponse, results[1].Failure!.Kind);
        Assert.Contains("no result", results[1].Failure!.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BrokenSuccessItems => new()
    {
        { "no data", """{"connectorId":"c2","success":true}""" },
        { "data null", """{"connectorId":"c2","success":true,"data":null}""" },
        { "data without name", """{"connectorId":"c2","success":true,"data":{"connectorId":"c2","accountId":"a","projectId":"p","clientEnv":"live","variantId":"","asrLangCode":"en-GB","ttsLangCode":"en-GB","voiceName":"en-GB-x","disableHandoff":false}}""" },
        { "name null", """{"connectorId":"c2","success":true,"data":{"connectorId":"c2","name":null,"accountId":"a","projectId":"p","clientEnv":"live","variantId":"","asrLangCode":"en-GB","ttsLangCode":"en-GB","voiceName":"en-GB-x","disableHandoff":false}}""" },
    };

    [Theory]
    [MemberData(nameof(BrokenSuccessItems))]
    public async Task UpdateConnectors_ASuccessWithoutAValidConnector_IsAnInvalidResponseForThatItemOnly(string because, string item)
    {
        var body = """{"results":[""" + TelephonySamples.Success("c1").ToJsonString() + "," + item + "]}";
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var results = await api.Client.UpdateConnectorsAsync(Agent, new[]
        {
            new ConnectorUpdate("c1") { VoiceName = "en-GB-Neural2-A" }, new ConnectorUpdate("c2") { VoiceName = "en-GB-Neural2-A" },
        }, None);

        Assert.True(results[0].Succeeded, because);
        Assert.Equal(PolyAiFailureKind.InvalidResponse, results[1].Failure!.Kind);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"results":null}""")]
    [InlineData("""{"results":[null]}""")]
    [InlineData("""{"results":[{"connectorId":"c1"}]}""")]
    [InlineData("""{"results":[{"success":true}]}""")]
    [InlineData("""{"results":[{"connectorId":null,"success":false}]}""")]
    public async Task UpdateConnectors_ABrokenResultsList_IsAnInvalidResponse(string body)
    {
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.UpdateConnectorsAsync(Agent, new[]
        {
            new ConnectorUpdate("c1") { VoiceName = "en-GB-Neural2-A" }, new ConnectorUpdate("c2") { VoiceName = "en-GB-Neural2-A" },
        }, None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task UpdateConnectors_AFailureWithoutAReason_SaysSo()
    {
        using var api = ApiHarness.Create(StubHandler.Json("""{"results":[{"connectorId":"c1","success":false}]}"""));

        var result = Assert.Single(await api.Client.UpdateConnectorsAsync(Agent, new[] { new ConnectorUpdate("c1") { VoiceName = "x" } }, None));

        Assert.Equal(PolyAiFailureKind.InvalidArgument, result.Failure!.Kind);
        Assert.Contains("gave no reason", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateConnectors_RefusesAnEmptyList()
    {
        using var api = ApiHarness.Create(StubHandler.Json("{}"));

        Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.UpdateConnectorsAsync(Agent, Array.Empty<ConnectorUpdate>(), None); });
        Assert.Empty(api.Stub.Requests);
    }

    // ------------------------------------------------------------------ per-item error text

    [Theory]
    [InlineData("Connector 'c1' was not found.", PolyAiFailureKind.NotFound)]
    [InlineData("CONNECTORS_NOT_FOUND", PolyAiFailureKind.NotFound)]
    [InlineData("PHONE_NUMBERS_NOT_FOUND: +15550100001", PolyAiFailureKind.NotFound)]
    [InlineData("PHONE_NUMBERS_CONNECTOR_DOES_NOT_EXIST", PolyAiFailureKind.NotFound)]
    [InlineData("The API key has no access to agent 'P'.", PolyAiFailureKind.PermissionDenied)]
    [InlineData("Forbidden", PolyAiFailureKind.PermissionDenied)]
    [InlineData("Unauthorized", PolyAiFailureKind.PermissionDenied)]
    [InlineData("Phone number '+1' already exists.", PolyAiFailureKind.AlreadyExists)]
    [InlineData("VARIANTS_DUPLICATE_NAME_ERROR", PolyAiFailureKind.AlreadyExists)]
    [InlineData("The branch has a merge conflict.", PolyAiFailureKind.Conflict)]
    [InlineData("VARIANTS_REMOVE_DEFAULT_ERROR: the default variant cannot be removed", PolyAiFailureKind.InvalidOperation)]
    [InlineData("'x' is not a valid E.164 phone number.", PolyAiFailureKind.InvalidArgument)]
    [InlineData("CONNECTORS_VALIDATION_FAILED", PolyAiFailureKind.InvalidArgument)]
    [InlineData("'asrLangCode' must be a language code like 'en-GB', not 'bad'.", PolyAiFailureKind.InvalidArgument)]
    [InlineData("Project 'X' does not exist.", PolyAiFailureKind.ServerError)]
    [InlineData("something else", PolyAiFailureKind.ServerError)]
    [InlineData("", PolyAiFailureKind.ServerError)]
    [InlineData(null, PolyAiFailureKind.ServerError)]
    public void ItemErrorText_MapsToAKind_NeverToAuthentication(string? text, PolyAiFailureKind expected)
    {
        // ServerError stands for "the fallback the caller chose".
        var ex = BatchItemFailure.From(ApiOperations.UpdateConnectorsBatch, "Do it", text, PolyAiFailureKind.ServerError);

        Assert.Equal(expected, ex.Kind);
        Assert.NotEqual(PolyAiFailureKind.Authentication, ex.Kind);
    }

    [Theory]
    [InlineData("CONNECTORS_NOT_FOUND", "CONNECTORS_NOT_FOUND")]
    [InlineData("PHONE_NUMBERS_NOT_FOUND: +15550100001", "PHONE_NUMBERS_NOT_FOUND")]
    [InlineData("PHONE_NUMBERS_CONNECTOR_DOES_NOT_EXIST (conn-9)", "PHONE_NUMBERS_CONNECTOR_DOES_NOT_EXIST")]
    [InlineData("Connector 'c1' was not found.", null)]
    [InlineData("NOTACODE", null)]
    [InlineData("CONNECTORS_NOT_FOUNDx", null)]
    public void ItemErrorText_ThatStartsWithAPlatformCode_CarriesIt(string text, string? code)
    {
        Assert.Equal(code, BatchItemFailure.From(ApiOperations.UpdateConnectorsBatch, "Do it", text, PolyAiFailureKind.InvalidArgument).ApiError.Code);
    }

    // ------------------------------------------------------------------ phone numbers in paths

    /// <summary>The cases whose path ends with the phone number (P5-P8).</summary>
    public static TheoryData<Operation> SingleNumberOperations =>
        new(OperationCase.All.Where(c => c.ApiOperation.PathParameters.Contains("phoneNumber")).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(SingleNumberOperations))]
    public async Task SingleNumberOperations_PutTheNumberInThePath_WithItsPlus(Operation operation)
    {
        using var api = ApiHarness.Create(OperationCase.Stub());

        await OperationCase.Of(operation).Invoke(api.Client, Agent, "+442071234567");

        var sent = api.Stub.Single;
        Assert.Equal(Base + "/v1/agents/A/telephony/phone-numbers/+442071234567", sent.OriginalString);
        Assert.Equal("/v1/agents/A/telephony/phone-numbers/+442071234567", sent.AbsolutePath);
    }

    public static TheoryData<Operation, string> NotE164 => new()
    {
        { Operation.GetPhoneNumber, "02071234567" }, { Operation.ImportPhoneNumber, "+44 20 7123 4567" }, { Operation.ReassignPhoneNumber, "+0442071234567" },
        { Operation.DeletePhoneNumber, "+1234567890123456" }, { Operation.GetPhoneNumber, "" }, { Operation.DeletePhoneNumber, "+" },
        { Operation.ImportPhoneNumber, "+44207123456a" }, { Operation.ReassignPhoneNumber, "../+1555" },
    };

    [Theory]
    [MemberData(nameof(NotE164))]
    public void SingleNumberOperations_RefuseANumberThatIsNotE164_BeforeAnyRequest(Operation operation, string number)
    {
        using var api = ApiHarness.Create(StubHandler.Json("{}"));

        var ex = Assert.ThrowsAny<ArgumentException>(() => { _ = OperationCase.Of(operation).Invoke(api.Client, Agent, number); });

        Assert.Contains("E.164", ex.Message, StringComparison.Ordinal);
        Assert.Empty(api.Stub.Requests);
    }

    [Fact]
    public void BulkOperations_RefuseAListWithANumberThatIsNotE164_BeforeAnyRequest()
    {
        using var api = ApiHarness.Create(StubHandler.Json("{}"));
        var numbers = new[] { "+15550100001", "5550100002" };

        Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.GetPhoneNumbersAsync(Agent, numbers, None); });
        Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.ImportPhoneNumbersAsync(Agent, numbers, null, None); });
        Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.DeletePhoneNumbersAsync(Agent, numbers, None); });
        Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.DeletePhoneNumbersAsync(Agent, Array.Empty<string>(), None); });
        Assert.Empty(api.Stub.Requests);
    }

    // ------------------------------------------------------------------ P5 GET, P4 batch get

    [Fact]
    public async Task GetPhoneNumber_MapsEveryField_PlusTheAgentIdOfTheCall()
    {
        using var api = ApiHarness.Create(StubHandler.Json(TelephonySamples.PhoneNumber("+15550100001")));

        var number = await api.Client.GetPhoneNumberAsync(Agent, "+15550100001", None);

        Assert.Equal((Agent, "+15550100001", "PROJECT-58RP822I", "ws-fd112d8f", "live", "conn_abc123"),
            (number.AgentId, number.Number, number.ProjectId, number.AccountId, number.ClientEnv, number.ConnectorId));
        Assert.Null(api.Stub.Single.Body);
    }

    [Theory]
    [InlineData("number")]
    [InlineData("projectId")]
    [InlineData("accountId")]
    [InlineData("clientEnv")]
    public async Task GetPhoneNumber_WithARequiredFieldNullOrMissing_IsInvalidResponse(string field)
    {
        using var nulled = ApiHarness.Create(StubHandler.Json(TelephonySamples.PhoneNumber(edit: n => n[field] = null)));
        using var missing = ApiHarness.Create(StubHandler.Json(TelephonySamples.PhoneNumber(edit: n => n.Remove(field))));

        var ex1 = await Assert.ThrowsAsync<PolyAiApiException>(() => nulled.Client.GetPhoneNumberAsync(Agent, "+442071234567", None));
        var ex2 = await Assert.ThrowsAsync<PolyAiApiException>(() => missing.Client.GetPhoneNumberAsync(Agent, "+442071234567", None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex1.Kind);
        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex2.Kind);
    }

    [Fact]
    public async Task GetPhoneNumber_404_IsNotFound()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.NotFound, """{"error":{"code":"PHONE_NUMBERS_NOT_FOUND","id":14006,"message":"nope"}}"""));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetPhoneNumberAsync(Agent, "+15550100001", None));

        Assert.Equal(PolyAiFailureKind.NotFound, ex.Kind);
        Assert.Equal("PHONE_NUMBERS_NOT_FOUND", ex.ApiError.Code);
    }

    [Fact]
    public async Task GetPhoneNumbers_PostsTheNumbersBody_AndReturnsFoundAndNotFound_AsTheApiListedThem()
    {
        var body = new JsonObject
        {
            ["found"] = new JsonArray(TelephonySamples.PhoneNumberNode("+15550100003"), TelephonySamples.PhoneNumberNode("+15550100001", connectorId: null)),
            ["notFound"] = new JsonArray("+15550100002"),
        }.ToJsonString();
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var result = await api.Client.GetPhoneNumbersAsync(Agent, new[] { "+15550100001", "+15550100002", "+15550100003" }, None);

        var sent = api.Stub.Single;
        Assert.Equal("POST", sent.Method);
        Assert.Equal(Base + "/v1/agents/A/telephony/phone-numbers/batch", sent.OriginalString);
        Assert.Equal("""{"phoneNumbers":["+15550100001","+15550100002","+15550100003"]}""", sent.Body);
        Assert.Equal(new[] { "+15550100003", "+15550100001" }, result.Found.Select(n => n.Number));
        Assert.Null(result.Found[1].ConnectorId);
        Assert.Equal(new[] { "+15550100002" }, result.NotFound);
    }

    [Theory]
    [InlineData("""{"found":[]}""")]
    [InlineData("""{"notFound":[]}""")]
    [InlineData("""{"found":[null],"notFound":[]}""")]
    [InlineData("""{"found":[],"notFound":[null]}""")]
    public async Task GetPhoneNumbers_WithoutARequiredList_IsInvalidResponse(string body)
    {
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.GetPhoneNumbersAsync(Agent, new[] { "+15550100001", "+15550100002" }, None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
    }

    // ------------------------------------------------------------------ P6 single import, P2 bulk import

    [Fact]
    public async Task ImportPhoneNumber_WithoutClientEnv_SendsAnEmptyObject_AndHandles201()
    {
        using var api = ApiHarness.Create(TelephonySamples.Created("""{"imported":"+15550100009"}"""));

        var imported = await api.Client.ImportPhoneNumberAsync(Agent, "+15550100009", null, None);

        Assert.Equal("{}", api.Stub.Single.Body);
        Assert.Equal("POST", api.Stub.Single.Method);
        Assert.Equal((Agent, "+15550100009", "live"), (imported.AgentId, imported.Number, imported.ClientEnv));
    }

    [Fact]
    public async Task ImportPhoneNumber_WithClientEnv_SendsIt()
    {
        using var api = ApiHarness.Create(TelephonySamples.Created("""{"imported":"+15550100009"}"""));

        var imported = await api.Client.ImportPhoneNumberAsync(Agent, "+15550100009", "pre-release", None);

        Assert.Equal("""{"clientEnv":"pre-release"}""", api.Stub.Single.Body);
        Assert.Equal("pre-release", imported.ClientEnv);
    }

    [Fact]
    public async Task ImportPhoneNumber_409_IsAlreadyExists()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.Conflict,
            """{"success":false,"error":"Conflict","error_id":"corr-9","error_code":"PHONE_NUMBERS_ALREADY_EXISTS","error_message":"exists","data":null}"""));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.ImportPhoneNumberAsync(Agent, "+15550100001", null, None));

        Assert.Equal(PolyAiFailureKind.AlreadyExists, ex.Kind);
        Assert.Equal("PhoneNumberAlreadyExists", ex.ErrorName);
        Assert.Equal("PHONE_NUMBERS_ALREADY_EXISTS", ex.ApiError.Code);
        Assert.Single(api.Stub.Requests);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"imported":null}""")]
    [InlineData("""{"imported":["+15550100009"]}""")]
    public async Task ImportPhoneNumber_WithoutImported_IsInvalidResponse(string body)
    {
        using var api = ApiHarness.Create(TelephonySamples.Created(body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.ImportPhoneNumberAsync(Agent, "+15550100009", null, None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal(201, ex.StatusCode);
    }

    [Fact]
    public async Task ImportPhoneNumbers_PostsTheNumbers_WithoutClientEnvWhenNotGiven()
    {
        using var api = ApiHarness.Create(TelephonySamples.Created("""{"imported":["+15550100008","+15550100009"]}"""));

        await api.Client.ImportPhoneNumbersAsync(Agent, new[] { "+15550100008", "+15550100009" }, null, None);

        var sent = api.Stub.Single;
        Assert.Equal("POST", sent.Method);
        Assert.Equal(Base + "/v1/agents/A/telephony/phone-numbers", sent.OriginalString);
        Assert.Equal("""{"phoneNumbers":["+15550100008","+15550100009"]}""", sent.Body);
    }

    [Fact]
    public async Task ImportPhoneNumbers_WithClientEnv_SendsItOnce_ForAllNumbers()
    {
        using var api = ApiHarness.Create(TelephonySamples.Created("""{"imported":["+15550100008","+15550100009"]}"""));

        var results = await api.Client.ImportPhoneNumbersAsync(Agent, new[] { "+15550100008", "+15550100009" }, "sandbox", None);

        Assert.Equal("""{"phoneNumbers":["+15550100008","+15550100009"],"clientEnv":"sandbox"}""", api.Stub.Single.Body);
        Assert.All(results, r => Assert.Equal("sandbox", r.Value!.ClientEnv));
    }

    [Fact]
    public async Task ImportPhoneNumbers_NumbersNotImported_AreAlreadyExists_InTheOrderAskedFor()
    {
        using var api = ApiHarness.Create(TelephonySamples.Created("""{"imported":["+15550100009","+15550100007"]}"""));

        var results = await api.Client.ImportPhoneNumbersAsync(Agent, new[] { "+15550100007", "+15550100008", "+15550100009" }, null, None);

        Assert.Equal(new[] { "+15550100007", "+15550100008", "+15550100009" }, results.Select(r => r.Key));
        Assert.Equal(new[] { true, false, true }, results.Select(r => r.Succeeded));
        Assert.Equal("+15550100007", results[0].Value!.Number);
        Assert.Equal("live", results[0].Value!.ClientEnv);
        Assert.Equal(PolyAiFailureKind.AlreadyExists, results[1].Failure!.Kind);
        Assert.Equal("PhoneNumberAlreadyExists", results[1].Failure!.ErrorName);
        Assert.Contains("'+15550100008'", results[1].Failure!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"imported":null}""")]
    [InlineData("""{"imported":[null]}""")]
    [InlineData("""{"imported":"+15550100009"}""")]
    public async Task ImportPhoneNumbers_WithoutTheImportedList_IsInvalidResponse(string body)
    {
        using var api = ApiHarness.Create(TelephonySamples.Created(body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.ImportPhoneNumbersAsync(Agent, new[] { "+15550100008", "+15550100009" }, null, None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
    }

    // ------------------------------------------------------------------ P7 reassign

    [Fact]
    public async Task ReassignPhoneNumber_PatchesTheConnectorIdBody_AndReturnsTheNumber()
    {
        using var api = ApiHarness.Create(StubHandler.Json(TelephonySamples.PhoneNumber("+15550100001", n => n["connectorId"] = "c2")));

        var number = await api.Client.ReassignPhoneNumberAsync(Agent, "+15550100001", "c2", None);

        Assert.Equal("""{"connectorId":"c2"}""", api.Stub.Single.Body);
        Assert.Equal("application/json; charset=utf-8", api.Stub.Single.ContentType);
        Assert.Equal("c2", number.ConnectorId);
        Assert.Equal(Agent, number.AgentId);
    }

    [Fact]
    public async Task ReassignPhoneNumber_ToAMissingConnector_CarriesTheConnectorCode()
    {
        using var api = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.NotFound,
            """{"success":false,"error":"Not Found","error_id":"c","error_code":"PHONE_NUMBERS_CONNECTOR_DOES_NOT_EXIST","error_message":"no","data":null}"""));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.ReassignPhoneNumberAsync(Agent, "+15550100001", "c9", None));

        Assert.Equal(PolyAiFailureKind.NotFound, ex.Kind);
        Assert.Equal("PHONE_NUMBERS_CONNECTOR_DOES_NOT_EXIST", ex.ApiError.Code);
    }

    [Fact]
    public void ReassignPhoneNumber_RefusesABlankConnectorId()
    {
        using var api = ApiHarness.Create(StubHandler.Json("{}"));

        Assert.ThrowsAny<ArgumentException>(() => { _ = api.Client.ReassignPhoneNumberAsync(Agent, "+15550100001", " ", None); });
        Assert.Empty(api.Stub.Requests);
    }

    // ------------------------------------------------------------------ P8 single delete, P3 bulk delete

    [Fact]
    public async Task DeletePhoneNumber_SendsNoBody_AndReturnsTheRemoval()
    {
        using var api = ApiHarness.Create(StubHandler.Json("""{"deleted":"+15550100001"}"""));

        var removal = await api.Client.DeletePhoneNumberAsync(Agent, "+15550100001", None);

        Assert.Null(api.Stub.Single.Body);
        Assert.Equal((Agent, "+15550100001"), (removal.AgentId, removal.Number));
        Assert.Equal("+15550100001", removal.ToString());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"deleted":null}""")]
    public async Task DeletePhoneNumber_WithoutDeleted_IsInvalidResponse(string body)
    {
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.DeletePhoneNumberAsync(Agent, "+15550100001", None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task DeletePhoneNumbers_SendsTheNumbersAsABodyOnDelete()
    {
        using var api = ApiHarness.Create(StubHandler.Json("""{"deleted":["+15550100001","+15550100002"]}"""));

        await api.Client.DeletePhoneNumbersAsync(Agent, new[] { "+15550100001", "+15550100002" }, None);

        var sent = api.Stub.Single;
        Assert.Equal("DELETE", sent.Method);
        Assert.Equal(Base + "/v1/agents/A/telephony/phone-numbers", sent.OriginalString);
        Assert.Equal("""{"phoneNumbers":["+15550100001","+15550100002"]}""", sent.Body);
        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
    }

    [Fact]
    public async Task DeletePhoneNumbers_WithoutErrors_ReleasesEveryNumber_InTheOrderAskedFor()
    {
        using var api = ApiHarness.Create(StubHandler.Json("""{"deleted":["+15550100002","+15550100001"]}"""));

        var results = await api.Client.DeletePhoneNumbersAsync(Agent, new[] { "+15550100001", "+15550100002" }, None);

        Assert.Equal(new[] { "+15550100001", "+15550100002" }, results.Select(r => r.Value!.Number));
        Assert.All(results, r => Assert.Equal(Agent, r.Value!.AgentId));
    }

    [Fact]
    public async Task DeletePhoneNumbers_WithErrors_ReportsEachNumberNotReleased()
    {
        using var api = ApiHarness.Create(StubHandler.Json("""
            {"deleted":["+15550100001"],
             "errors":[{"phoneNumber":"+15550100003","error":"'+15550100003' is not a valid E.164 phone number."},
                       {"phoneNumber":"+15550100002","error":"Phone number '+15550100002' was not found."},
                       {"phoneNumber":"+15550100004","error":"the line is busy"}]}
            """));

        var results = await api.Client.DeletePhoneNumbersAsync(Agent, new[] { "+15550100001", "+15550100002", "+15550100003", "+15550100004" }, None);

        Assert.Equal(4, results.Count);
        Assert.True(results[0].Succeeded);
        Assert.Equal(PolyAiFailureKind.NotFound, results[1].Failure!.Kind);
        Assert.Equal("Delete phone number '+15550100002' of agent 'A' failed: Phone number '+15550100002' was not found.", results[1].Failure!.Message);
        Assert.Equal(PolyAiFailureKind.InvalidArgument, results[2].Failure!.Kind);
        Assert.Equal(PolyAiFailureKind.Rejected, results[3].Failure!.Kind);
    }

    [Fact]
    public async Task DeletePhoneNumbers_ANumberInNeitherList_IsAnInvalidResponseForThatNumberOnly()
    {
        using var api = ApiHarness.Create(StubHandler.Json("""{"deleted":["+15550100001"],"errors":[]}"""));

        var results = await api.Client.DeletePhoneNumbersAsync(Agent, new[] { "+15550100001", "+15550100002" }, None);

        Assert.True(results[0].Succeeded);
        Assert.Equal(PolyAiFailureKind.InvalidResponse, results[1].Failure!.Kind);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"deleted":null}""")]
    [InlineData("""{"deleted":[null]}""")]
    [InlineData("""{"deleted":[],"errors":[null]}""")]
    [InlineData("""{"deleted":[],"errors":[{"phoneNumber":"+15550100001"}]}""")]
    [InlineData("""{"deleted":[],"errors":[{"error":"x"}]}""")]
    [InlineData("""{"deleted":[],"errors":[{"phoneNumber":null,"error":"x"}]}""")]
    public async Task DeletePhoneNumbers_ABrokenBody_IsAnInvalidResponse(string body)
    {
        using var api = ApiHarness.Create(StubHandler.Json(body));

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.DeletePhoneNumbersAsync(Agent, new[] { "+15550100001", "+15550100002" }, None));

        Assert.Equal(PolyAiFailureKind.InvalidResponse, ex.Kind);
    }

    private const string NotFoundAfterRetry = """
        {"deleted":["+15550100002"],"errors":[{"phoneNumber":"+15550100001","error":"Phone number '+15550100001' was not found."}]}
        """;

    [Fact]
    public async Task DeletePhoneNumbers_RetriedAfterALostResponse_ReportsNotFoundAsRemovalUnconfirmed()
    {
        using var api = ApiHarness.Create(
            TelephonySamples.Sequence(() => Respond.With(HttpStatusCode.BadGateway), () => Respond.With(HttpStatusCode.OK, NotFoundAfterRetry)),
            maxRetry: 1);

        var results = await api.Client.DeletePhoneNumbersAsync(Agent, new[] { "+15550100001", "+15550100002" }, None);

        Assert.Equal(2, api.Stub.Requests.Count);
        Assert.Equal(api.Stub.Requests[0].Body, api.Stub.Requests[1].Body);
        Assert.Equal(PolyAiFailureKind.RemovalUnconfirmed, results[0].Failure!.Kind);
        Assert.Contains("earlier attempt", results[0].Failure!.Message, StringComparison.Ordinal);
        Assert.True(results[1].Succeeded);
    }

    [Fact]
    public async Task DeletePhoneNumbers_RetriedAfterA503_StillReportsNotFound()
    {
        // 503: the server says it did nothing, so "not found" on the retry means what it says.
        using var api = ApiHarness.Create(
            TelephonySamples.Sequence(() => Respond.With(HttpStatusCode.ServiceUnavailable), () => Respond.With(HttpStatusCode.OK, NotFoundAfterRetry)),
            maxRetry: 1);

        var results = await api.Client.DeletePhoneNumbersAsync(Agent, new[] { "+15550100001", "+15550100002" }, None);

        Assert.Equal(2, api.Stub.Requests.Count);
        Assert.Equal(PolyAiFailureKind.NotFound, results[0].Failure!.Kind);
    }

    [Fact]
    public async Task DeletePhoneNumbers_WithoutARetry_ReportsNotFound()
    {
        using var api = ApiHarness.Create(StubHandler.Json(NotFoundAfterRetry));

        var results = await api.Client.DeletePhoneNumbersAsync(Agent, new[] { "+15550100001", "+15550100002" }, None);

        Assert.Equal(PolyAiFailureKind.NotFound, results[0].Failure!.Kind);
    }

    [Fact]
    public async Task DeletePhoneNumber_RetriedAfterALostResponse_404IsRemovalUnconfirmed()
    {
        using var api = ApiHarness.Create(
            TelephonySamples.Sequence(() => Respond.With(HttpStatusCode.GatewayTimeout), () => Respond.With(HttpStatusCode.NotFound, """{"error":{"code":"PHONE_NUMBERS_NOT_FOUND","message":"gone"}}""")),
            maxRetry: 1);

        var ex = await Assert.ThrowsAsync<PolyAiApiException>(() => api.Client.DeletePhoneNumberAsync(Agent, "+15550100001", None));

        Assert.Equal(PolyAiFailureKind.RemovalUnconfirmed, ex.Kind);
    }

    // ------------------------------------------------------------------ what is never repeated

    [Fact]
    public async Task Imports_AndUpdates_AreNotRepeatedAfterALostResponse()
    {
        using var import = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.BadGateway), maxRetry: 2);
        using var update = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.BadGateway), maxRetry: 2);
        using var route = ApiHarness.Create(StubHandler.Returning(HttpStatusCode.BadGateway), maxRetry: 2);

        await Assert.ThrowsAsync<PolyAiApiException>(() => import.Client.ImportPhoneNumbersAsync(Agent, new[] { "+15550100001", "+15550100002" }, null, None));
        await Assert.ThrowsAsync<PolyAiApiException>(() => update.Client.UpdateConnectorsAsync(Agent, new[] { new ConnectorUpdate("c1") { VoiceName = "v" } }, None));
        await Assert.ThrowsAsync<PolyAiApiException>(() => route.Client.ReassignPhoneNumberAsync(Agent, "+15550100001", "c2", None));

        Assert.Single(import.Stub.Requests);
        Assert.Single(update.Stub.Requests);
        Assert.Single(route.Stub.Requests);
    }

    [Fact]
    public async Task BatchGetOfNumbers_IsReadOnly_SoItIsRetried()
    {
        using var api = ApiHarness.Create(
            TelephonySamples.Sequence(() => Respond.With(HttpStatusCode.BadGateway), () => Respond.With(HttpStatusCode.OK, """{"found":[],"notFound":["+15550100001","+15550100002"]}""")),
            maxRetry: 1);

        var result = await api.Client.GetPhoneNumbersAsync(Agent, new[] { "+15550100001", "+15550100002" }, None);

        Assert.Equal(2, api.Stub.Requests.Count);
        Assert.Equal(2, result.NotFound.Count);
    }
}
