using System;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Gets the real-time config pages of an agent: one per environment (sandbox, pre-release, live), with the
/// variables callers' calls read at once and the JSON Schema they must satisfy. -ClientEnv gets the pages of the
/// environments named (one request each).
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiRealTimeConfig")]
[OutputType(typeof(RealTimeConfig))]
public sealed class GetPolyAiRealTimeConfigCommand : PolyAiCmdlet
{
    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>Only the pages of these environments: sandbox, pre-release, live.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEnvironment]
    [ArgumentCompleter(typeof(EnvironmentCompleter))]
    public string[]? ClientEnv { get; set; }

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        if (ClientEnv is null)
        {
            if (TryCall((c, ct) => c.ListConfigPagesAsync(agentId, ct), agentId, out var pages))
            {
                WriteObject(pages, enumerateCollection: true);
            }

            return;
        }

        foreach (var clientEnv in ClientEnv.Select(e => Environments.Normalize(e)!).Distinct(StringComparer.Ordinal))
        {
            if (TryCall((c, ct) => c.GetConfigPageAsync(agentId, clientEnv, ct), clientEnv, out var page))
            {
                WriteObject(page);
            }
        }
    }
}
