using System;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Gets the deployments of an agent: those of one environment, newest first (-First sends the API's limit), or with
/// -Active the deployment each environment runs now (none for an environment that has none).
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiDeployment", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Deployment))]
public sealed class GetPolyAiDeploymentCommand : PolyAiCmdlet
{
    private const string ListSet = "List";
    private const string ActiveSet = "Active";

    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The environment whose deployments to list (with -Active: only these environments).</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ListSet)]
    [Parameter(Position = 1, ParameterSetName = ActiveSet)]
    [ValidateNotNullOrEmpty]
    [ValidateEnvironment]
    [ArgumentCompleter(typeof(EnvironmentCompleter))]
    public string[] Environment { get; set; } = Array.Empty<string>();

    /// <summary>The deployment each environment runs now.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ActiveSet)]
    public SwitchParameter Active { get; set; }

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        var environments = Environment.Select(e => Environments.Normalize(e)!).Distinct(StringComparer.Ordinal).ToList();
        if (Active)
        {
            if (TryCall((c, ct) => c.GetActiveDeploymentsAsync(agentId, ct), agentId, out var active))
            {
                WriteObject(active.Where(pair => pair.Value is not null && (environments.Count == 0 || environments.Contains(pair.Key))).Select(pair => pair.Value), enumerateCollection: true);
            }

            return;
        }

        // The API pages with a limit only: -Skip is applied to the first Skip + First deployments it sends.
        var skip = PagingParameters.Skip;
        var first = PagingParameters.First;
        int? limit = first == ulong.MaxValue || first + skip > int.MaxValue ? null : (int)(first + skip);
        foreach (var environment in environments)
        {
            if (limit == 0)
            {
                break;
            }

            if (TryCall((c, ct) => c.ListDeploymentsAsync(agentId, environment, limit, ct), environment, out var deployments))
            {
                if (PagingParameters.IncludeTotalCount)
                {
                    WriteObject(PagingParameters.NewTotalCount((ulong)deployments.Count, limit is null ? 1.0 : 0.0));
                }

                WriteObject(deployments.Skip((int)Math.Min(skip, int.MaxValue)), enumerateCollection: true);
            }
        }
    }
}
