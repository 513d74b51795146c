using System.Management.Automation;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Runtime;

/// <summary>Sends the client's trace to the cmdlet's Verbose and Debug streams on the pipeline thread.</summary>
internal sealed class DispatchedTrace : IApiTrace
{
    private readonly PipelineDispatcher _dispatcher;
    private readonly Cmdlet _cmdlet;

    public DispatchedTrace(PipelineDispatcher dispatcher, PSCmdlet cmdlet)
    {
        _dispatcher = dispatcher;
        _cmdlet = cmdlet;
        VerboseEnabled = IsEnabled(cmdlet, "Verbose", "VerbosePreference");
        DebugEnabled = IsEnabled(cmdlet, "Debug", "DebugPreference");
    }

    public bool VerboseEnabled { get; }

    public bool DebugEnabled { get; }

    /// <summary>-Verbose/-Debug on the command, else the preference variable in scope.</summary>
    private static bool IsEnabled(PSCmdlet cmdlet, string switchName, string preferenceName)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue(switchName, out var bound))
        {
            return ((SwitchParameter)bound).IsPresent;
        }

        var preference = cmdlet.GetVariableValue(preferenceName);
        return preference is not null
            && LanguagePrimitives.TryConvertTo<ActionPreference>(preference, out var action)
            && action != ActionPreference.SilentlyContinue
            && action != ActionPreference.Ignore;
    }

    public void Verbose(string message) => _dispatcher.Post(() => _cmdlet.WriteVerbose(message));

    public void Debug(string message) => _dispatcher.Post(() => _cmdlet.WriteDebug(message));

}
