namespace PolyAI.Agents.Emulator;

/// <summary>A connector of a seed together with the numbers routed to it.</summary>
internal sealed record SeedConnector(Connector Connector, IReadOnlyList<string> Numbers);

/// <summary>An agent of a seed: its connectors and its unrouted numbers (number, clientEnv).</summary>
internal sealed record SeedAgent(
    string AgentId,
    string AccountId,
    IReadOnlyList<SeedConnector> Connectors,
    IReadOnlyList<(string Number, string ClientEnv)> UnroutedNumbers);

/// <summary>A complete initial state.</summary>
internal sealed record SeedData(IReadOnlyList<SeedAgent> Agents, IReadOnlyList<string> ForbiddenAgentIds);

/// <summary>The named seeds: "demo" (the default) and "empty" (the same agents, no connectors or numbers).</summary>
internal static class Seed
{
    public const string Demo = "demo";
    public const string Empty = "empty";

    public const string DemoAgentId = "PROJECT-DEMO";
    public const string OtherAgentId = "PROJECT-OTHER";
    public const string LockedAgentId = "PROJECT-LOCKED";
    public const string AccountId = "ws-demo01";

    public static bool IsKnown(string name) => name is Demo or Empty;

    public static SeedData Get(string name) => name switch
    {
        Demo => CreateDemo(),
        Empty => CreateEmpty(),
        _ => throw new ArgumentException($"Unknown seed '{name}'.", nameof(name)),
    };

    private static SeedData CreateEmpty() => new(
        [
            new SeedAgent(DemoAgentId, AccountId, [], []),
            new SeedAgent(OtherAgentId, AccountId, [], []),
        ],
        [LockedAgentId]);

    private static SeedData CreateDemo() => new(
        [
            new SeedAgent(
                DemoAgentId,
                AccountId,
                [
                    Routed(DemoAgentId, "conn-main-live", "Main line", "live", "variant-london", "en-GB", "en-GB-Neural2-A", false,
                        "+442071230001", "+442071230002"),
                    Routed(DemoAgentId, "conn-support-live", "Support", "live", "", "en-GB", "en-GB-Neural2-C", true,
                        "+442071230003"),
                    Routed(DemoAgentId, "conn-sbx-1", "Sandbox A", "sandbox", "variant-london", "en-GB", "en-GB-Wavenet-B", false,
                        "+15550100001", "+15550100002"),
                    Routed(DemoAgentId, "conn-sbx-2", "Sandbox B", "sandbox", "", "en-US", "en-US-Neural2-A", false),
                    Routed(DemoAgentId, "conn-sbx-3", "Sandbox C", "sandbox", "variant-nyc", "en-US", "en-US-Neural2-F", true,
                        "+15550100003"),
                    Routed(DemoAgentId, "conn-pre-1", "Pre-release", "pre-release", "", "en-US", "en-US-Studio-O", false,
                        "+15550100004"),
                ],
                [("+15550100099", "sandbox")]),
            new SeedAgent(
                OtherAgentId,
                AccountId,
                [
                    Routed(OtherAgentId, "conn-other-1", "Other main line", "live", "", "en-US", "en-US-Neural2-D", false,
                        "+15550200001"),
                    Routed(OtherAgentId, "conn-other-2", "Other sandbox", "sandbox", "variant-sydney", "en-AU", "en-AU-Neural2-B", false,
                        "+15550200002"),
                ],
                []),
        ],
        [LockedAgentId]);

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
            new Connector(connectorId, name, AccountId, agentId, clientEnv, variantId, asrLangCode,
                Formats.TtsLangCodeOf(voiceName), voiceName, disableHandoff),
            numbers);
}
