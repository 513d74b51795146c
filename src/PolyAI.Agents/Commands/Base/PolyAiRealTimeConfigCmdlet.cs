using System.Management.Automation;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// What the cmdlets that change a real-time config page share: the agent and the environment, by property name (a
/// page from Get-PolyAiRealTimeConfig pipes in), ConfirmImpact High (callers hear the change at once, without a
/// publish), -Force, and -SkipValidation for a schema the module's validator cannot read.
/// </summary>
public abstract class PolyAiRealTimeConfigCmdlet : PolyAiCmdlet
{
    /// <summary>Added to every confirmation prompt of a page change.</summary>
    private protected const string TakesEffectAtOnce = "Callers hear the change at once: real-time config needs no publish.";

    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The environment whose page changes: sandbox, pre-release or live.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateEnvironment]
    [ArgumentCompleter(typeof(EnvironmentCompleter))]
    public string ClientEnv { get; set; } = "";

    /// <summary>Sends without checking against the JSON Schema first (the API still checks). For a schema the module
    /// cannot read; with -Force as well, nothing is read before sending.</summary>
    [Parameter]
    public SwitchParameter SkipValidation { get; set; }

    /// <summary>Writes the page as the API now has it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Change without asking for confirmation. -WhatIf still only shows what would happen.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override bool SuppressPrompt => Force;

    /// <summary>The environment as the API names it.</summary>
    private protected string Environment => Environments.Normalize(ClientEnv)!;

    /// <summary>"the live real-time config page of agent 'A'".</summary>
    private protected string PageName => $"the {Environment} real-time config page of agent '{AgentId}'";

    protected override void EndProcessing() => CompleteRequests();
}
