namespace PolyAI.Agents;

/// <summary>A phone number the API imported into an agent (P2 or P6). It routes nowhere until
/// Set-PolyAiPhoneNumber assigns a connector.</summary>
public sealed class PhoneNumberImport
{
    internal PhoneNumberImport(string agentId, string number, string clientEnv)
    {
        AgentId = agentId;
        Number = number;
        ClientEnv = clientEnv;
    }

    public string AgentId { get; }
    /// <summary>The number in E.164 form, e.g. +442071234567.</summary>
    public string Number { get; }
    /// <summary>The environment it was imported into: the one requested, else the API's default, live.</summary>
    public string ClientEnv { get; }

    public override string ToString() => Number;
}
