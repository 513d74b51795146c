using System.Management.Automation;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Creates an agent (an Agent Studio project) with the greeting it answers calls with and the voice it speaks with,
/// as the API requires. Every parameter binds by property name, so a CSV of agents can be created in one line.
/// </summary>
[Cmdlet(VerbsCommon.New, "PolyAiAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Agent))]
public sealed class NewPolyAiAgentCommand : PolyAiCmdlet
{
    /// <summary>The agent's name, 1 to 100 characters.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateLength(1, AgentDefinition.MaxNameLength)]
    public string Name { get; set; } = "";

    /// <summary>What the agent says when it answers a call.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Greeting { get; set; } = "";

    /// <summary>The voice the agent speaks with.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string VoiceId { get; set; } = "";

    /// <summary>The language of its responses, e.g. en-US; the API's default is en-GB.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? LanguageCode { get; set; }

    /// <summary>The language model the agent uses.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ModelId { get; set; }

    /// <summary>The id to give the agent (letters, digits and '-'); the API chooses one when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern(AgentDefinition.AgentIdPattern)]
    public string? AgentId { get; set; }

    protected override void ProcessRecord()
    {
        var definition = new AgentDefinition(Name, Greeting, VoiceId) { LanguageCode = LanguageCode, ModelId = ModelId, AgentId = AgentId };
        var description = $"Create agent '{Name}'{(AgentId is null ? "" : $" ({AgentId})")}: greeting {FieldChanges.Quote(Greeting)}, voice {FieldChanges.Quote(VoiceId)}{(LanguageCode is null ? "" : $", language {LanguageCode}")}{(ModelId is null ? "" : $", model {ModelId}")}.";
        if (ShouldChange(description, $"{description} Continue?") && TryCall((c, ct) => c.CreateAgentAsync(definition, ct), Name, out var agent))
        {
            WriteObject(agent);
        }
    }
}
