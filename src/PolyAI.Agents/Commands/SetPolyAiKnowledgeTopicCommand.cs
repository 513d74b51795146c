using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Changes knowledge-base topics of a branch: only the fields given are sent. The What-if and confirmation text show
/// each changed field old -> new and the content as a line diff (the topic is read first).
/// </summary>
[Cmdlet(VerbsCommon.Set, "PolyAiKnowledgeTopic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(KnowledgeTopic))]
public sealed class SetPolyAiKnowledgeTopicCommand : PolyAiBranchChangeCmdlet
{
    /// <summary>The topic to change.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(TopicIdCompleter))]
    public string TopicId { get; set; } = "";

    /// <summary>A new name, unique in the branch.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>New content (replaces the old whole).</summary>
    [Parameter]
    public string? Content { get; set; }

    /// <summary>New actions.</summary>
    [Parameter]
    public string? Actions { get; set; }

    /// <summary>New example queries (replace the old ones; at most 100).</summary>
    [Parameter]
    [ValidateCount(0, TopicFields.MaxExampleQueries)]
    public string[]? ExampleQuery { get; set; }

    /// <summary>Switches the topic on ($true) or off ($false).</summary>
    [Parameter]
    [BooleanText]
    public bool? IsActive { get; set; }

    /// <summary>Writes the topic as the API now has it (read again after the change, which the API answers with 204).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        if (Name is null && Content is null && Actions is null && ExampleQuery is null && IsActive is null)
        {
            ThrowTerminatingError(ErrorRecords.InvalidInput(
                "Set-PolyAiKnowledgeTopic would change nothing: give -Name, -Content, -Actions, -ExampleQuery or -IsActive.",
                "KnowledgeTopicUpdateEmpty",
                null));
        }

        base.BeginProcessing();
    }

    private protected override void ProcessChange()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        var topicId = TopicId;
        var changes = new TopicFields { Name = Name, Content = Content, Actions = Actions, ExampleQueries = ExampleQuery, IsActive = IsActive };
        var confirmed = ConfirmChange(
            topicId,
            (c, ct) => c.GetTopicAsync(agentId, branchId, topicId, ct),
            current => $"Update knowledge-base topic {(current is null ? $"'{topicId}'" : $"'{current.Name}' ({topicId})")} of branch '{branchId}' of agent '{agentId}': {Describe(current, changes)}");
        if (!confirmed)
        {
            return;
        }

        StartCall(
            async (c, ct) =>
            {
                await c.UpdateTopicAsync(agentId, branchId, topicId, changes, ct).ConfigureAwait(false);
                if (!PassThru)
                {
                    return null;
                }

                try
                {
                    return await c.GetTopicAsync(agentId, branchId, topicId, ct).ConfigureAwait(false);
                }
                catch (PolyAiApiException ex) when (ex.Kind != PolyAiFailureKind.Authentication)
                {
                    throw ex.After($"Topic '{topicId}' of branch '{branchId}' was updated, but reading it again for -PassThru failed");
                }
            },
            topicId,
            updated =>
            {
                if (updated is not null)
                {
                    WriteObject(updated);
                }
            });
    }

    protected override void EndProcessing() => CompleteRequests();

    private static FieldChanges Describe(KnowledgeTopic? current, TopicFields changes)
    {
        var description = new FieldChanges(current is not null);
        if (changes.Name is not null)
        {
            description.Add("name", current?.Name, changes.Name);
        }

        if (changes.Actions is not null)
        {
            description.Add("actions", current?.Actions, changes.Actions);
        }

        if (changes.ExampleQueries is not null)
        {
            description.Add("exampleQueries", current is null ? null : string.Join("; ", current.ExampleQueries), string.Join("; ", changes.ExampleQueries));
        }

        if (changes.IsActive is { } active)
        {
            description.Add("isActive", current?.IsActive.ToString(), active.ToString());
        }

        if (changes.Content is not null)
        {
            description.AddText("content", current?.Content, changes.Content);
        }

        return description;
    }
}
