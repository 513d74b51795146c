using System.Management.Automation;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// What publish, promote and rollback share: ConfirmImpact High (they change what callers of an environment hear),
/// -Message, -Force, and a What-if built from a <see cref="ReleasePlan"/> (the active deployments are read only when
/// a message will be shown); a plan that breaks a release rule of the API is refused before anything is sent.
/// </summary>
public abstract class PolyAiReleaseCmdlet : PolyAiCmdlet
{
    /// <summary>The deployment message, kept with the deployment (Message of its output).</summary>
    [Parameter]
    [ValidateNotNull]
    public string? Message { get; set; }

    /// <summary>Release without asking for confirmation. -WhatIf still only shows what would happen.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override bool SuppressPrompt => Force;

    /// <summary>Asks for the release (<paramref name="plan"/> read first when a message is shown) and, when confirmed,
    /// makes it and writes the deployment the API made.</summary>
    private protected void Release(
        string target,
        System.Func<Client.PolyAiClient, System.Threading.CancellationToken, System.Threading.Tasks.Task<ReleasePlan>> plan,
        string unread,
        System.Func<Client.PolyAiClient, System.Threading.CancellationToken, System.Threading.Tasks.Task<Deployment>> release)
    {
        var confirmed = ConfirmChange(
            target,
            plan,
            read => read?.Text ?? unread,
            "Callers of that environment hear the change at once.",
            read => read.Refusal is { } refusal ? ErrorRecords.FromApi(refusal, target) : null);
        if (confirmed && TryCall(release, target, out var deployment))
        {
            WriteObject(deployment);
        }
    }
}
