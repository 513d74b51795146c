using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// The parameters every cmdlet that reads branch content shares: the agent and the branch, by property name (so a
/// Branch, a topic or any object with AgentId and BranchId pipes in). A read defaults to the main branch.
/// </summary>
public abstract class PolyAiBranchReadCmdlet : PolyAiCmdlet
{
    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The branch to read; main when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(BranchIdCompleter))]
    public string BranchId { get; set; } = Branch.Main;

    /// <summary>
    /// Writes what a list read of the branch asked for: the items with the given <paramref name="ids"/> in the order
    /// given (an id the list lacks is a &lt;Resource&gt;NotFound error), or, without ids, every item whose name matches
    /// <paramref name="name"/> (a wildcard; all when null).
    /// </summary>
    private protected void WriteFromList<T>(IReadOnlyList<T> items, IReadOnlyList<string>? ids, string? name, ResourceKind resource, Func<T, string> idOf, Func<T, string> nameOf)
    {
        if (ids is not { Count: > 0 })
        {
            var pattern = name is null ? null : WildcardPattern.Get(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            WriteObject(items.Where(item => pattern is null || pattern.IsMatch(nameOf(item))), enumerateCollection: true);
            return;
        }

        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (items.FirstOrDefault(item => idOf(item) == id) is { } found)
            {
                WriteObject(found);
            }
            else
            {
                WriteError(ErrorRecords.NotFoundInList(resource, $"branch '{BranchId}' of agent '{AgentId}'", id));
            }
        }
    }
}

/// <summary>
/// The parameters every cmdlet that changes branch content shares. A change requires -BranchId: nobody edits main
/// by accident (later versions of the API make main read-only).
/// </summary>
public abstract class PolyAiBranchChangeCmdlet : PolyAiConcurrentCmdlet
{
    /// <summary>The agent (Agent Studio project id, e.g. PROJECT-58RP822I).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(AgentIdCompleter))]
    public string AgentId { get; set; } = "";

    /// <summary>The branch to change (required). Changing main needs -BranchId main on the command line: an object
    /// piped in names main whenever it was read without -BranchId, and that is no way to edit main by accident.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateIdentifier]
    [ArgumentCompleter(typeof(BranchIdCompleter))]
    public string BranchId { get; set; } = "";

    public const string MainFromPipelineErrorId = "BranchMainNotNamed";

    private bool _branchOnCommandLine;

    protected override void BeginProcessing()
    {
        // Parameters bound before the first record are the command line's; pipeline values bind later.
        _branchOnCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(BranchId));
        base.BeginProcessing();
    }

    protected sealed override void ProcessRecord()
    {
        if (!_branchOnCommandLine && string.Equals(BranchId, Branch.Main, StringComparison.OrdinalIgnoreCase))
        {
            WriteError(ErrorRecords.InvalidInput(
                $"The input names branch '{Branch.Main}' of agent '{AgentId}' (what reads give without -BranchId), and main is changed only when -BranchId {Branch.Main} is given on the command line. Pipe content of a branch, or give -BranchId.",
                MainFromPipelineErrorId,
                AgentId));
            return;
        }

        ProcessChange();
    }

    /// <summary>ProcessRecord of the change, once the branch is known to be one to change.</summary>
    private protected abstract void ProcessChange();
}

/// <summary>
/// A cmdlet that deletes items of a branch by id (topics, attributes, variants): -Force, each id removed once, the
/// What-if and confirmation text naming each item (read first, only when a message will be shown).
/// </summary>
public abstract class PolyAiBranchRemoveCmdlet : PolyAiBranchChangeCmdlet
{
    private readonly HashSet<(string, string, string)> _seen = new();

    /// <summary>Remove without asking for confirmation. -WhatIf still only shows what would happen.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override bool SuppressPrompt => Force;

    /// <summary>
    /// Asks for and starts the removal of each id: <paramref name="read"/> gets the item for the message,
    /// <paramref name="describe"/> names it (the item, or null when not read), <paramref name="refuse"/> may stop
    /// one the API would refuse anyway (before anything is sent), <paramref name="delete"/> removes it.
    /// </summary>
    private protected void RemoveEach<T>(
        IEnumerable<string> ids,
        string noun,
        Func<Client.PolyAiClient, string, System.Threading.CancellationToken, System.Threading.Tasks.Task<T>> read,
        Func<string, T?, string> describe,
        Func<Client.PolyAiClient, string, System.Threading.CancellationToken, System.Threading.Tasks.Task> delete,
        Func<T, ErrorRecord?>? refuse = null)
        where T : class
    {
        foreach (var id in ids)
        {
            if (!_seen.Add((AgentId, BranchId, id)))
            {
                WriteVerbose($"{noun} '{id}' of branch '{BranchId}' was given more than once; it is removed once.");
                continue;
            }

            if (ConfirmChange(id, (c, ct) => read(c, id, ct), item => describe(id, item), refuse: refuse))
            {
                StartCall(async (c, ct) => { await delete(c, id, ct).ConfigureAwait(false); return true; }, id, _ => { });
            }
        }
    }

    protected override void EndProcessing() => CompleteRequests();
}

/// <summary>
/// A read of a list of branch content that has no GET of one item (attributes, variants): the list (main when no
/// -BranchId is given), filtered by -Name (wildcards), or the items of the ids the cmdlet's own id parameter gives
/// (one list read; an id the branch does not have is a &lt;Resource&gt;NotFound error).
/// </summary>
public abstract class PolyAiBranchListCmdlet<T> : PolyAiBranchReadCmdlet
{
    private protected const string ListSet = "List";
    private protected const string ByIdSet = "ById";

    /// <summary>Only items whose name matches (wildcards allowed).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The ids asked for (the ById set's parameter).</summary>
    private protected abstract IReadOnlyList<string> Ids { get; }

    private protected abstract ResourceKind Resource { get; }

    private protected abstract System.Threading.Tasks.Task<IReadOnlyList<T>> ListAsync(Client.PolyAiClient client, string agentId, string branchId, System.Threading.CancellationToken cancellationToken);

    private protected abstract string IdOf(T item);

    private protected abstract string NameOf(T item);

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        var branchId = BranchId;
        if (TryCall((c, ct) => ListAsync(c, agentId, branchId, ct), branchId, out var items))
        {
            WriteFromList(items, ParameterSetName == ByIdSet ? Ids : null, Name, Resource, IdOf, NameOf);
        }
    }
}
