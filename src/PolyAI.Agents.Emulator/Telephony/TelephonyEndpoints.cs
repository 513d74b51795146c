using System.Text.Json;
using System.Text.Json.Serialization;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// The telephony operations of the 1.0.3 contract: connectors C1-C7 and phone numbers P1-P8 (api-notes.md §2-3),
/// and the bulk data generation of the control API.
/// </summary>
internal sealed class TelephonyEndpoints(TelephonyState state, AgentDirectory directory) : IAreaEndpoints
{
    /// <summary>Upper bound on numbers one generate call may create, to keep a typo from exhausting memory.</summary>
    public const int MaxGeneratedNumbers = 5_000_000;

    public void Register(OperationHandlers handlers)
    {
        handlers.Add(ApiOperations.ListConnectors, ListConnectors);
        handlers.Add(ApiOperations.GetConnectorsBatch, BatchGetConnectors);
        handlers.Add(ApiOperations.UpdateConnectorsBatch, BatchUpdateConnectors);
        handlers.Add(ApiOperations.LookupConnector, LookupConnector);
        handlers.Add(ApiOperations.GetConnector, GetConnector);
        handlers.Add(ApiOperations.UpdateConnector, UpdateConnector);
        handlers.Add(ApiOperations.DeleteConnector, DeleteConnector);
        handlers.Add(ApiOperations.ListPhoneNumbers, ListPhoneNumbers, streamed: true);
        handlers.Add(ApiOperations.ImportPhoneNumbers, ImportPhoneNumbers);
        handlers.Add(ApiOperations.DeletePhoneNumbers, DeletePhoneNumbers);
        handlers.Add(ApiOperations.GetPhoneNumbersBatch, BatchGetPhoneNumbers);
        handlers.Add(ApiOperations.GetPhoneNumber, GetPhoneNumber);
        handlers.Add(ApiOperations.ImportPhoneNumber, ImportPhoneNumber);
        handlers.Add(ApiOperations.ReassignPhoneNumber, ReassignPhoneNumber);
        handlers.Add(ApiOperations.DeletePhoneNumber, DeletePhoneNumber);
    }

    public void MapControl(RouteGroupBuilder control) =>
        control.MapPost("/agents/{agentId}/generate", (Delegate)GenerateAsync);

    // ---------------------------------------------------------------- connectors

    // C1 GET .../connectors
    private GetConnectorsResponse ListConnectors(OperationCall call) => new(state.ListConnectors(call.AgentId));

    // C2 POST .../connectors/batch {connectorIds}
    private BatchGetConnectorsResponse BatchGetConnectors(OperationCall call)
    {
        var ids = JsonBody.RequiredStringArray(JsonBody.ParseObject(call.Body), "connectorIds", minItems: 1);
        var (found, notFound) = state.GetConnectors(call.AgentId, ids.Distinct(StringComparer.Ordinal));
        return new BatchGetConnectorsResponse(found, notFound);
    }

    // C3 PATCH .../connectors/batch {updates:[{connectorId, ...}]}: each update applied on its own, in order.
    private BatchUpdateConnectorsResponse BatchUpdateConnectors(OperationCall call)
    {
        var updates = JsonBody.RequiredArray(JsonBody.ParseObject(call.Body), "updates", minItems: 1);

        // A structurally broken item fails the whole request before anything is applied.
        var connectorIds = updates
            .Select((item, index) => item.ValueKind == JsonValueKind.Object
                ? JsonBody.OptionalString(item, "connectorId") is { Length: > 0 } id
                    ? id
                    : throw new ApiException(ApiErrors.Validation($"updates[{index}].connectorId", $"updates[{index}].connectorId is required."))
                : throw new ApiException(ApiErrors.Validation($"updates[{index}]", $"updates[{index}] must be an object, not {JsonBody.Describe(item)}.")))
            .ToArray();

        var results = new List<BatchUpdateResultItem>(updates.Count);
        for (var i = 0; i < updates.Count; i++)
        {
            try
            {
                var connector = ApplyConnectorUpdate(call.AgentId, connectorIds[i], updates[i], isBatchItem: true);
                results.Add(new BatchUpdateResultItem(connectorIds[i], true, connector, null));
            }
            catch (ApiException ex)
            {
                results.Add(new BatchUpdateResultItem(connectorIds[i], false, null, ex.Error.Message));
            }
        }

        return new BatchUpdateConnectorsResponse(results);
    }

    // C4 POST .../connectors/lookup {phoneNumber}
    private Connector LookupConnector(OperationCall call)
    {
        var number = JsonBody.RequiredString(JsonBody.ParseObject(call.Body), "phoneNumber");
        RequireE164("phoneNumber", number);
        return state.LookupConnector(call.AgentId, number, out var numberKnown)
            ?? throw new ApiException(numberKnown
                ? TelephonyErrors.PhoneNumberNotFound(number, $"Phone number '{number}' is not routed to any connector.")
                : TelephonyErrors.PhoneNumberNotFound(number));
    }

    // C5 GET .../connectors/{connectorId}
    private Connector GetConnector(OperationCall call)
    {
        var connectorId = ConnectorIdOf(call);
        return state.GetConnector(call.AgentId, connectorId) ?? throw new ApiException(TelephonyErrors.ConnectorNotFound(connectorId));
    }

    // C6 PATCH .../connectors/{connectorId}: merge semantics.
    private Connector UpdateConnector(OperationCall call)
    {
        var body = JsonBody.ParseObject(call.Body);
        return ApplyConnectorUpdate(call.AgentId, ConnectorIdOf(call), body, isBatchItem: false);
    }

    // C7 DELETE .../connectors/{connectorId}: cascades to the numbers routed to it.
    private DeleteConnectorResponse DeleteConnector(OperationCall call)
    {
        var connectorId = ConnectorIdOf(call);
        return state.DeleteConnector(call.AgentId, connectorId) is { } deleted
            ? new DeleteConnectorResponse(deleted.Connector.ConnectorId, deleted.DeletedNumbers)
            : throw new ApiException(TelephonyErrors.ConnectorNotFound(connectorId));
    }

    /// <summary>Shared by C3 and C6: not found (404), then body validation (400), then the atomic update.</summary>
    private Connector ApplyConnectorUpdate(string agentId, string connectorId, JsonElement body, bool isBatchItem)
    {
        if (state.GetConnector(agentId, connectorId) is null)
        {
            throw new ApiException(TelephonyErrors.ConnectorNotFound(connectorId));
        }

        var update = ParseConnectorUpdate(body, isBatchItem);
        return state.UpdateConnector(agentId, connectorId, update, out var updated) switch
        {
            UpdateConnectorOutcome.Updated => updated!,
            UpdateConnectorOutcome.TargetProjectForbidden => throw new ApiException(ApiErrors.Forbidden(update.ProjectId!)),
            UpdateConnectorOutcome.TargetProjectNotFound => throw new ApiException(
                TelephonyErrors.ConnectorValidationFailed("projectId", $"Project '{update.ProjectId}' does not exist.")),
            _ => throw new ApiException(TelephonyErrors.ConnectorNotFound(connectorId)),
        };
    }

    /// <summary>
    /// UpdateConnectorBody / BatchUpdateConnectorItem: only variantId (string or null), asrLangCode, voiceName and
    /// projectId may be sent; anything else is CONNECTORS_VALIDATION_FAILED.
    /// </summary>
    private static ConnectorUpdate ParseConnectorUpdate(JsonElement body, bool isBatchItem)
    {
        static ApiException Invalid(string field, string message) => new(TelephonyErrors.ConnectorValidationFailed(field, message));

        static string StringValue(JsonProperty property) =>
            property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw Invalid(property.Name, $"'{property.Name}' must be a string, not {JsonBody.Describe(property.Value)}.");

        static string CheckedString(JsonProperty property, Func<string, bool> isValid, string expected)
        {
            var value = StringValue(property);
            return isValid(value) ? value : throw Invalid(property.Name, $"'{property.Name}' must be {expected}, not '{value}'.");
        }

        var update = new ConnectorUpdate(false, null, null, null, null);
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "connectorId" when isBatchItem:
                    break;
                case "variantId":
                    update = update with
                    {
                        SetsVariantId = true,
                        VariantId = property.Value.ValueKind == JsonValueKind.Null ? null : StringValue(property),
                    };
                    break;
                case "asrLangCode":
                    update = update with { AsrLangCode = CheckedString(property, Formats.IsLanguageCode, "a language code like 'en-GB'") };
                    break;
                case "voiceName":
                    update = update with { VoiceName = CheckedString(property, Formats.IsVoiceName, "a voice name like 'en-GB-Neural2-A'") };
                    break;
                case "projectId":
                    var projectId = StringValue(property);
                    update = projectId.Length > 0
                        ? update with { ProjectId = projectId }
                        : throw Invalid(property.Name, "'projectId' must not be empty.");
                    break;
                case "connectorId" or "name" or "accountId" or "clientEnv" or "ttsLangCode" or "disableHandoff":
                    throw Invalid(property.Name, $"'{property.Name}' cannot be changed through the API.");
                default:
                    throw Invalid(property.Name, $"Unknown property '{property.Name}'.");
            }
        }

        return update;
    }

    // ---------------------------------------------------------------- phone numbers

    // P1 GET .../phone-numbers[?connectorId=X]. Streamed: this is the list that reaches 100,000 entries.
    private GetPhoneNumbersResponse ListPhoneNumbers(OperationCall call)
    {
        string? connectorId = null;
        if (call.Query.TryGetValue("connectorId", out var values))
        {
            connectorId = values.ToString();
            if (values.Count != 1 || connectorId.Length == 0)
            {
                throw new ApiException(ApiErrors.Validation("connectorId", "The connectorId query parameter must be given once and not be empty."));
            }
        }

        return new GetPhoneNumbersResponse(state.ListNumbers(call.AgentId, connectorId));
    }

    // P2 POST .../phone-numbers {phoneNumbers, clientEnv?}: existing numbers are skipped.
    private ImportPhoneNumbersResponse ImportPhoneNumbers(OperationCall call)
    {
        var body = JsonBody.ParseObject(call.Body);
        var numbers = JsonBody.RequiredStringArray(body, "phoneNumbers", minItems: 1);
        foreach (var number in numbers)
        {
            RequireE164("phoneNumbers", number);
        }

        var clientEnv = ClientEnvOf(body);
        var imported = state.ImportNumbers(call.AgentId, numbers.Distinct(StringComparer.Ordinal), clientEnv);
        return new ImportPhoneNumbersResponse(imported);
    }

    // P3 DELETE .../phone-numbers {phoneNumbers}: each number released on its own.
    private DeletePhoneNumbersResponse DeletePhoneNumbers(OperationCall call)
    {
        var numbers = JsonBody.RequiredStringArray(JsonBody.ParseObject(call.Body), "phoneNumbers", minItems: 1)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        var (deleted, notFound) = state.DeleteNumbers(call.AgentId, numbers.Where(Formats.IsE164));
        var missing = notFound.ToHashSet(StringComparer.Ordinal);

        // Errors in request order: malformed numbers and numbers the agent does not have.
        var errors = new List<DeletePhoneNumberErrorItem>();
        foreach (var number in numbers)
        {
            var error = !Formats.IsE164(number) ? TelephonyErrors.InvalidPhoneNumberFormat("phoneNumbers", number)
                : missing.Contains(number) ? TelephonyErrors.PhoneNumberNotFound(number)
                : null;
            if (error is not null)
            {
                errors.Add(new DeletePhoneNumberErrorItem(number, error.Message));
            }
        }

        return new DeletePhoneNumbersResponse(deleted, errors.Count > 0 ? errors : null);
    }

    // P4 POST .../phone-numbers/batch {phoneNumbers}
    private BatchGetPhoneNumbersResponse BatchGetPhoneNumbers(OperationCall call)
    {
        var numbers = JsonBody.RequiredStringArray(JsonBody.ParseObject(call.Body), "phoneNumbers", minItems: 1);
        foreach (var number in numbers)
        {
            RequireE164("phoneNumbers", number);
        }

        var (found, notFound) = state.GetNumbers(call.AgentId, numbers.Distinct(StringComparer.Ordinal));
        return new BatchGetPhoneNumbersResponse(found, notFound);
    }

    // P5 GET .../phone-numbers/{phoneNumber}
    private PhoneNumber GetPhoneNumber(OperationCall call)
    {
        var number = PhoneNumberOf(call);
        return state.GetNumber(call.AgentId, number) ?? throw new ApiException(TelephonyErrors.PhoneNumberNotFound(number));
    }

    // P6 POST .../phone-numbers/{phoneNumber} {clientEnv?}: the body is required, {} is enough (api-notes).
    private ImportPhoneNumberResponse ImportPhoneNumber(OperationCall call)
    {
        var number = PhoneNumberOf(call);
        RequireE164("phoneNumber", number);
        var clientEnv = ClientEnvOf(JsonBody.ParseObject(call.Body));
        return state.ImportNumber(call.AgentId, number, clientEnv)
            ? new ImportPhoneNumberResponse(number)
            : throw new ApiException(TelephonyErrors.PhoneNumberAlreadyExists(number));
    }

    // P7 PATCH .../phone-numbers/{phoneNumber} {connectorId}
    private PhoneNumber ReassignPhoneNumber(OperationCall call)
    {
        var number = PhoneNumberOf(call);
        var connectorId = JsonBody.RequiredString(JsonBody.ParseObject(call.Body), "connectorId");
        return state.RouteNumber(call.AgentId, number, connectorId, out var routed) switch
        {
            RouteNumberOutcome.Routed => routed!,
            RouteNumberOutcome.ConnectorNotFound => throw new ApiException(TelephonyErrors.PhoneConnectorDoesNotExist(connectorId)),
            _ => throw new ApiException(TelephonyErrors.PhoneNumberNotFound(number)),
        };
    }

    // P8 DELETE .../phone-numbers/{phoneNumber}
    private DeletePhoneNumberResponse DeletePhoneNumber(OperationCall call)
    {
        var number = PhoneNumberOf(call);
        return state.DeleteNumber(call.AgentId, number)
            ? new DeletePhoneNumberResponse(number)
            : throw new ApiException(TelephonyErrors.PhoneNumberNotFound(number));
    }

    // ---------------------------------------------------------------- helpers

    private static void RequireE164(string field, string number)
    {
        if (!Formats.IsE164(number))
        {
            throw new ApiException(TelephonyErrors.InvalidPhoneNumberFormat(field, number));
        }
    }

    /// <summary>clientEnv of an import body: "live" when absent or null, else one of sandbox|pre-release|live.</summary>
    private static string ClientEnvOf(JsonElement body)
    {
        var clientEnv = JsonBody.OptionalString(body, "clientEnv") ?? Formats.DefaultClientEnv;
        return Formats.ClientEnvironments.Contains(clientEnv)
            ? clientEnv
            : throw new ApiException(ApiErrors.Validation("clientEnv", $"'clientEnv' must be sandbox, pre-release or live, not '{clientEnv}'."));
    }

    private static string ConnectorIdOf(OperationCall call) => call.PathValue("connectorId");

    private static string PhoneNumberOf(OperationCall call) => call.PathValue("phoneNumber");

    // ---------------------------------------------------------------- control

    /// <summary>POST /_emulator/agents/{agentId}/generate: bulk connectors and numbers for scale tests.</summary>
    private async Task<IResult> GenerateAsync(string agentId, HttpContext context)
    {
        var body = await ControlEndpoints.ReadBodyAsync<GenerateBody>(context, required: true);
        var connectors = body!.Connectors ?? 0;
        var perConnector = body.NumbersPerConnector ?? 0;
        var unrouted = body.UnroutedNumbers ?? 0;
        var clientEnv = body.ClientEnv ?? "sandbox";

        if (connectors < 0 || perConnector < 0 || unrouted < 0)
        {
            throw new ControlRequestException("'connectors', 'numbersPerConnector' and 'unroutedNumbers' must not be negative.");
        }

        if ((long)connectors * perConnector + unrouted > MaxGeneratedNumbers)
        {
            throw new ControlRequestException($"At most {MaxGeneratedNumbers} numbers can be generated in one call.");
        }

        if (!Formats.ClientEnvironments.Contains(clientEnv))
        {
            throw new ControlRequestException($"'clientEnv' must be sandbox, pre-release or live, not '{clientEnv}'.");
        }

        if (directory.IsForbidden(agentId))
        {
            throw new ControlRequestException($"Agent '{agentId}' is forbidden in this emulator; it cannot hold data.");
        }

        var result = state.Generate(new GenerateRequest(agentId, body.AccountId ?? Seed.AccountId, connectors, perConnector, unrouted, clientEnv));
        return ControlEndpoints.Json(result);
    }

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    private sealed record GenerateBody(int? Connectors, int? NumbersPerConnector, int? UnroutedNumbers, string? ClientEnv, string? AccountId);
}
