using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Client;

internal sealed partial class PolyAiClient
{
    private static readonly JsonElement JsonNull = JsonDocument.Parse("null").RootElement.Clone();

    /// <summary>C1, streamed: connectors are handed to <paramref name="onConnectors"/> as they are read.</summary>
    public Task<int> ListConnectorsAsync(string agentId, Action<IReadOnlyList<Connector>> onConnectors, CancellationToken cancellationToken) =>
        Request(ApiOperations.ListConnectors, $"List connectors of agent '{agentId}'", agentId)
            .StreamAsync("connectors", ApiJsonContext.Wire.ConnectorDto, dto => Map(agentId, dto), onConnectors, cancellationToken);

    /// <summary>C1, collected.</summary>
    public async Task<IReadOnlyList<Connector>> ListConnectorsAsync(string agentId, CancellationToken cancellationToken)
    {
        var connectors = new List<Connector>();
        await ListConnectorsAsync(agentId, connectors.AddRange, cancellationToken).ConfigureAwait(false);
        return connectors;
    }

    /// <summary>C5.</summary>
    public Task<Connector> GetConnectorAsync(string agentId, string connectorId, CancellationToken cancellationToken) =>
        Request(ApiOperations.GetConnector, $"Get connector '{connectorId}' of agent '{agentId}'", agentId, connectorId)
            .SendAsync(dto => Map(agentId, dto), cancellationToken);

    /// <summary>C2: the connectors found and the ids the API did not know, as the API listed them.</summary>
    public Task<BatchResult<Connector>> GetConnectorsAsync(string agentId, IReadOnlyCollection<string> connectorIds, CancellationToken cancellationToken)
    {
        EnsureItems(connectorIds, "connector id", id => Identifier.EnsureValid(id, "connector id"));
        return Request(ApiOperations.GetConnectorsBatch, $"Get {connectorIds.Count} connectors of agent '{agentId}'", agentId)
            .WithBody(new BatchGetConnectorsBody { ConnectorIds = connectorIds.ToList() })
            .SendAsync(
                response => new BatchResult<Connector>(
                    RequiredList(response.Found, "found").Select(c => Map(agentId, c)).ToList(),
                    RequiredList(response.NotFound, "notFound")),
                cancellationToken);
    }

    /// <summary>C4: the connector that serves a number.</summary>
    public Task<Connector> LookupConnectorAsync(string agentId, string phoneNumber, CancellationToken cancellationToken)
    {
        Identifier.EnsureE164(phoneNumber);
        return Request(ApiOperations.LookupConnector, $"Look up the connector of {phoneNumber} in agent '{agentId}'", agentId)
            .WithBody(new LookupConnectorBody { PhoneNumber = phoneNumber })
            .SendAsync(dto => Map(agentId, dto), cancellationToken);
    }

    /// <summary>C7: deletes a connector and, in cascade, the numbers routed to it.</summary>
    public Task<ConnectorRemoval> DeleteConnectorAsync(string agentId, string connectorId, CancellationToken cancellationToken) =>
        Request(ApiOperations.DeleteConnector, $"Delete connector '{connectorId}' of agent '{agentId}'", agentId, connectorId)
            .SendAsync(
                response => new ConnectorRemoval(agentId, Required(response.DeletedConnector, "deletedConnector"), RequiredList(response.DeletedPhoneNumbers, "deletedPhoneNumbers")),
                cancellationToken);

    /// <summary>C6: changes one connector (only the fields the update sets) and returns it as the API now has it.
    /// After a move (<see cref="ConnectorUpdate.ProjectId"/>) the connector belongs to the target project, so that
    /// is its AgentId.</summary>
    public Task<Connector> UpdateConnectorAsync(string agentId, ConnectorUpdate update, CancellationToken cancellationToken)
    {
        Validate(update);
        return Request(ApiOperations.UpdateConnector, $"Update connector '{update.ConnectorId}' of agent '{agentId}'", agentId, update.ConnectorId)
            .WithBody(Fill(new UpdateConnectorBody(), update))
            .SendAsync(dto => Map(update.ProjectId ?? agentId, dto), cancellationToken);
    }

    /// <summary>C3: applies the updates in order, each on its own. Returns one result per update, in the order
    /// given: the updated connector, or why that update failed (the batch itself answers 200).</summary>
    public Task<IReadOnlyList<BatchItemResult<Connector>>> UpdateConnectorsAsync(string agentId, IReadOnlyList<ConnectorUpdate> updates, CancellationToken cancellationToken)
    {
        EnsureItems(updates, "connector update", Validate);
        return Request(ApiOperations.UpdateConnectorsBatch, $"Update {updates.Count} connectors of agent '{agentId}'", agentId)
            .WithBody(new BatchUpdateConnectorsBody { Updates = updates.Select(u => Fill(new BatchUpdateConnectorItem { ConnectorId = u.ConnectorId }, u)).ToList() })
            .SendAsync((response, info) => MapUpdateResults(agentId, updates, response, info.CorrelationId), cancellationToken);
    }

    /// <summary>Refuses an update the API would misread: no connector id, a variant both set and cleared,
    /// blank ids, or nothing to change.</summary>
    private static void Validate(ConnectorUpdate update)
    {
        Identifier.EnsureValid(update.ConnectorId, "connector id");
        if (update.ClearVariant && update.VariantId is not null)
        {
            throw new ArgumentException($"The update of connector '{update.ConnectorId}' both sets and clears the variant; choose one.");
        }

        if (update.VariantId is not null)
        {
            Identifier.EnsureValid(update.VariantId, "variant id");
        }

        if (update.ProjectId is not null)
        {
            Identifier.EnsureValid(update.ProjectId, "project id");
        }

        if (update.AsrLangCode is { } asr && string.IsNullOrWhiteSpace(asr))
        {
            throw new ArgumentException($"The ASR language code of connector '{update.ConnectorId}' must not be empty.");
        }

        if (update.VoiceName is { } voice && string.IsNullOrWhiteSpace(voice))
        {
            throw new ArgumentException($"The voice name of connector '{update.ConnectorId}' must not be empty.");
        }

        if (update.SetsNothing)
        {
            throw new ArgumentException($"The update of connector '{update.ConnectorId}' changes nothing: it sets no variant (nor clears it), ASR language, voice or project.");
        }
    }

    /// <summary>The given fields only; a cleared variant is an explicit JSON null.</summary>
    private static T Fill<T>(T body, ConnectorUpdate update)
        where T : UpdateConnectorBody
    {
        body.VariantId = update.ClearVariant ? JsonNull
            : update.VariantId is { } variantId ? JsonSerializer.SerializeToElement(variantId, ApiJsonContext.Wire.String)
            : null;
        body.AsrLangCode = update.AsrLangCode;
        body.VoiceName = update.VoiceName;
        body.ProjectId = update.ProjectId;
        return body;
    }

    /// <summary>Pairs each requested update with its result (by connector id, in order, so an id given twice
    /// gets both of its results). An update the API reported nothing for, or a success without a valid
    /// connector, is an invalid response for that item only: the other items did happen.</summary>
    internal static IReadOnlyList<BatchItemResult<Connector>> MapUpdateResults(string agentId, IReadOnlyList<ConnectorUpdate> updates, BatchUpdateConnectorsResponse response, string? correlationId = null)
    {
        var reported = new Dictionary<string, Queue<BatchUpdateResultItemDto>>(StringComparer.Ordinal);
        foreach (var item in RequiredList(response.Results, "results"))
        {
            var id = Required(item.ConnectorId, "results[].connectorId");
            if (!reported.TryGetValue(id, out var queue))
            {
                reported[id] = queue = new Queue<BatchUpdateResultItemDto>();
            }

            queue.Enqueue(item);
        }

        var operation = ApiOperations.UpdateConnectorsBatch;
        var results = new List<BatchItemResult<Connector>>(updates.Count);
        foreach (var update in updates)
        {
            var id = update.ConnectorId;
            var description = $"Update connector '{id}' of agent '{agentId}'";
            if (!reported.TryGetValue(id, out var queue) || queue.Count == 0)
            {
                results.Add(BatchItemResult<Connector>.Failed(id, InvalidItem(operation, description, "the batch reported no result for this connector, so whether it changed is unknown")));
                continue;
            }

            var item = queue.Dequeue();
            if (!item.Success)
            {
                results.Add(BatchItemResult<Connector>.Failed(id, BatchItemFailure.From(operation, description, item.Error, PolyAiFailureKind.InvalidArgument, correlationId)));
                continue;
            }

            try
            {
                var dto = item.Data is { ValueKind: JsonValueKind.Object } data ? data.Deserialize(ApiJsonContext.Wire.ConnectorDto) : null;
                results.Add(BatchItemResult<Connector>.Success(id, Map(update.ProjectId ?? agentId, dto)));
            }
            catch (JsonException ex)
            {
                results.Add(BatchItemResult<Connector>.Failed(id, InvalidItem(operation, description, $"the batch reported success but not the documented connector ({ex.Message})")));
            }
        }

        return results;
    }

    internal static Connector Map(string agentId, ConnectorDto? dto)
    {
        dto = Required(dto, "connector");
        return new Connector(
            agentId,
            Required(dto.ConnectorId, "connectorId"),
            Required(dto.Name, "name"),
            Required(dto.AccountId, "accountId"),
            Required(dto.ProjectId, "projectId"),
            Required(dto.ClientEnv, "clientEnv"),
            dto.VariantId ?? string.Empty,
            Required(dto.AsrLangCode, "asrLangCode"),
            Required(dto.TtsLangCode, "ttsLangCode"),
            Required(dto.VoiceName, "voiceName"),
            dto.DisableHandoff);
    }

    /// <summary>One item of a 200 batch answer that is not the documented JSON.</summary>
    internal static PolyAiApiException InvalidItem(ApiOperation operation, string description, string detail) =>
        new(PolyAiFailureKind.InvalidResponse, description, $"{description}: the API answered 200 but {detail}.", operation.Resource, 200);

    /// <summary>Refuses an empty batch, and each item <paramref name="ensure"/> refuses, before anything is sent.</summary>
    private static void EnsureItems<T>(IReadOnlyCollection<T> items, string what, Action<T> ensure)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException($"At least one {what} is required.");
        }

        foreach (var item in items)
        {
            ensure(item);
        }
    }
}
