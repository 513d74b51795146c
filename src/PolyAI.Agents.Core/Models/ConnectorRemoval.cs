using System.Collections.Generic;
using System.Linq;

namespace PolyAI.Agents;

/// <summary>The record of one connector deletion and the phone numbers its cascade released.</summary>
public sealed class ConnectorRemoval
{
    internal ConnectorRemoval(string agentId, string connectorId, IEnumerable<string> deletedPhoneNumbers)
    {
        AgentId = agentId;
        ConnectorId = connectorId;
        DeletedPhoneNumbers = deletedPhoneNumbers.ToArray();
    }

    public string AgentId { get; }
    public string ConnectorId { get; }
    /// <summary>Every phone number the API released together with the connector.</summary>
    public string[] DeletedPhoneNumbers { get; }

    public override string ToString() => ConnectorId;
}
