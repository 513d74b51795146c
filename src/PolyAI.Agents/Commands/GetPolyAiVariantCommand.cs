using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Client;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Lists the variants of a branch of an agent (main when no -BranchId is given): one set of attribute values each
/// (a site such as London), one of them the default. -VariantId picks variants from the list (an id the branch
/// does not have is a VariantNotFound error).
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiVariant", DefaultParameterSetName = ListSet)]
[OutputType(typeof(Variant))]
public sealed class GetPolyAiVariantCommand : PolyAiBranchListCmdlet<Variant>
{
    /// <summary>One or more variant ids.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(VariantIdCompleter))]
    public string[] VariantId { get; set; } = Array.Empty<string>();

    private protected override IReadOnlyList<string> Ids => VariantId;

    private protected override ResourceKind Resource => ResourceKind.Variant;

    private protected override Task<IReadOnlyList<Variant>> ListAsync(PolyAiClient client, string agentId, string branchId, CancellationToken cancellationToken) =>
        client.ListVariantsAsync(agentId, branchId, cancellationToken);

    private protected override string IdOf(Variant item) => item.VariantId;

    private protected override string NameOf(Variant item) => item.Name;
}
