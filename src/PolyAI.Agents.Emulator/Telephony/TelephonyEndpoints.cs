using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace PolyAI.Agents.Emulator;

/// <summary>One /v1 telephony call after routing: the agent, the path id (connector id or phone number) and the body.</summary>
internal sealed record TelephonyCall(string AgentId, string? Id, string? Body, IReadOnlyDictionary<string, StringValues> Query)
{
    /// <summary>The path id; only called by handlers of routes that have one.</summary>
    public string PathId => Id ?? throw new InvalidOperationException("This route has no id segment.");
}

/// <summary>
/// The 1.0.3 telephony contract: connectors C1-C7 and phone numbers P1-P8 (api-notes.md §2-3), routed on the
/// decoded segments of the raw request target. Handlers return an <see cref="ApiResponse"/> or throw an
/// <see cref="ApiException"/>.
/// </summary>
internal sealed class TelephonyEndpoints
{
    private readonly TelephonyState _state;
    private readonly AgentsState _agents;
    private readonly AgentDirectory _directory;
    private readonly Route[] _routes;

    public TelephonyEndpoints(TelephonyState state, AgentsState agents, AgentDirectory directory)
    {
        _state = state;
        _agents = agents;
        _directory = directory;

        // Matched in order against the segments after /v1/agents/{agentId}/telephony; literal routes come before
        // the {id} route of the same collection, so ".../connectors/batch" is never the connector "batch".
        _routes =
        [
            new(["connectors"], new() { ["GET"] = ListConnectors }),
            new(["connectors", "batch"], new() { ["POST"] = BatchGetConnectors, ["PATCH"] = BatchUpdateConnectors }),
            new(["connectors", "lookup"], new() { ["POST"] = LookupConnector }),
            new(["connectors", Route.Id], new() { ["GET"] = GetConnector, ["PATCH"] = UpdateConnector, ["DELETE"] = DeleteConnector }),
            new(["phone-numbers"], new() { ["GET"] = ListPhoneNumbers, ["POST"] = ImportPhoneNumbers, ["DELETE"] = DeletePhoneNumbers }),
            new(["phone-numbers", "batch"], new() { ["POST"] = BatchGetPhoneNumbers }),
            new(["phone-numbers", Route.Id], new()
            {
                ["GET"] = GetPhoneNumber, ["POST"] = ImportPhoneNumber, ["PATCH"] = ReassignPhoneNumber, ["DELETE"] = DeletePhoneNumber,
            }),
        ];
    }

    /// <summary>Routes an authenticated /v1 request: path shape, then agent access, then the telephony route and method.</summary>
    public ApiResponse Dispatch(string method, RequestTarget target, string? body)
    {
        var segments = target.Segments;
        ApiException NoRoute() => new(ApiErrors.RouteNotFound(method, target.RawTarget));

        if (!target.HasDotSegment && segments.Count == 2 && segments[0] == "v1" && segments[1] == "agents")
        {
            // A1 GET /v1/agents: a bare JSON array. The API has more on this route (A2 creates an agent), which
            // the emulator does not implement: the same 404 as any other route it lacks.
            return method == "GET" ? ApiResponse.Ok(_agents.List()) : throw NoRoute();
        }

        if (target.HasDotSegment || segments.Count < 3 || segments[0] != "v1" || segments[1] != "agents")
        {
            throw NoRoute();
        }

        var agentId = segments[2];
        _directory.EnsureAccess(agentId);

        if (segments.Count < 5 || segments[3] != "telephony")
        {
            throw NoRoute();
        }

        var rest = segments.Skip(4).ToArray();
        foreach (var route in _routes)
        {
            if (!route.TryMatch(rest, out var id))
            {
                continue;
            }

            if (!route.Handlers.TryGetValue(method, out var handler))
            {
                return ApiResponse.Fail(ApiErrors.MethodNotAllowed(method, route.Handlers.Keys)) with
                {
                    Headers = new Dictionary<string, string> { ["Allow"] = string.Join(", ", route.Handlers.Keys) },
                };
            }

            return handler(new TelephonyCall(agentId, id, body, QueryHelpers.ParseQuery(target.RawQuery)));
        }

        throw NoRoute();
    }

    // ---------------------------------------------------------------- connectors

    // C1 GET .../connectors
    private ApiResponse ListConnectors(TelephonyCall call) =>
        ApiResponse.Ok(new GetConnectorsResponse(_state.ListConnectors(call.AgentId)));

    // C2 POST .../connectors/batch {connectorIds}
    private ApiResponse BatchGetConnectors(TelephonyCall call)
    {
        var ids = JsonBody.RequiredStringArray(JsonBody.ParseObject(call.Body), "connectorIds", minItems: 1);
        var (found, notFound) = _state.GetConnectors(call.AgentId, ids.Distinct(StringComparer.Ordinal));
        return ApiResponse.Ok(new BatchGetConnectorsResponse(found, notFound));
    }

    // C3 PATCH .../connectors/batch {updates:[{connectorId, ...}]}: each update applied on its own, in order.
    private ApiResponse BatchUpdateConnectors(TelephonyCall call)
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

        return ApiResponse.Ok(new BatchUpdateConnectorsResponse(results));
    }

    // C4 POST .../connectors/lookup {phoneNumber}
    private ApiResponse LookupConnector(TelephonyCall call)
    {
        var number = JsonBody.RequiredString(JsonBody.ParseObject(call.Body), "phoneNumber");
        RequireE164("phoneNumber", number);
        var connector = _state.LookupConnector(call.AgentId, number, out var numberKnown);
        return connector is not null
            ? ApiResponse.Ok(connector)
            : throw new ApiException(numberKnown
                ? ApiErrors.PhoneNumberNotFound(number, $"Phone number '{number}' is not routed to any connector.")
                : ApiErrors.PhoneNumberNotFound(number));
    }

    // C5 GET .../connectors/{connectorId}
    private ApiResponse GetConnector(TelephonyCall call) =>
        _state.GetConnector(call.AgentId, call.PathId) is { } connector
            ? ApiResponse.Ok(connector)
            : throw new ApiException(ApiErrors.ConnectorNotFound(call.PathId));

    // C6 PATCH .../connectors/{connectorId}: merge semantics.
    private ApiResponse UpdateConnector(TelephonyCall call)
    {
        var body = JsonBody.ParseObject(call.Body);
        return ApiResponse.Ok(ApplyConnectorUpdate(call.AgentId, call.PathId, body, isBatchItem: false));
    }

    // C7 DELETE .../connectors/{connectorId}: cascades to the numbers routed to it.
    private ApiResponse DeleteConnector(TelephonyCall call) =>
        _state.DeleteConnector(call.AgentId, call.PathId) is { } deleted
            ? ApiResponse.Ok(new DeleteConnectorResponse(deleted.Connector.ConnectorId, deleted.DeletedNumbers))
            : throw new ApiException(ApiErrors.ConnectorNotFound(call.PathId));

    /// <summary>Shared by C3 and C6: not found (404), then body validation (400), then the atomic update.</summary>
    private Connector ApplyConnectorUpdate(string agentId, string connectorId, JsonElement body, bool isBatchItem)
    {
        if (_state.GetConnector(agentId, connectorId) is null)
        {
            throw new ApiException(ApiErrors.ConnectorNotFound(connectorId));
        }

        var update = ParseConnectorUpdate(body, isBatchItem);
        return _state.UpdateConnector(agentId, connectorId, update, out var updated) switch
        {
            UpdateConnectorOutcome.Updated => updated!,
            UpdateConnectorOutcome.TargetProjectForbidden => throw new ApiException(ApiErrors.Forbidden(update.ProjectId!)),
            UpdateConnectorOutcome.TargetProjectNotFound => throw new ApiException(
                ApiErrors.ConnectorValidationFailed("projectId", $"Project '{update.ProjectId}' does not exist.")),
            _ => throw new ApiException(ApiErrors.ConnectorNotFound(connectorId)),
        };
    }

    /// <summary>
    /// UpdateConnectorBody / BatchUpdateConnectorItem: only variantId (string or null), asrLangCode, voiceName and
    /// projectId may be sent; anything else is CONNECTORS_VALIDATION_FAILED.
    /// </summary>
    private static ConnectorUpdate ParseConnectorUpdate(JsonElement body, bool isBatchItem)
    {
        static ApiException Invalid(string field, string message) => new(ApiErrors.ConnectorValidationFailed(field, message));

        static string StringValue(JsonProperty property) =>
            property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw Invalid(property.Name, $"'{property.Name}' must be a string, not {JsonBody.Describe(property.Value)}.");

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
                    var asr = StringValue(property);
                    update = Formats.IsLanguageCode(asr)
                        ? update with { AsrLangCode = asr }
                        : throw Invalid(property.Name, $"'asrLangCode' must be a language code like 'en-GB', not '{asr}'.");
                    break;
                case "voiceName":
                    var voice = StringValue(property);
                    update = Formats.IsVoiceName(voice)
                        ? update with { VoiceName = voice }
                        : throw Invalid(property.Name, $"'voiceName' must be a voice name like 'en-GB-Neural2-A', not '{voice}'.");
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
    private ApiResponse ListPhoneNumbers(TelephonyCall call)
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

        return ApiResponse.OkStreamed(new GetPhoneNumbersResponse(_state.ListNumbers(call.AgentId, connectorId)));
    }

    // P2 POST .../phone-numbers {phoneNumbers, clientEnv?}: existing numbers are skipped.
    private ApiResponse ImportPhoneNumbers(TelephonyCall call)
    {
        var body = JsonBody.ParseObject(call.Body);
        var numbers = JsonBody.RequiredStringArray(body, "phoneNumbers", minItems: 1);
        foreach (var number in numbers)
        {
            RequireE164("phoneNumbers", number);
        }

        var clientEnv = ClientEnvOf(body);
        var imported = _state.ImportNumbers(call.AgentId, numbers.Distinct(StringComparer.Ordinal), clientEnv);
        return ApiResponse.Created(new ImportPhoneNumbersResponse(imported));
    }

    // P3 DELETE .../phone-numbers {phoneNumbers}: each number released on its own.
    private ApiResponse DeletePhoneNumbers(TelephonyCall call)
    {
        var numbers = JsonBody.RequiredStringArray(JsonBody.ParseObject(call.Body), "phoneNumbers", minItems: 1)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        var (deleted, notFound) = _state.DeleteNumbers(call.AgentId, numbers.Where(Formats.IsE164));
        var missing = notFound.ToHashSet(StringComparer.Ordinal);

        // Errors in request order: malformed numbers and numbers the agent does not have.
        var errors = new List<DeletePhoneNumberErrorItem>();
        foreach (var number in numbers)
        {
            var error = !Formats.IsE164(number) ? ApiErrors.InvalidPhoneNumberFormat("phoneNumbers", number)
                : missing.Contains(number) ? ApiErrors.PhoneNumberNotFound(number)
                : null;
            if (error is not null)
            {
                errors.Add(new DeletePhoneNumberErrorItem(number, error.Message));
            }
        }

        return ApiResponse.Ok(new DeletePhoneNumbersResponse(deleted, errors.Count > 0 ? errors : null));
    }

    // P4 POST .../phone-numbers/batch {phoneNumbers}
    private ApiResponse BatchGetPhoneNumbers(TelephonyCall call)
    {
        var numbers = JsonBody.RequiredStringArray(JsonBody.ParseObject(call.Body), "phoneNumbers", minItems: 1);
        foreach (var number in numbers)
        {
            RequireE164("phoneNumbers", number);
        }

        var (found, notFound) = _state.GetNumbers(call.AgentId, numbers.Distinct(StringComparer.Ordinal));
        return ApiResponse.Ok(new BatchGetPhoneNumbersResponse(found, notFound));
    }

    // P5 GET .../phone-numbers/{phoneNumber}
    private ApiResponse GetPhoneNumber(TelephonyCall call) =>
        _state.GetNumber(call.AgentId, call.PathId) is { } number
            ? ApiResponse.Ok(number)
            : throw new ApiException(ApiErrors.PhoneNumberNotFound(call.PathId));

    // P6 POST .../phone-numbers/{phoneNumber} {clientEnv?}: the body is required, {} is enough (api-notes).
    private ApiResponse ImportPhoneNumber(TelephonyCall call)
    {
        var number = call.PathId;
        RequireE164("phoneNumber", number);
        var clientEnv = ClientEnvOf(JsonBody.ParseObject(call.Body));
        return _state.ImportNumber(call.AgentId, number, clientEnv)
            ? ApiResponse.Created(new ImportPhoneNumberResponse(number))
            : throw new ApiException(ApiErrors.PhoneNumberAlreadyExists(number));
    }

    // P7 PATCH .../phone-numbers/{phoneNumber} {connectorId}
    private ApiResponse ReassignPhoneNumber(TelephonyCall call)
    {
        var connectorId = JsonBody.RequiredString(JsonBody.ParseObject(call.Body), "connectorId");
        return _state.RouteNumber(call.AgentId, call.PathId, connectorId, out var routed) switch
        {
            RouteNumberOutcome.Routed => ApiResponse.Ok(routed!),
            RouteNumberOutcome.ConnectorNotFound => throw new ApiException(ApiErrors.PhoneConnectorDoesNotExist(connectorId)),
            _ => throw new ApiException(ApiErrors.PhoneNumberNotFound(call.PathId)),
        };
    }

    // P8 DELETE .../phone-numbers/{phoneNumber}
    private ApiResponse DeletePhoneNumber(TelephonyCall call) =>
        _state.DeleteNumber(call.AgentId, call.PathId)
            ? ApiResponse.Ok(new DeletePhoneNumberResponse(call.PathId))
            : throw new ApiException(ApiErrors.PhoneNumberNotFound(call.PathId));

    // ---------------------------------------------------------------- helpers

    private static void RequireE164(string field, string number)
    {
        if (!Formats.IsE164(number))
        {
            throw new ApiException(ApiErrors.InvalidPhoneNumberFormat(field, number));
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

    /// <summary>A route below /v1/agents/{agentId}/telephony: literal segments and at most one <see cref="Id"/> segment.</summary>
    private sealed record Route(string[] Pattern, Dictionary<string, Func<TelephonyCall, ApiResponse>> Handlers)
    {
        public const string Id = "{id}";

        public bool TryMatch(IReadOnlyList<string> segments, out string? id)
        {
            id = null;
            if (segments.Count != Pattern.Length)
            {
                return false;
            }

            for (var i = 0; i < Pattern.Length; i++)
            {
                if (Pattern[i] == Id)
                {
                    if (segments[i].Length == 0)
                    {
                        return false;
                    }

                    id = segments[i];
                }
                else if (!string.Equals(Pattern[i], segments[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
