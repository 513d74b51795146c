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
/// Lists the attributes of a branch of an agent (main when no -BranchId is given): the named slots (site, opening
/// hours) each variant gives a value. -AttributeId picks attributes from the list (an id the branch does not have is
/// an AttributeNotFound error).
/// </summary>
[Cmdlet(VerbsCommon.Get, "PolyAiAttribute", DefaultParameterSetName = ListSet)]
[OutputType(typeof(Attribute))]
public sealed class GetPolyAiAttributeCommand : PolyAiBranchListCmdlet<Attribute>
{
    /// <summary>One or more attribute ids.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AttributeIdCompleter))]
    public string[] AttributeId { get; set; } = Array.Empty<string>();

    private protected override IReadOnlyList<string> Ids => AttributeId;

    private protected override ResourceKind Resource => ResourceKind.Attribute;

    private protected override Task<IReadOnlyList<Attribute>> ListAsync(PolyAiClient client, string agentId, string branchId, CancellationToken cancellationToken) =>
        client.ListAttributesAsync(agentId, branchId, cancellationToken);

    private protected override string IdOf(Attribute item) => item.AttributeId;

    private protected override string NameOf(Attribute item) => item.Name;
}
