using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Commands;

public abstract partial class PolyAiCmdlet
{
    /// <summary>True for a cmdlet whose -Force was given: it suppresses the confirmation prompt, never What-if.</summary>
    private protected virtual bool SuppressPrompt => false;

    /// <summary>
    /// Asks for one change, the way every changing cmdlet does. When a message will be shown (What-if, or a
    /// prompt), <paramref name="read"/> gets the current state first and <paramref name="describe"/> says what will
    /// be different; otherwise nothing is read and <paramref name="describe"/> gets null (its text goes to
    /// -Verbose). A failed read is written as <paramref name="target"/>'s error and the change is skipped.
    /// <paramref name="consequence"/> is added to the prompt, e.g. "This cannot be undone." <paramref name="refuse"/>
    /// may find in the state read that the API would refuse the change: its error is written and nothing is asked.
    /// </summary>
    private protected bool ConfirmChange<TState>(
        object? target,
        Func<PolyAiClient, CancellationToken, Task<TState>> read,
        Func<TState?, string> describe,
        string? consequence = null,
        Func<TState, ErrorRecord?>? refuse = null)
        where TState : class
    {
        TState? state = null;
        if (ChangeWillBeShown() && !TryCall(read, target, out state))
        {
            return false;
        }

        if (state is not null && refuse?.Invoke(state) is { } refusal)
        {
            WriteError(refusal);
            return false;
        }

        var description = describe(state);
        return ShouldChange(description, consequence is null ? $"{description} Continue?" : $"{description} {consequence} Continue?");
    }

    /// <summary>A read for <see cref="ConfirmChange"/> when the state is already known (a piped object).</summary>
    private protected static Func<PolyAiClient, CancellationToken, Task<T>> Known<T>(T state) => (_, _) => Task.FromResult(state);

    /// <summary>
    /// ShouldProcess with -Force: -Force suppresses the confirmation prompt, never What-if. -WhatIf and
    /// $WhatIfPreference always win; an explicit -Confirm still prompts.
    /// </summary>
    private protected bool ShouldChange(string description, string question)
    {
        if (SuppressPrompt && !WhatIfInEffect && !ConfirmExplicitlyRequested)
        {
            WriteVerbose(description);
            return true;
        }

        return ShouldProcess(description, question, "Confirm");
    }

    /// <summary>True when ShouldChange will show a message (What-if text or a prompt), so describing the
    /// target in detail is worth a read; a -Force run does not pay for it. The impact compared with
    /// $ConfirmPreference is the one the cmdlet declares, so the two cannot drift apart.</summary>
    private protected bool ChangeWillBeShown()
    {
        if (WhatIfInEffect || ConfirmExplicitlyRequested)
        {
            return true;
        }

        if (SuppressPrompt || MyInvocation.BoundParameters.ContainsKey("Confirm"))
        {
            return false;
        }

        var preference = LanguagePrimitives.ConvertTo<ConfirmImpact>(GetVariableValue("ConfirmPreference") ?? ConfirmImpact.High);
        return preference != ConfirmImpact.None && DeclaredImpact >= preference;
    }

    private ConfirmImpact DeclaredImpact => Declaration.ConfirmImpact;

    private bool WhatIfInEffect => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
        ? ((SwitchParameter)whatIf).IsPresent
        : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    private bool ConfirmExplicitlyRequested =>
        MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && ((SwitchParameter)confirm).IsPresent;
}
