using System;
using System.Collections.Generic;
using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>Deletes knowledge-base topics of a branch. The What-if and confirmation text name each topic (read first).</summary>
[Cmdlet(VerbsCommon.Remove, "PolyAiKnowledgeTopic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemovePolyAiKnowledgeTopicCommand : PolyAiBranchChangeCmdlet
{
    private readonly HashSet<(string, string, string)> _seen = new();

    /// <summary>One or more topic ids.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(TopicIdCompleter))]
    public string[] TopicId { get; set; } = Array.Empty<string>();

    /// <summary>Remove without asking for confirmation. -WhatIf still only shows what would happen.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override bool SuppressPrompt => Force;

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        foreach (var topicId in TopicId)
        {
            if (!_seen.Add((agentId, branchId, topicId)))
            {
                WriteVerbose($"Topic '{topicId}' of branch '{branchId}' was given more than once; it is removed once.");
                continue;
            }

            var confirmed = ConfirmChange(
                topicId,
                (c, ct) => c.GetTopicAsync(agentId, branchId, topicId, ct),
                topic => $"Remove knowledge-base topic {(topic is null ? $"'{topicId}'" : $"'{topic.Name}' ({topicId})")} from branch '{branchId}' of agent '{agentId}'.");
            if (confirmed)
            {
                StartCall((c, ct) => c.DeleteTopicAsync(agentId, branchId, topicId, ct), topicId, _ => { });
            }
        }
    }

    protected override void EndProcessing() => CompleteRequests();
}
