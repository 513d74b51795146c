using System;
using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>Deletes knowledge-base topics of a branch. The What-if and confirmation text name each topic (read first).</summary>
[Cmdlet(VerbsCommon.Remove, "PolyAiKnowledgeTopic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemovePolyAiKnowledgeTopicCommand : PolyAiBranchRemoveCmdlet
{
    /// <summary>One or more topic ids.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(TopicIdCompleter))]
    public string[] TopicId { get; set; } = Array.Empty<string>();

    private protected override void ProcessChange()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        RemoveEach(
            TopicId,
            "Topic",
            (c, id, ct) => c.GetTopicAsync(agentId, branchId, id, ct),
            (id, topic) => $"Remove knowledge-base topic {(topic is null ? $"'{id}'" : $"'{topic.Name}' ({id})")} from branch '{branchId}' of agent '{agentId}'.",
            (c, id, ct) => c.DeleteTopicAsync(agentId, branchId, id, ct));
    }
}
