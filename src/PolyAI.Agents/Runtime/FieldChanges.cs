using System.Collections.Generic;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// The fields a change sets, for What-if and confirmation text: <c>voiceName 'en-GB-A' -> 'en-GB-C'</c> when the
/// current value was read, <c>voiceName -> 'en-GB-C'</c> when it was not (no message is shown, so nothing is read).
/// </summary>
internal sealed class FieldChanges
{
    private readonly bool _currentKnown;
    private readonly List<string> _changes = new();

    public FieldChanges(bool currentKnown) => _currentKnown = currentKnown;

    /// <summary>A field that changes from <paramref name="current"/> to <paramref name="next"/>; null or empty
    /// is shown as (none).</summary>
    public FieldChanges Add(string field, string? current, string? next)
    {
        _changes.Add(_currentKnown ? $"{field} {Quote(current)} -> {Quote(next)}" : $"{field} -> {Quote(next)}");
        return this;
    }

    public override string ToString() => string.Join(", ", _changes);

    public static string Quote(string? value) => string.IsNullOrEmpty(value) ? "(none)" : $"'{value}'";
}
