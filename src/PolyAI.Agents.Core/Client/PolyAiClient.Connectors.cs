using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Json;

namespace PolyAI.Agents.Client;

public sealed partial class PolyAiClient
{
    public Task<IReadOnlyList<Connector>> ListConnectorsAsync(string agentId, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Get, ApiRoute.Connectors(agentId), null, ApiJsonContext.Wire.GetConnectorsResponse,
            response => (IReadOnlyList<Connector>)RequiredList(response.Connectors, "connectors").Select(c => Map(agentId, c)).ToList(),
            $"List connectors of agent '{agentId}'", cancellationToken);

    public Task<Connector> GetConnectorAsync(string agentId, string connectorId, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Get, ApiRoute.Connector(agentId, connectorId), null, ApiJsonContext.Wire.ConnectorDto,
            dto => Map(agentId, dto),
            $"Get connector '{connectorId}' of agent '{agentId}'", cancellationToken);

    /// <summary>Batch get: the connectors found (in the order asked for) and the ids the API did not know.</summary>
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
            HttpMethod.Post, ApiRoute.Connectors(agentId) + "/batch", body, ApiJsonContext.Wire.BatchGetConnectorsResponse,
            response => new BatchResult<Connector>(
                InRequestedOrder(RequiredList(response.Found, "found").Select(c => Map(agentId, c)), connectorIds, c => c.ConnectorId),
                RequiredList(response.NotFound, "notFound")),
            $"Get {connectorIds.Count} connectors of agent '{agentId}'", cancellationToken, readOnly: true);
    }

    public Task<Connector> LookupConnectorAsync(string agentId, string phoneNumber, CancellationToken cancellationToken)
    {
        Identifier.EnsureE164(phoneNumber);
        var body = Serialize(new LookupConnectorBody { PhoneNumber = phoneNumber }, ApiJsonContext.Wire.LookupConnectorBody);
        return SendAsync(
            HttpMethod.Post, ApiRoute.Connectors(agentId) + "/lookup", body, ApiJsonContext.Wire.ConnectorDto,
            dto => Map(agentId, dto),
            $"Look up the connector of {phoneNumber} in agent '{agentId}'", cancellationToken, readOnly: true);
    }

    public Task<ConnectorRemoval> DeleteConnectorAsync(string agentId, string connectorId, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Delete, ApiRoute.Connector(agentId, connectorId), null, ApiJsonContext.Wire.DeleteConnectorResponse,
            response => new ConnectorRemoval(agentId, Required(response.DeletedConnector, "deletedConnector"), RequiredList(response.DeletedPhoneNumbers, "deletedPhoneNumbers")),
            $"Delete connector '{connectorId}' of agent '{agentId}'", cancellationToken);
}
