namespace PolyAI.Agents;

/// <summary>A phone number (E.164) imported into an agent, and the connector it routes to, if any.</summary>
public sealed class PhoneNumber
{
    internal PhoneNumber(string agentId, string number, string projectId, string accountId, string clientEnv, string? connectorId)
    {
        AgentId = agentId;
        Number = number;
        ProjectId = projectId;
        AccountId = accountId;
        ClientEnv = clientEnv;
        ConnectorId = connectorId;
    }

    public string AgentId { get; }
    /// <summary>The number in E.164 form, e.g. +442071234567.</summary>
    public string Number { get; }
    public string ProjectId { get; }
    public string AccountId { get; }
    public string ClientEnv { get; }
    /// <summary>The connector the number routes to; null when it is not routed.</summary>
    public string? ConnectorId { get; }

    public override string ToString() => Number;
}
