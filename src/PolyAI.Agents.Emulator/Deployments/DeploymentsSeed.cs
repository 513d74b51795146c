namespace PolyAI.Agents.Emulator;

/// <summary>
/// The deployments of the seeds. "demo": PROJECT-DEMO runs its seeded main in all three environments (the version
/// its hash gives, so publishing the unchanged main is "already published"); PROJECT-OTHER has none. "empty": no
/// deployments.
/// </summary>
internal static class DeploymentsSeed
{
    public const string CreatedBy = "ops@demo-dental.example";
    public const string ArtifactVersion = "artifact-seed";
    public const string Message = "Initial release";

    public static IReadOnlyList<DeploymentResponse> Get(string seed) => seed switch
    {
        Seed.Demo => Demo(),
        Seed.Empty => [],
        _ => throw new ArgumentException($"Unknown seed '{seed}'.", nameof(seed)),
    };

    private static IReadOnlyList<DeploymentResponse> Demo()
    {
        var main = AuthoringSeed.Get(Seed.Demo).Single(agent => agent.AgentId == Seed.DemoAgentId).Main;
        var version = ContentVersion.Of(main);
        return
        [
            Deployment("dep-seed-sbx", "sandbox", "2026-11-20T09:00:00Z", version),
            Deployment("dep-seed-pre", "pre-release", "2026-11-20T10:00:00Z", version),
            Deployment("dep-seed-live", "live", "2026-11-20T11:00:00Z", version),
        ];
    }

    private static DeploymentResponse Deployment(string id, string environment, string createdAt, string version) =>
        new(id, Seed.AccountId, Seed.DemoAgentId, environment, ArtifactVersion, version, CreatedBy, createdAt, new DeploymentMetadata(Message));
}
