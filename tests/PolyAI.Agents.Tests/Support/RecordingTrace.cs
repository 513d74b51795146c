using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Tests.Support;

/// <summary>An <see cref="IApiTrace"/> that keeps every message (thread-safe) for assertions.</summary>
public sealed class RecordingTrace : IApiTrace
{
    private readonly ConcurrentQueue<(string Level, string Message)> _entries = new();

    public IReadOnlyList<(string Level, string Message)> Entries => _entries.ToArray();

    public IReadOnlyList<string> Messages => Entries.Select(e => e.Message).ToList();

    public IReadOnlyList<string> VerboseMessages => Entries.Where(e => e.Level == "Verbose").Select(e => e.Message).ToList();

    public IReadOnlyList<string> DebugMessages => Entries.Where(e => e.Level == "Debug").Select(e => e.Message).ToList();

    public bool VerboseEnabled => true;

    public bool DebugEnabled => true;

    public void Verbose(string message) => _entries.Enqueue(("Verbose", message));

    public void Debug(string message) => _entries.Enqueue(("Debug", message));

}
