using System;
using System.Management.Automation;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Imports phone numbers the caller already holds into an agent. Numbers come from -PhoneNumber, piped
/// strings, or piped objects with a Number or PhoneNumber property (Import-Csv). Each number is confirmed as
/// it arrives; they are sent when the input ends: one number of an agent and environment with the single
/// endpoint (409: PhoneNumberAlreadyExists), several with the bulk endpoint (100 per request), where each
/// number the API did not import is its own PhoneNumberAlreadyExists error. Imported numbers route nowhere
/// until Set-PolyAiPhoneNumber assigns a connector.
/// </summary>
[Cmdlet(VerbsData.Import, "PolyAiPhoneNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PhoneNumberImport))]
public sealed class ImportPolyAiPhoneNumberCommand : PolyAiConcurrentCmdlet
{
    private readonly PendingItems<(string AgentId, string? ClientEnv), string> _pending = new();

    /// <summary>The agent to import into.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>One or more E.164 numbers, e.g. +442071234567.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Number")]
    [ValidateNotNullOrEmpty]
    [ValidateE164]
    public string[] PhoneNumber { get; set; } = Array.Empty<string>();

    /// <summary>sandbox, pre-release or live. Not given: the API's default, live.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateEnvironment]
    [ArgumentCompleter(typeof(EnvironmentCompleter))]
    public string? ClientEnv { get; set; }

    protected override void ProcessRecord()
    {
        var clientEnv = Environments.Normalize(ClientEnv);
        foreach (var number in PhoneNumber)
        {
            if (!_pending.FirstTime(AgentId, number))
            {
                WriteVerbose($"Phone number '{number}' for agent '{AgentId}' was given more than once; it is imported once.");
                continue;
            }

            var description = $"Import phone number '{number}' into agent '{AgentId}' ({clientEnv ?? PolyAiClient.DefaultClientEnv}).";
            if (ShouldChange(description, $"{description} Continue?"))
            {
                _pending.Add((AgentId, clientEnv), number);
            }
        }
    }

    protected override void EndProcessing()
    {
        _pending.Send(
            (group, number) => StartCall((c, ct) => c.ImportPhoneNumberAsync(group.AgentId, number, group.ClientEnv, ct), number, WriteObject),
            (group, numbers) => StartBatch((c, ct) => c.ImportPhoneNumbersAsync(group.AgentId, numbers, group.ClientEnv, ct), numbers));
        CompleteRequests();
    }
}
