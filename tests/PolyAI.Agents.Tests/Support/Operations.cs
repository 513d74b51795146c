using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Tests.Support;

/// <summary>Every client operation (api-notes §2-3 ids in brackets).</summary>
public enum Operation
{
    /// <summary>A1 GET /v1/agents.</summary>
    ListAgents,
    /// <summary>C1 GET /telephony/connectors.</summary>
    ListConnectors,
    /// <summary>C2 POST /telephony/connectors/batch.</summary>
    GetConnectorsBatch,
    /// <summary>C3 PATCH /telephony/connectors/batch.</summary>
    UpdateConnectorsBatch,
    /// <summary>C4 POST /telephony/connectors/lookup.</summary>
    LookupConnector,
    /// <summary>C5 GET /telephony/connectors/{connectorId}.</summary>
    GetConnector,
    /// <summary>C6 PATCH /telephony/connectors/{connectorId}.</summary>
    UpdateConnector,
    /// <summary>C7 DELETE /telephony/connectors/{connectorId}.</summary>
    DeleteConnector,
    /// <summary>P1 GET /telephony/phone-numbers.</summary>
    ListPhoneNumbers,
    /// <summary>P1 GET /telephony/phone-numbers?connectorId=.</summary>
    ListPhoneNumbersOfConnector,
    /// <summary>P2 POST /telephony/phone-numbers.</summary>
    ImportPhoneNumbers,
    /// <summary>P3 DELETE /telephony/phone-numbers (numbers in the body).</summary>
    DeletePhoneNumbers,
    /// <summary>P4 POST /telephony/phone-numbers/batch.</summary>
    GetPhoneNumbersBatch,
    /// <summary>P5 GET /telephony/phone-numbers/{number}.</summary>
    GetPhoneNumber,
    /// <summary>P6 POST /telephony/phone-numbers/{number}.</summary>
    ImportPhoneNumber,
    /// <summary>P7 PATCH /telephony/phone-numbers/{number}.</summary>
    ReassignPhoneNumber,
    /// <summary>P8 DELETE /telephony/phone-numbers/{number}.</summary>
    DeletePhoneNumber,
}

internal static class Operations
{
    /// <summary>The number the phone-number operations use; <see cref="DocumentedApi"/> answers for it.</summary>
    public const string Number = "+442071234567";

    /// <summary>True for the operations whose id is a phone number rather than a connector id.</summary>
    public static bool TakesANumber(Operation operation) => operation is Operation.LookupConnector
        or Operation.ImportPhoneNumbers or Operation.DeletePhoneNumbers or Operation.GetPhoneNumbersBatch
        or Operation.GetPhoneNumber or Operation.ImportPhoneNumber or Operation.ReassignPhoneNumber or Operation.DeletePhoneNumber;

    /// <summary>Runs one operation; <paramref name="id"/> is the connector id, or the phone number where
    /// <see cref="TakesANumber"/>.</summary>
    public static Task Invoke(PolyAiClient client, Operation operation, string agentId, string id, CancellationToken cancellationToken = default) => operation switch
    {
        Operation.ListAgents => client.ListAgentsAsync(cancellationToken),
        Operation.ListConnectors => client.ListConnectorsAsync(agentId, cancellationToken),
        Operation.GetConnectorsBatch => client.GetConnectorsAsync(agentId, new[] { id }, cancellationToken),
        Operation.UpdateConnectorsBatch => client.UpdateConnectorsAsync(agentId, new[] { new ConnectorUpdate(id) { VoiceName = "en-GB-Neural2-A" } }, cancellationToken),
        Operation.LookupConnector => client.LookupConnectorAsync(agentId, id, cancellationToken),
        Operation.GetConnector => client.GetConnectorAsync(agentId, id, cancellationToken),
        Operation.UpdateConnector => client.UpdateConnectorAsync(agentId, new ConnectorUpdate(id) { VoiceName = "en-GB-Neural2-A" }, cancellationToken),
        Operation.DeleteConnector => client.DeleteConnectorAsync(agentId, id, cancellationToken),
        Operation.ListPhoneNumbers => client.ListPhoneNumbersAsync(agentId, null, cancellationToken),
        Operation.ListPhoneNumbersOfConnector => client.ListPhoneNumbersAsync(agentId, id, cancellationToken),
        Operation.ImportPhoneNumbers => client.ImportPhoneNumbersAsync(agentId, new[] { id }, null, cancellationToken),
        Operation.DeletePhoneNumbers => client.DeletePhoneNumbersAsync(agentId, new[] { id }, cancellationToken),
        Operation.GetPhoneNumbersBatch => client.GetPhoneNumbersAsync(agentId, new[] { id }, cancellationToken),
        Operation.GetPhoneNumber => client.GetPhoneNumberAsync(agentId, id, cancellationToken),
        Operation.ImportPhoneNumber => client.ImportPhoneNumberAsync(agentId, id, null, cancellationToken),
        Operation.ReassignPhoneNumber => client.ReassignPhoneNumberAsync(agentId, id, "conn_abc123", cancellationToken),
        Operation.DeletePhoneNumber => client.DeletePhoneNumberAsync(agentId, id, cancellationToken),
        _ => throw new System.ArgumentOutOfRangeException(nameof(operation)),
    };
}
