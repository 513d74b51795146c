using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Routes a phone number to a connector of the same agent (reassigns it when it already routes elsewhere).
/// Takes AgentId, Number and ConnectorId from the pipeline by property name, so numbers from
/// Get-PolyAiPhoneNumber or Import-PolyAiPhoneNumber (with -ConnectorId), or a CSV of number/connector pairs,
/// can be routed in one line. The What-if text shows the current connector -> the new one.
/// </summary>
[Cmdlet(VerbsCommon.Set, "PolyAiPhoneNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PhoneNumber))]
public sealed class SetPolyAiPhoneNumberCommand : PolyAiConcurrentCmdlet
{
    /// <summary>The agent that owns the number and the connector.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The E.164 number, e.g. +442071234567.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Number")]
    [ValidateE164]
    public string PhoneNumber { get; set; } = "";

    /// <summary>The connector the number should route to.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(ConnectorIdCompleter))]
    public string ConnectorId { get; set; } = "";

    /// <summary>Writes the number as the API now has it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        var number = PhoneNumber;
        var connectorId = ConnectorId;
        var confirmed = ConfirmChange(
            number,
            (c, ct) => c.GetPhoneNumberAsync(agentId, number, ct),
            current => current is null
                ? $"Route phone number '{number}' of agent '{agentId}' to connector '{connectorId}'."
                : $"Route phone number '{number}' ({current.ClientEnv}) of agent '{agentId}': {(current.ConnectorId is null ? "no connector" : $"connector '{current.ConnectorId}'")} -> connector '{connectorId}'.");
        if (!confirmed)
        {
            return;
        }

        StartCall(
            (c, ct) => c.ReassignPhoneNumberAsync(agentId, number, connectorId, ct),
            number,
            routed =>
            {
                if (PassThru)
                {
                    WriteObject(routed);
                }
            });
    }

    protected override void EndProcessing() => CompleteRequests();
}
