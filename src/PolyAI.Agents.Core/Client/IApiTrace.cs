namespace PolyAI.Agents.Client;

/// <summary>
/// Where the client reports what it sends and receives. Called from any thread; the PowerShell side
/// queues the messages and writes them on the pipeline thread. Messages never contain the API key.
/// </summary>
public interface IApiTrace
{
    void Verbose(string message);

    void Debug(string message);

    void Warning(string message);
}

/// <summary>A trace that drops everything.</summary>
public sealed class NullApiTrace : IApiTrace
{
    public static readonly NullApiTrace Instance = new();

    public void Verbose(string message) { }

    public void Debug(string message) { }

    public void Warning(string message) { }
}
