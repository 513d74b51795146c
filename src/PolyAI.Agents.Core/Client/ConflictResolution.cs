using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PolyAI.Agents.Client;

/// <summary>How one conflicting path of a merge is resolved: ours (keep the branch's version), theirs (keep
/// main's) or base (the version both started from); <see cref="Value"/> gives a value of its own instead.</summary>
internal sealed class ConflictResolution
{
    public static readonly IReadOnlyList<string> Strategies = new[] { "ours", "theirs", "base" };

    public ConflictResolution(IReadOnlyList<string> path, string strategy, JsonElement? value = null)
    {
        if (path.Count == 0 || path.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A conflict resolution needs the path it resolves, e.g. 'behavior' or 'knowledgeBase/topics/<id>/content'.");
        }

        Strategy = Strategies.FirstOrDefault(s => string.Equals(s, strategy?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"The strategy '{strategy}' is not one of {string.Join(", ", Strategies)}.");
        Path = path;
        Value = value;
    }

    public IReadOnlyList<string> Path { get; }

    public string Strategy { get; }

    public JsonElement? Value { get; }

    /// <summary>A path as users and error messages write it, segments joined by '/'.</summary>
    public static IReadOnlyList<string> ParsePath(string path) => path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
}
