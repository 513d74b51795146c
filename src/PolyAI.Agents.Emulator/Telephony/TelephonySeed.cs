namespace PolyAI.Agents.Emulator;

/// <summary>A connector of a seed together with the numbers routed to it.</summary>
internal sealed record SeedConnector(Connector Connector, IReadOnlyList<string> Numbers);

/// <summary>What one agent of a seed has in telephony: its connectors and its unrouted numbers.</summary>
internal sealed record TelephonySeedAgent(
    string AgentId,
    IReadOnlyList<SeedConnector> Connectors,
    IReadOnlyList<(string Number, string ClientEnv)> UnroutedNumbers);

/// <summary>Telephony's part of the seeds: "demo" has connectors and numbers on both agents, "empty" has none.</summary>
internal static class TelephonySeed
{
    public static IReadOnlyList<TelephonySeedAgent> Get(string seed) => seed switch
    {
        Seed.Demo => CreateDemo(),
        Seed.Empty => [],
        _ => throw new ArgumentException($"Unknown seed '{seed}'.", nameof(seed)),
    };

    private static TelephonySeedAgent[] CreateDemo() =>
    [
        new(
            Seed.DemoAgentId,
            [
                Routed(Seed.DemoAgentId, "conn-main-live", "Main line", "live", "variant-london", "en-GB", "en-GB-Neural2-A", false,
                    "+442071230001", "+442071230002"),
                Routed(Seed.DemoAgentId, "conn-support-live", "Support", "live", "", "en-GB", "en-GB-Neural2-C", true,
                    "+442071230003"),
                Routed(Seed.DemoAgentId, "conn-sbx-1", "Sandbox A", "sandbox", "variant-london", "en-GB", "en-GB-Wavenet-B", false,
                    "+15550100001", "+15550100002"),
                Routed(Seed.DemoAgentId, "conn-sbx-2", "Sandbox B", "sandbox", "", "en-US", "en-US-Neural2-A", false),
                Routed(Seed.DemoAgentId, "conn-sbx-3", "Sandbox C", "sandbox", "variant-nyc", "en-US", "en-US-Neural2-F", true,
                    "+15550100003"),
                Routed(Seed.DemoAgentId, "conn-pre-1", "Pre-release", "pre-release", "", "en-US", "en-US-Studio-O", false,
                    "+15550100004"),
            ],
            [("+15550100099", "sandbox")]),
        new(
            Seed.OtherAgentId,
            [
                Routed(Seed.OtherAgentId, "conn-other-1", "Other main line", "live", "", "en-US", "en-US-Neural2-D", false,
                    "+15550200001"),
                Routed(Seed.OtherAgentId, "conn-other-2", "Other sandbox", "sandbox", "variant-sydney", "en-AU", "en-AU-Neural2-B", false,
                    "+15550200002"),
            ],
            []),
    ];

    private static SeedConnector Routed(
        string agentId,
        string connectorId,
        string name,
        string clientEnv,
        string variantId,
        string asrLangCode,
        string voiceName,
        bool disableHandoff,
        params string[] numbers) =>
        new(
            new Connector(connectorId, name, Seed.AccountId, agentId, clientEnv, variantId, asrLangCode,
                Formats.TtsLangCodeOf(voiceName), voiceName, disableHandoff),
            numbers);
}
