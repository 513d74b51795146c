using System.Management.Automation;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Creates knowledge-base topics in a branch. Every parameter binds by property name, so
/// <c>Import-Csv topics.csv | New-PolyAiKnowledgeTopic -AgentId A -BranchId b</c> creates one topic per row; a name
/// the branch already has is a KnowledgeTopicAlreadyExists error for that row only.
/// </summary>
[Cmdlet(VerbsCommon.New, "PolyAiKnowledgeTopic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(KnowledgeTopic))]
public sealed class NewPolyAiKnowledgeTopicCommand : PolyAiBranchChangeCmdlet
{
    /// <summary>The topic's name, unique in the branch.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>What the agent knows about the topic.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Content { get; set; } = "";

    /// <summary>What the agent does when the topic comes up.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Actions { get; set; }

    /// <summary>Questions callers ask about the topic (at most 100).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ExampleQueries")]
    [ValidateCount(0, TopicFields.MaxExampleQueries)]
    public string[]? ExampleQuery { get; set; }

    /// <summary>Creates the topic switched off: the agent does not use it until Set-PolyAiKnowledgeTopic -IsActive $true.</summary>
    [Parameter]
    public SwitchParameter Inactive { get; set; }

    /// <summary>Whether the agent uses the topic (default $true). Binds by property name, so a topic piped from
    /// another branch keeps its state, and a CSV column IsActive of true/false (yes/no, 1/0) works.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    public bool? IsActive { get; set; }

    private protected override void ProcessChange()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        if (Inactive && IsActive == true)
        {
            WriteError(ErrorRecords.InvalidInput($"Topic '{Name}' is given both -Inactive and -IsActive $true.", "KnowledgeTopicActiveConflict", Name));
            return;
        }

        var isActive = Inactive ? false : IsActive;
        var topic = new TopicFields { Name = Name, Content = Content, Actions = Actions, ExampleQueries = ExampleQuery, IsActive = isActive };
        var description = $"Create knowledge-base topic '{Name}' in branch '{branchId}' of agent '{agentId}'{(isActive == false ? " (inactive)" : "")}.";
        if (ShouldChange(description, $"{description} Continue?"))
        {
            StartCall((c, ct) => c.CreateTopicAsync(agentId, branchId, topic, ct), Name, WriteObject);
        }
    }

    /// <summary>What was made comes out in input order, so each output lines up with its input row.</summary>
    private protected override bool WritesInStartOrder => true;

    protected override void EndProcessing() => CompleteRequests();
}
