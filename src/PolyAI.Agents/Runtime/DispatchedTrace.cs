using System.Management.Automation;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Runtime;

/// <summary>Sends the client's trace to the cmdlet's Verbose, Debug and Warning streams on the pipeline thread.</summary>
internal sealed class DispatchedTrace : IApiTrace
{
    private readonly PipelineDispatcher _dispatcher;
    private readonly Cmdlet _cmdlet;

    public DispatchedTrace(PipelineDispatcher dispatcher, Cmdlet cmdlet)
    {
        _dispatcher = dispatcher;
        _cmdlet = cmdlet;
    }

    public void Verbose(string message) => _dispatcher.Post(() => _cmdlet.WriteVerbose(message));

    public void Debug(string message) => _dispatcher.Post(() => _cmdlet.WriteDebug(message));

    public void Warning(string message) => _dispatcher.Post(() => _cmdlet.WriteWarning(message));
}
