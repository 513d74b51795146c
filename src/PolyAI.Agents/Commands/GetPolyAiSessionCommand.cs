using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>Returns the default session of the current runspace; nothing when not connected.</summary>
[Cmdlet(VerbsCommon.Get, "PolyAiSession")]
[OutputType(typeof(Session))]
public sealed class GetPolyAiSessionCommand : PSCmdlet
{
    protected override void BeginProcessing() => FormatViews.AddToCurrentRunspace();

    protected override void EndProcessing()
    {
        var session = SessionStore.Current;
        if (session is not null)
        {
            WriteObject(session);
        }
    }
}
