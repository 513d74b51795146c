namespace PolyAI.Agents;

/// <summary>The record of one phone number the API released from an agent (P3 or P8).</summary>
public sealed class PhoneNumberRemoval
{
    internal PhoneNumberRemoval(string agentId, string number)
    {
        AgentId = agentId;
        Number = number;
    }

    public string AgentId { get; }
    /// <summary>The released number in E.164 form.</summary>
    public string Number { get; }

    public override string ToString() => Number;
}
