using System;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Lists the knowledge-base topics of a branch of an agent (main when no -BranchId is given), or gets topics by id
/// (one GET each; an id the branch does not have is a KnowledgeTopicNotFound error).
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiKnowledgeTopic", DefaultParameterSetName = ListSet)]
[OutputType(typeof(KnowledgeTopic))]
public sealed class GetPolyAiKnowledgeTopicCommand : PolyAiBranchReadCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary>One or more topic ids.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(TopicIdCompleter))]
    public string[] TopicId { get; set; } = Array.Empty<string>();

    /// <summary>Only topics whose name matches (wildcards allowed).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        if (ParameterSetName == ByIdSet)
        {
            foreach (var topicId in TopicId.Distinct(StringComparer.Ordinal))
            {
                if (TryCall((c, ct) => c.GetTopicAsync(agentId, branchId, topicId, ct), topicId, out var topic))
                {
                    WriteObject(topic);
                }
            }

            return;
        }

        if (TryCall((c, ct) => c.ListTopicsAsync(agentId, branchId, ct), branchId, out var topics))
        {
            var pattern = Name is null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            WriteObject(topics.Where(t => pattern is null || pattern.IsMatch(t.Name)), enumerateCollection: true);
        }
    }
}
