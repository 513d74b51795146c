namespace PolyAI.Agents.Emulator;

/// <summary>
/// The named seeds, "demo" (the default) and "empty", and their agents: the same in both. Each area adds its own
/// part of a seed to these agents (see <see cref="IAreaState.Load"/>). "empty" has no telephony, no topics and no
/// deployments, but the same behavior rules, attributes, variants and real-time config pages as "demo": an agent
/// always has those.
/// </summary>
internal static class Seed
{
    public const string Demo = "demo";
    public const string Empty = "empty";

    public const string DemoAgentId = "PROJECT-DEMO";
    public const string OtherAgentId = "PROJECT-OTHER";
    public const string LockedAgentId = "PROJECT-LOCKED";
    public const string AccountId = "ws-demo01";

    public static bool IsKnown(string name) => name is Demo or Empty;

    public static IReadOnlyList<(string AgentId, string AccountId)> Agents(string seed) => IsKnown(seed)
        ? [(DemoAgentId, AccountId), (OtherAgentId, AccountId)]
        : throw new ArgumentException($"Unknown seed '{seed}'.", nameof(seed));

    /// <summary>The agents the key may not see: requests about them are answered 403.</summary>
    public static IReadOnlyList<string> ForbiddenAgentIds { get; } = [LockedAgentId];
}
