using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Tests.Support;

/// <summary>The client operations implemented so far (api-notes §2-3 ids in brackets).</summary>
public enum Operation
{
    /// <summary>C1 GET /telephony/connectors.</summary>
    ListConnectors,
    /// <summary>C2 POST /telephony/connectors/batch.</summary>
    GetConnectorsBatch,
    /// <summary>C4 POST /telephony/connectors/lookup.</summary>
    LookupConnector,
    /// <summary>C5 GET /telephony/connectors/{connectorId}.</summary>
    GetConnector,
    /// <summary>C7 DELETE /telephony/connectors/{connectorId}.</summary>
    DeleteConnector,
    /// <summary>P1 GET /telephony/phone-numbers.</summary>
    ListPhoneNumbers,
    /// <summary>P1 GET /telephony/phone-numbers?connectorId=.</summary>
    ListPhoneNumbersOfConnector,
}

internal static class Operations
{
    /// <summary>Runs one operation; <paramref name="id"/> is the connector id (or the phone number for a lookup).</summary>
    public static Task Invoke(PolyAiClient client, Operation operation, string agentId, string id, CancellationToken cancellationToken = default) => operation switch
    {
        Operation.ListConnectors => client.ListConnectorsAsync(agentId, cancellationToken),
        Operation.GetConnectorsBatch => client.GetConnectorsAsync(agentId, new[] { id }, cancellationToken),
        Operation.LookupConnector => client.LookupConnectorAsync(agentId, id, cancellationToken),
        Operation.GetConnector => client.GetConnectorAsync(agentId, id, cancellationToken),
        Operation.DeleteConnector => client.DeleteConnectorAsync(agentId, id, cancellationToken),
        Operation.ListPhoneNumbers => client.ListPhoneNumbersAsync(agentId, null, cancellationToken),
        Operation.ListPhoneNumbersOfConnector => client.ListPhoneNumbersAsync(agentId, id, cancellationToken),
        _ => throw new System.ArgumentOutOfRangeException(nameof(operation)),
    };
}
