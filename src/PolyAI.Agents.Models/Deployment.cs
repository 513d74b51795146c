using System;
using System.Collections.Generic;

namespace PolyAI.Agents;

/// <summary>
/// A deployment: one version of an agent running in one environment (sandbox, pre-release, live), who made it and
/// when. The same <see cref="Version"/> in two environments is the same content; the active deployment of an
/// environment is its newest one.
/// </summary>
public sealed class Deployment(
    string accountId, string agentId, string deploymentId, string environment, string version, string artifactVersion,
    string createdBy, DateTimeOffset createdAt, string? message, IReadOnlyList<string> testRunIds, IReadOnlyDictionary<string, object?> metadata)
{
    public string AccountId { get; } = accountId;

    public string AgentId { get; } = agentId;

    public string DeploymentId { get; } = deploymentId;

    /// <summary>sandbox, pre-release or live.</summary>
    public string Environment { get; } = environment;

    /// <summary>The content version (a hash shared across environments).</summary>
    public string Version { get; } = version;

    public string ArtifactVersion { get; } = artifactVersion;

    /// <summary>The e-mail of who made it.</summary>
    public string CreatedBy { get; } = createdBy;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>The deployment message (metadata.deploymentMessage), when there is one.</summary>
    public string? Message { get; } = message;

    /// <summary>The test runs the publish, promote or rollback started; empty for a listed deployment.</summary>
    public IReadOnlyList<string> TestRunIds { get; } = testRunIds;

    /// <summary>Everything the API sent as metadata, as plain values.</summary>
    public IReadOnlyDictionary<string, object?> Metadata { get; } = metadata;

    /// <summary>"version 3f2a9c1 (dep-0004, by ops@example.com, 2026-11-20 11:00Z)": how What-if text names it.</summary>
    public string Describe() => $"version {Version} ({DeploymentId}, by {CreatedBy}, {CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z)";

    public override string ToString() => DeploymentId;
}
