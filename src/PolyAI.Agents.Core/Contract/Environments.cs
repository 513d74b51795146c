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

    /// <summary>The stage after <paramref name="environment"/> (sandbox -> pre-release -> live); null after live.</summary>
    public static string? Next(string environment)
    {
        var index = IndexOf(environment);
        return index >= 0 && index + 1 < All.Count ? All[index + 1] : null;
    }

    /// <summary>Whether <paramref name="target"/> comes after <paramref name="environment"/> in release order.</summary>
    public static bool IsLater(string target, string environment) => IndexOf(target) > IndexOf(environment) && IndexOf(environment) >= 0;

    private static int IndexOf(string environment) => All.ToList().IndexOf(Normalize(environment) ?? "");

    /// <summary>The name as the API writes it (lower case), whatever the casing given; null for an unknown one.</summary>
    public static string? Normalize(string? value) =>
        value is null ? null : All.FirstOrDefault(name => string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
