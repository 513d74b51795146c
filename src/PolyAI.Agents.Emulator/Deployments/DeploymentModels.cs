using System.Text.Json.Serialization;

namespace PolyAI.Agents.Emulator;

// Response bodies of the deployments (api-notes.md §9). Property order is wire order. Deployments are immutable:
// a promote or a rollback makes a new one.

/// <summary>The deployment's metadata: its message ("" when none was given).</summary>
internal sealed record DeploymentMetadata(string DeploymentMessage);

/// <summary>DeploymentResponse: eight strings and the metadata.</summary>
internal sealed record DeploymentResponse(
    string Id,
    string AccountId,
    string AgentId,
    string Environment,
    string ArtifactVersion,
    string Version,
    string CreatedBy,
    string CreatedAt,
    DeploymentMetadata Metadata);

/// <summary>D1: newest first.</summary>
internal sealed record ListDeploymentsResponse(IReadOnlyList<DeploymentResponse> Deployments);

/// <summary>D2's activeDeployments: every environment, null for one that has no deployment.</summary>
internal sealed record ActiveDeployments(
    [property: JsonPropertyName("sandbox")] DeploymentResponse? Sandbox,
    [property: JsonPropertyName("pre-release")] DeploymentResponse? PreRelease,
    [property: JsonPropertyName("live")] DeploymentResponse? Live);

internal sealed record ActiveDeploymentsResponse(ActiveDeployments ActiveDeployments);

/// <summary>D3-D5: the new deployment and the test runs it started (a promote starts one).</summary>
internal sealed record MutationDeploymentResponse(DeploymentResponse Deployment, IReadOnlyList<string> TestRunIds);
