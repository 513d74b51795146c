using System;
using System.Collections.Generic;
using System.Linq;

namespace PolyAI.Agents.Contract;

/// <summary>The environments an agent runs in, in release order: what every clientEnv, environment and
/// targetEnvironment of the API takes.</summary>
internal static class Environments
{
    public const string Sandbox = "sandbox";
    public const string PreRelease = "pre-release";
    public const string Live = "live";

    public static IReadOnlyList<string> All { get; } = new[] { Sandbox, PreRelease, Live };

    /// <summary>The name as the API writes it (lower case), whatever the casing given; null for an unknown one.</summary>
    public static string? Normalize(string? value) =>
        value is null ? null : All.FirstOrDefault(name => string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
