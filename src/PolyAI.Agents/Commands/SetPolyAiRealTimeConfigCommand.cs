using System;
using System.Collections;
using System.Management.Automation;
using System.Text.Json;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Changes variables of a real-time config page: a shallow merge, as the API makes it (each name given replaces or
/// adds that variable, the others stay). Before anything is sent the page is read and the merged variables are
/// checked against its JSON Schema: a value that fails is a RealTimeConfigValueInvalid error naming the variable,
/// the value and the rule, and nothing is sent. The What-if and confirmation text list each variable old -> new.
/// </summary>
[Cmdlet(VerbsCommon.Set, "PolyAiRealTimeConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(RealTimeConfig))]
public sealed class SetPolyAiRealTimeConfigCommand : PolyAiRealTimeConfigCmdlet
{
    /// <summary>Variable name -> new value (any JSON value: text, number, boolean, list, nested table), e.g.
    /// @{ openingHours = '08:00-20:00'; holidayMessage = 'Closed on Monday' }.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [Alias("Variables")]
    [ValidateNotNull]
    public IDictionary Variable { get; set; } = new Hashtable();

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        var clientEnv = Environment;
        if (!TryInput(() => PowerShellJson.ToElement(Variable, "-Variable"), "RealTimeConfigVariableInvalid", Variable, out var changes))
        {
            return;
        }

        // The page is read for the check against its schema even when no message is shown.
        RealTimeConfig? page = null;
        if ((!SkipValidation || ChangeWillBeShown()) && !TryCall((c, ct) => c.GetConfigPageAsync(agentId, clientEnv, ct), clientEnv, out page))
        {
            return;
        }

        if (!ConfigCheck.TryPlan(this, () => ConfigChange.OfVariables(page, changes, !SkipValidation), PageName, clientEnv, out var plan))
        {
            return;
        }

        if (plan.Violations.Count > 0)
        {
            WriteError(ConfigCheck.ValueInvalid($"The variables of {PageName} would not satisfy its schema, so nothing was sent: {plan.DescribeViolations()}", clientEnv));
            return;
        }

        if (plan.CurrentKnown && plan.Variables.Count == 0)
        {
            WriteWarning($"The values given are {PageName}'s values already; nothing was sent.");
            return;
        }

        var confirmed = ConfirmChange(
            clientEnv,
            (_, _) => System.Threading.Tasks.Task.FromResult(page!),
            _ => $"Update {PageName}: {plan.DescribeVariables()}.",
            TakesEffectAtOnce);
        if (confirmed)
        {
            StartCall((c, ct) => c.UpdateConfigVariablesAsync(agentId, clientEnv, changes, ct), clientEnv, updated =>
            {
                if (PassThru)
                {
                    WriteObject(updated);
                }
            });
        }
    }
}
