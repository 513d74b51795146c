namespace PolyAI.Agents.Client;

/// <summary>
/// Where the client reports what it sends and receives. Called from any thread; the PowerShell side
/// queues the messages and writes them on the pipeline thread. Messages never contain the API key.
/// </summary>
internal interface IApiTrace
{
    /// <summary>Whether Verbose messages are wanted; the client does not build them otherwise.</summary>
    bool VerboseEnabled { get; }

    /// <summary>Whether Debug messages (headers, bodies) are wanted; the client does not build them otherwise.</summary>
    bool DebugEnabled { get; }

    void Verbose(string message);

    void Debug(string message);
}

/// <summary>A trace that drops everything.</summary>
internal sealed class NullApiTrace : IApiTrace
{
    public static readonly NullApiTrace Instance = new();

    public bool VerboseEnabled => false;

    public bool DebugEnabled => false;

    public void Verbose(string message) { }

    public void Debug(string message) { }
}
