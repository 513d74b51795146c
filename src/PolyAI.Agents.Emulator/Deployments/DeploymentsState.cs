using System.Globalization;
using PolyAI.Agents.Contract;
using Environments = PolyAI.Agents.Contract.Environments;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// The deployments of each agent, in the order they were made (api-notes.md §9): they hang off the agent, not a
/// branch. An environment runs its newest deployment (none when it has none). A publish deploys main's content as
/// it is now, under the version its hash gives (<see cref="ContentVersion"/>); a promote or a rollback makes a new
/// deployment with an existing version and artifact. Every read and write takes the directory's lock. Ids come from
/// counters a reset restarts: dep-0001 (artifact-0001 for a publish), tr-0001.
/// </summary>
internal sealed class DeploymentsState(AgentDirectory directory, AuthoringState authoring) : IAreaState
{
    public const string CreatedBy = "emulator@polyai.local";

    private readonly Dictionary<string, List<DeploymentResponse>> _deployments = new(StringComparer.Ordinal);
    private int _nextDeployment;
    private int _nextTestRun;

    public void Load(string seed)
    {
        lock (directory.Gate)
        {
            _deployments.Clear();
            _nextDeployment = _nextTestRun = 0;
            foreach (var deployment in DeploymentsSeed.Get(seed))
            {
                DeploymentsOf(deployment.AgentId).Add(deployment);
            }
        }
    }

    public void Describe(string agentId, IDictionary<string, object> entry)
    {
        lock (directory.Gate)
        {
            entry["deployments"] = DeploymentsOf(agentId).ToArray();
        }
    }

    /// <summary>A new agent (A2, and A4: a copy of main, not of its deployments) has none.</summary>
    public void AgentCreated(NewAgent agent)
    {
        lock (directory.Gate)
        {
            _deployments[agent.AgentId] = [];
        }
    }

    public void AgentDeleted(string agentId)
    {
        lock (directory.Gate)
        {
            _deployments.Remove(agentId);
        }
    }

    // D1: newest first, at most limit.
    public ListDeploymentsResponse List(string agentId, string environment, int? limit)
    {
        lock (directory.Gate)
        {
            var newestFirst = DeploymentsOf(agentId).Where(d => d.Environment == environment).Reverse();
            return new ListDeploymentsResponse(newestFirst.Take(limit ?? int.MaxValue).ToArray());
        }
    }

    // D2
    public ActiveDeploymentsResponse Active(string agentId)
    {
        lock (directory.Gate)
        {
            var deployments = DeploymentsOf(agentId);
            return new ActiveDeploymentsResponse(new ActiveDeployments(
                ActiveIn(deployments, Environments.Sandbox), ActiveIn(deployments, Environments.PreRelease), ActiveIn(deployments, Environments.Live)));
        }
    }

    /// <summary>D3: main's content now to <paramref name="environment"/>, unless it runs that version already (200, 6002).</summary>
    public MutationDeploymentResponse Publish(string agentId, string environment, string? message)
    {
        lock (directory.Gate)
        {
            var deployments = DeploymentsOf(agentId);
            var version = ContentVersion.Of(authoring.MainContent(agentId));
            EnsureNotRunning(deployments, environment, version);
            var number = _nextDeployment + 1;
            var artifact = $"artifact-{number:D4}";
            return new MutationDeploymentResponse(Add(agentId, environment, version, artifact, message ?? ""), []);
        }
    }

    /// <summary>
    /// D4: a copy of the deployment in <paramref name="target"/> (or the next stage), which must be a later stage;
    /// live only with the version pre-release runs (412); not a version the target runs already (409). One test run.
    /// </summary>
    public MutationDeploymentResponse Promote(string agentId, string deploymentId, string? target, string? message)
    {
        lock (directory.Gate)
        {
            var deployments = DeploymentsOf(agentId);
            var source = Find(deployments, deploymentId);
            var to = target is null ? Environments.Next(source.Environment) : DeploymentErrors.EnsureEnvironment(target, "targetEnvironment");
            if (to is null || !Environments.IsLater(to, source.Environment))
            {
                throw new ApiException(DeploymentErrors.TargetNotLater(source.Environment));
            }

            if (to == Environments.Live && ActiveIn(deployments, Environments.PreRelease)?.Version != source.Version)
            {
                throw new ApiException(DeploymentErrors.PreReleaseNotReady(source.Version));
            }

            if (ActiveIn(deployments, to)?.Version == source.Version)
            {
                throw new ApiException(DeploymentErrors.AlreadyPublished(to, source.Version));
            }

            var promoted = Add(agentId, to, source.Version, source.ArtifactVersion, message ?? "");
            return new MutationDeploymentResponse(promoted, [$"tr-{++_nextTestRun:D4}"]);
        }
    }

    /// <summary>D5: the deployment's environment runs its version again, as a new deployment, unless it runs it already (200, 6002).</summary>
    public MutationDeploymentResponse Rollback(string agentId, string deploymentId, string? message)
    {
        lock (directory.Gate)
        {
            var deployments = DeploymentsOf(agentId);
            var to = Find(deployments, deploymentId);
            EnsureNotRunning(deployments, to.Environment, to.Version);
            var restored = Add(agentId, to.Environment, to.Version, to.ArtifactVersion, message ?? $"Rollback to {deploymentId}");
            return new MutationDeploymentResponse(restored, []);
        }
    }

    private static void EnsureNotRunning(List<DeploymentResponse> deployments, string environment, string version)
    {
        if (ActiveIn(deployments, environment)?.Version == version)
        {
            throw new ApiException(DeploymentErrors.AlreadyRunning(environment, version));
        }
    }

    private DeploymentResponse Add(string agentId, string environment, string version, string artifactVersion, string message)
    {
        var deployment = new DeploymentResponse($"dep-{++_nextDeployment:D4}", directory.Get(agentId).AccountId, agentId, environment,
            artifactVersion, version, CreatedBy, Now(), new DeploymentMetadata(message));
        DeploymentsOf(agentId).Add(deployment);
        return deployment;
    }

    /// <summary>The newest deployment of the environment: the one it runs.</summary>
    private static DeploymentResponse? ActiveIn(List<DeploymentResponse> deployments, string environment) =>
        deployments.FindLast(d => d.Environment == environment);

    private static DeploymentResponse Find(List<DeploymentResponse> deployments, string deploymentId) =>
        deployments.Find(d => d.Id == deploymentId) ?? throw new ApiException(DeploymentErrors.NotFound(deploymentId));

    /// <summary>The deployments of an agent of the directory; one the area has not seen yet (generated) has none.</summary>
    private List<DeploymentResponse> DeploymentsOf(string agentId)
    {
        if (!_deployments.TryGetValue(agentId, out var deployments))
        {
            directory.Get(agentId);
            deployments = [];
            _deployments.Add(agentId, deployments);
        }

        return deployments;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
