namespace PolyAI.Agents;

/// <summary>A phone number the API imported into an agent (P2 or P6). It routes nowhere until
/// Set-PolyAiPhoneNumber assigns a connector.</summary>
public sealed class PhoneNumberImport(string agentId, string number, string clientEnv)
{
    public string AgentId { get; } = agentId;

    /// <summary>The number in E.164 form, e.g. +442071234567.</summary>
    public string Number { get; } = number;

    /// <summary>The environment it was imported into: the one requested, else the API's default, live.</summary>
    public string ClientEnv { get; } = clientEnv;

    public override string ToString() => Number;
}
