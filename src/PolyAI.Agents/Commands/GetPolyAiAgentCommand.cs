using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Lists the agents of the key's workspace, or gets agents by id (ids the key cannot see are AgentNotFound
/// errors, in input order). Its output pipes into every -AgentId: Get-PolyAiAgent | Get-PolyAiConnector.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiAgent")]
[OutputType(typeof(Agent))]
public sealed class GetPolyAiAgentCommand : PolyAiCmdlet
{
    private readonly List<string> _ids = new();

    /// <summary>Only agents whose name or id matches (wildcards allowed).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>One or more agent ids; from the pipeline by property name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string[]? AgentId { get; set; }

    protected override void ProcessRecord()
    {
        if (AgentId is not null)
        {
            _ids.AddRange(AgentId.Where(id => !_ids.Contains(id, StringComparer.Ordinal)));
        }
    }

    protected override void EndProcessing()
    {
        if (!TryCall((c, ct) => c.ListAgentsAsync(ct), null, out var agents))
        {
            return;
        }

        var pattern = Name is null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        bool Matches(Agent agent) => pattern is null || pattern.IsMatch(agent.AgentName) || pattern.IsMatch(agent.AgentId);
        if (_ids.Count == 0)
        {
            WriteObject(agents.Where(Matches), enumerateCollection: true);
            return;
        }

        foreach (var id in _ids)
        {
            if (agents.FirstOrDefault(a => a.AgentId == id) is { } agent)
            {
                if (Matches(agent))
                {
                    WriteObject(agent);
                }
            }
            else
            {
                WriteError(ErrorRecords.NotFoundInList(ResourceKind.Agent, "the agents the key can see", id));
            }
        }
    }
}
