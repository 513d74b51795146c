using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>Forgets the default session of the current runspace. Session objects held in variables keep working.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "PolyAi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(void))]
public sealed class DisconnectPolyAiCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        var session = SessionStore.Current;
        if (session is null)
        {
            WriteVerbose("Not connected: nothing to disconnect.");
            return;
        }

        if (ShouldProcess(session.ToString(), "Disconnect"))
        {
            SessionStore.Current = null;
        }
    }
}
