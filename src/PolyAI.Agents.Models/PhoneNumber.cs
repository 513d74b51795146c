namespace PolyAI.Agents;

/// <summary>A phone number (E.164) imported into an agent, and the connector it routes to, if any.</summary>
public sealed class PhoneNumber(string agentId, string number, string projectId, string accountId, string clientEnv, string? connectorId)
{
    public string AgentId { get; } = agentId;

    /// <summary>The number in E.164 form, e.g. +442071234567.</summary>
    public string Number { get; } = number;

    public string ProjectId { get; } = projectId;

    public string AccountId { get; } = accountId;

    public string ClientEnv { get; } = clientEnv;

    /// <summary>The connector the number routes to; null when it is not routed.</summary>
    public string? ConnectorId { get; } = connectorId;

    public override string ToString() => Number;
}
