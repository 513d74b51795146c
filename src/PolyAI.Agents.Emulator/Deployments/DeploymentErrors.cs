using PolyAI.Agents.Contract;
using Environments = PolyAI.Agents.Contract.Environments;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// The errors of the deployments: the error-code reference documents 6001, 6002 (HTTP 200: nothing changed),
/// 6008, 6009 and ErrPreReleaseNotReady (412, no numeric id: its id is the status); a target that is not a later
/// stage is a VALIDATION_ERROR (the quickstart's 400).
/// </summary>
internal static class DeploymentErrors
{
    /// <summary>One of sandbox, pre-release, live as the API writes it, or 400 DEPLOYMENTS_INVALID_ENVIRONMENT (6008).</summary>
    public static string EnsureEnvironment(string environment, string field) =>
        Environments.All.Contains(environment, StringComparer.Ordinal)
            ? environment
            : throw new ApiException(ApiErrors.Documented(400, "DEPLOYMENTS_INVALID_ENVIRONMENT",
                $"'{environment}' is not an environment: use {string.Join(", ", Environments.All)}.", field));

    public static ApiError NotFound(string deploymentId) =>
        ApiErrors.Documented(404, "DEPLOYMENT_NOT_FOUND", $"Deployment '{deploymentId}' was not found.", "deploymentId");

    /// <summary>HTTP 200 with an envelope body: the environment runs that version already, nothing was made.</summary>
    public static ApiError AlreadyRunning(string environment, string version) =>
        ApiErrors.NothingChanged("DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED", $"Environment '{environment}' already runs version {version}.", "environment");

    public static ApiError TargetNotLater(string environment) =>
        ApiErrors.Validation("targetEnvironment", $"Target environment must be a later stage than {environment}.");

    public static ApiError PreReleaseNotReady(string version) =>
        ApiErrors.Documented(412, "ErrPreReleaseNotReady", $"Promote to pre-release first: pre-release does not run version {version}.", "targetEnvironment");

    public static ApiError AlreadyPublished(string environment, string version) =>
        ApiErrors.Documented(409, "DEPLOYMENTS_ALREADY_PUBLISHED", $"Environment '{environment}' already runs version {version}.", "targetEnvironment");
}
