using System.Collections.Generic;
using System.Linq;

namespace PolyAI.Agents;

/// <summary>The record of one connector deletion and the phone numbers its cascade released.</summary>
public sealed class ConnectorRemoval(string agentId, string connectorId, IEnumerable<string> deletedPhoneNumbers)
{
    public string AgentId { get; } = agentId;

    public string ConnectorId { get; } = connectorId;

    /// <summary>Every phone number the API released together with the connector.</summary>
    public string[] DeletedPhoneNumbers { get; } = deletedPhoneNumbers.ToArray();

    public override string ToString() => ConnectorId;
}
