using System.Collections.Generic;
using System.Linq;
using PolyAI.Agents.Changes;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// What a change sets, for What-if and confirmation text: <c>voiceName 'en-GB-A' -> 'en-GB-C'</c> when the current
/// value was read, <c>voiceName -> 'en-GB-C'</c> when it was not (no message is shown, so nothing is read); a text
/// field (behavior rules, a topic's content) as a line diff below the line.
/// </summary>
internal sealed class FieldChanges
{
    /// <summary>How many lines of a diff a message shows; the rest is counted.</summary>
    public const int MaxDiffLines = 40;

    private readonly bool _currentKnown;
    private readonly List<string> _changes = new();
    private readonly List<string> _diffs = new();

    public FieldChanges(bool currentKnown) => _currentKnown = currentKnown;

    public bool IsEmpty => _changes.Count == 0 && _diffs.Count == 0;

    /// <summary>A field that changes from <paramref name="current"/> to <paramref name="next"/>; null or empty
    /// is shown as (none).</summary>
    public FieldChanges Add(string field, string? current, string? next)
    {
        _changes.Add(_currentKnown ? $"{field} {Quote(current)} -> {Quote(next)}" : $"{field} -> {Quote(next)}");
        return this;
    }

    /// <summary>A text field: its line diff when the current text is known, else how long the new one is.</summary>
    public FieldChanges AddText(string field, string? current, string next)
    {
        if (!_currentKnown)
        {
            _changes.Add($"{field} -> {Lines(next)}");
            return this;
        }

        var diff = TextDiff.Of(current, next);
        _changes.Add($"{field}: {diff.Summary}");
        _diffs.AddRange(diff.Render(MaxDiffLines));
        return this;
    }

    /// <summary>The one-line changes, then each diff on lines of its own.</summary>
    public override string ToString() =>
        _diffs.Count == 0 ? string.Join(", ", _changes) : string.Join(", ", _changes) + "\n" + string.Join("\n", _diffs);

    public static string Quote(string? value) => string.IsNullOrEmpty(value) ? "(none)" : $"'{value}'";

    private static string Lines(string text)
    {
        var count = text.Split('\n').Length;
        return $"{count} line{(count == 1 ? "" : "s")} of text";
    }
}
