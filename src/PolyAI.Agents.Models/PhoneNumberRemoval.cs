namespace PolyAI.Agents;

/// <summary>The record of one phone number the API released from an agent (P3 or P8).</summary>
public sealed class PhoneNumberRemoval(string agentId, string number)
{
    public string AgentId { get; } = agentId;

    /// <summary>The released number in E.164 form.</summary>
    public string Number { get; } = number;

    public override string ToString() => Number;
}
