using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Json;

namespace PolyAI.Agents.Client;

public sealed partial class PolyAiClient
{
    /// <summary>netstandard2.0 has no HttpMethod.Patch.</summary>
    internal static readonly HttpMethod Patch = new("PATCH");

    /// <summary>C1, streamed: connectors are handed to <paramref name="onConnectors"/> as they are read.</summary>
    public Task<int> ListConnectorsAsync(string agentId, Action<IReadOnlyList<Connector>> onConnectors, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Get, ApiRoute.Connectors(agentId), null, $"List connectors of agent '{agentId}'", cancellationToken, readOnly: false, goneCode: null,
            (stream, _, token) => JsonArrayStream.ReadAsync(stream, "connectors", ApiJsonContext.Wire.ConnectorDto, dto => Map(agentId, dto), onConnectors, token));

    /// <summary>C1, collected.</summary>
    public async Task<IReadOnlyList<Connector>> ListConnectorsAsync(string agentId, CancellationToken cancellationToken)
    {
        var connectors = new List<Connector>();
        await ListConnectorsAsync(agentId, connectors.AddRange, cancellationToken).ConfigureAwait(false);
        return connectors;
    }

    public Task<Connector> GetConnectorAsync(string agentId, string connectorId, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Get, ApiRoute.Connector(agentId, connectorId), null, ApiJsonContext.Wire.ConnectorDto,
            dto => Map(agentId, dto),
            $"Get connector '{connectorId}' of agent '{agentId}'", cancellationToken);

    /// <summary>Batch get: the connectors found and the ids the API did not know, as the API listed them.</summary>
    public Task<BatchResult<Connector>> GetConnectorsAsync(string agentId, IReadOnlyCollection<string> connectorIds, CancellationToken cancellationToken)
    {
        if (connectorIds.Count == 0)
        {
            throw new ArgumentException("At least one connector id is required.", nameof(connectorIds));
        }

        foreach (var id in connectorIds)
        {
            Identifier.EnsureValid(id, "connector id");
        }

        var body = Serialize(new BatchGetConnectorsBody { ConnectorIds = connectorIds.ToList() }, ApiJsonContext.Wire.BatchGetConnectorsBody);
        return SendAsync(
            HttpMethod.Post, ApiRoute.ConnectorsBatch(agentId), body, ApiJsonContext.Wire.BatchGetConnectorsResponse,
            response => new BatchResult<Connector>(
                RequiredList(response.Found, "found").Select(c => Map(agentId, c)).ToList(),
                RequiredList(response.NotFound, "notFound")),
            $"Get {connectorIds.Count} connectors of agent '{agentId}'", cancellationToken, readOnly: true);
    }

    public Task<Connector> LookupConnectorAsync(string agentId, string phoneNumber, CancellationToken cancellationToken)
    {
        Identifier.EnsureE164(phoneNumber);
        var body = Serialize(new LookupConnectorBody { PhoneNumber = phoneNumber }, ApiJsonContext.Wire.LookupConnectorBody);
        return SendAsync(
            HttpMethod.Post, ApiRoute.ConnectorLookup(agentId), body, ApiJsonContext.Wire.ConnectorDto,
            dto => Map(agentId, dto),
            $"Look up the connector of {phoneNumber} in agent '{agentId}'", cancellationToken, readOnly: true);
    }

    public Task<ConnectorRemoval> DeleteConnectorAsync(string agentId, string connectorId, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Delete, ApiRoute.Connector(agentId, connectorId), null, ApiJsonContext.Wire.DeleteConnectorResponse,
            response => new ConnectorRemoval(agentId, Required(response.DeletedConnector, "deletedConnector"), RequiredList(response.DeletedPhoneNumbers, "deletedPhoneNumbers")),
            $"Delete connector '{connectorId}' of agent '{agentId}'", cancellationToken, goneCode: "CONNECTORS_NOT_FOUND");

    /// <summary>C6: changes one connector (only the fields the update sets) and returns it as the API now has it.
    /// After a move (<see cref="ConnectorUpdate.ProjectId"/>) the connector belongs to the target project, so that
    /// is its AgentId.</summary>
    public Task<Connector> UpdateConnectorAsync(string agentId, ConnectorUpdate update, CancellationToken cancellationToken)
    {
        ConnectorUpdateBody.Validate(update);
        var body = ConnectorUpdateBody.Single(update);
        return SendAsync(
            Patch, ApiRoute.Connector(agentId, update.ConnectorId), body, ApiJsonContext.Wire.ConnectorDto,
            dto => Map(update.ProjectId ?? agentId, dto),
            $"Update connector '{update.ConnectorId}' of agent '{agentId}'", cancellationToken);
    }

    /// <summary>C3: applies the updates in order, each on its own. Returns one result per update, in the order
    /// given: the updated connector, or why that update failed (the batch itself answers 200).</summary>
    public Task<IReadOnlyList<BatchItemResult<Connector>>> UpdateConnectorsAsync(string agentId, IReadOnlyList<ConnectorUpdate> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            throw new ArgumentException("At least one connector update is required.", nameof(updates));
        }

        foreach (var update in updates)
        {
            ConnectorUpdateBody.Validate(update);
        }

        var body = ConnectorUpdateBody.Batch(updates);
        return SendAsync(
            Patch, ApiRoute.ConnectorsBatch(agentId), body, ApiJsonContext.Wire.BatchUpdateConnectorsResponse,
            (response, info) => MapUpdateResults(agentId, updates, response, info.CorrelationId),
            $"Update {updates.Count} connectors of agent '{agentId}'", cancellationToken);
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

        var results = new List<BatchItemResult<Connector>>(updates.Count);
        foreach (var update in updates)
        {
            var id = update.ConnectorId;
            var operation = $"Update connector '{id}' of agent '{agentId}'";
            if (!reported.TryGetValue(id, out var queue) || queue.Count == 0)
            {
                results.Add(BatchItemResult<Connector>.Failed(id, InvalidItem(operation, "the batch reported no result for this connector, so whether it changed is unknown")));
                continue;
            }

            var item = queue.Dequeue();
            if (!item.Success)
            {
                results.Add(BatchItemResult<Connector>.Failed(id, BatchItemFailure.From(operation, item.Error, PolyAiFailureKind.InvalidArgument, correlationId)));
                continue;
            }

            try
            {
                var dto = item.Data is { ValueKind: JsonValueKind.Object } data ? data.Deserialize(ApiJsonContext.Wire.ConnectorDto) : null;
                results.Add(BatchItemResult<Connector>.Success(id, Map(update.ProjectId ?? agentId, dto)));
            }
            catch (JsonException ex)
            {
                results.Add(BatchItemResult<Connector>.Failed(id, InvalidItem(operation, $"the batch reported success but not the documented connector ({ex.Message})")));
            }
        }

        return results;
    }

    /// <summary>One item of a 200 batch answer that is not the documented JSON.</summary>
    internal static PolyAiApiException InvalidItem(string operation, string detail) =>
        new(PolyAiFailureKind.InvalidResponse, operation, $"{operation}: the API answered 200 but {detail}.", 200);
}
