using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// The default views of the output types: what Format-Table, Format-List and the console show. Declared as objects
/// rather than in a format.ps1xml, so that they can be added when they are first needed (AddToCurrentRunspace), and
/// take the path PowerShell's own built-in views take, with nothing to parse; nameof keeps each column true to its
/// property.
/// </summary>
internal static class FormatViews
{
    /// <summary>One view per output type, named after the type.</summary>
    public static IReadOnlyList<ExtendedTypeDefinition> All { get; } = new[]
    {
        Table<Agent>(
            Column(nameof(Agent.AgentId)),
            Column(nameof(Agent.AgentName)),
            Column(nameof(Agent.AccountId)),
            Column(nameof(Agent.BranchCount)),
            Column(nameof(Agent.UpdatedAt))),
        Table<Connector>(
            Column(nameof(Connector.ConnectorId)),
            Column(nameof(Connector.Name)),
            Column(nameof(Connector.ClientEnv)),
            Column(nameof(Connector.VariantId)),
            Column(nameof(Connector.VoiceName)),
            Column(nameof(Connector.AgentId))),
        Table<ConnectorRemoval>(
            Column(nameof(ConnectorRemoval.AgentId)),
            Column(nameof(ConnectorRemoval.ConnectorId)),
            Computed(nameof(ConnectorRemoval.DeletedPhoneNumbers), "$_.DeletedPhoneNumbers -join ', '")),
        Table<PhoneNumber>(
            Column(nameof(PhoneNumber.Number)),
            Column(nameof(PhoneNumber.ClientEnv)),
            Column(nameof(PhoneNumber.ConnectorId)),
            Column(nameof(PhoneNumber.AgentId))),
        Table<PhoneNumberImport>(
            Column(nameof(PhoneNumberImport.Number)),
            Column(nameof(PhoneNumberImport.ClientEnv)),
            Column(nameof(PhoneNumberImport.AgentId))),
        Table<PhoneNumberRemoval>(
            Column(nameof(PhoneNumberRemoval.Number)),
            Column(nameof(PhoneNumberRemoval.AgentId))),
        Table<Session>(
            Column(nameof(Session.Region)),
            Column(nameof(Session.BaseUri)),
            Column(nameof(Session.KeySource)),
            Column(nameof(Session.TimeoutSec)),
            Column(nameof(Session.MaxRetry)),
            Column(nameof(Session.ConnectedAt))),
        Table<Branch>(
            Column(nameof(Branch.BranchId)),
            Column(nameof(Branch.Name)),
            Column(nameof(Branch.CreatedAt)),
            Column(nameof(Branch.AgentId))),
        Table<BranchMerge>(
            Column(nameof(BranchMerge.BranchId)),
            Column(nameof(BranchMerge.Sequence)),
            Column(nameof(BranchMerge.Message)),
            Column(nameof(BranchMerge.TestRunIds)),
            Column(nameof(BranchMerge.AgentId))),
        Table<BranchChange>(
            Column(nameof(BranchChange.Area)),
            Column(nameof(BranchChange.Change)),
            Column(nameof(BranchChange.Name)),
            Column(nameof(BranchChange.Fields)),
            Column(nameof(BranchChange.BranchId)),
            Column(nameof(BranchChange.ReferenceBranchId))),
        List<Behavior>(nameof(Behavior.AgentId), nameof(Behavior.BranchId), nameof(Behavior.Text)),
        Table<KnowledgeTopic>(
            Column(nameof(KnowledgeTopic.TopicId)),
            Column(nameof(KnowledgeTopic.Name)),
            Column(nameof(KnowledgeTopic.IsActive)),
            Column(nameof(KnowledgeTopic.BranchId)),
            Column(nameof(KnowledgeTopic.AgentId))),
        Table<Attribute>(
            Column(nameof(Attribute.AttributeId)),
            Column(nameof(Attribute.Name)),
            Column(nameof(Attribute.BranchId)),
            Column(nameof(Attribute.AgentId))),
        Table<Variant>(
            Column(nameof(Variant.VariantId)),
            Column(nameof(Variant.Name)),
            Column(nameof(Variant.IsDefault)),
            Pairs(nameof(Variant.AttributeValues)),
            Column(nameof(Variant.BranchId)),
            Column(nameof(Variant.AgentId))),
        Table<RealTimeConfig>(
            Column(nameof(RealTimeConfig.ClientEnv)),
            Pairs(nameof(RealTimeConfig.Variables)),
            Column(nameof(RealTimeConfig.LastUpdated)),
            Column(nameof(RealTimeConfig.AgentId))),
        Table<Deployment>(
            Column(nameof(Deployment.DeploymentId), width: 14),
            Column(nameof(Deployment.Environment), width: 11),
            Column(nameof(Deployment.Version), width: 9),
            Computed(nameof(Deployment.CreatedAt), "$_.CreatedAt.UtcDateTime.ToString('yyyy-MM-dd HH:mm') + 'Z'", width: 17),
            Column(nameof(Deployment.CreatedBy), width: 25)),
    };

    private static readonly ConditionalWeakTable<InitialSessionState, object> Added = new();

    /// <summary>
    /// Adds the views to the current runspace, once, when the first PolyAI command runs there (not at import: PowerShell
    /// rebuilds its whole format table, built-in views included, to add any module's views, and in a fresh process that
    /// was a third of the import). They go to the runspace's session state format entries, where Update-FormatData and
    /// every later module import rebuild the format table from, then the table is rebuilt as Update-FormatData does;
    /// the command is called by its type, so PowerShell need not find or load its module. They stay when the module is
    /// removed, as its types do. A runspace whose format table cannot change (a shared one) keeps PowerShell's default
    /// views: that costs the display, never the command.
    /// </summary>
    public static void AddToCurrentRunspace()
    {
        if (Runspace.DefaultRunspace?.InitialSessionState is not { } state || Added.TryGetValue(state, out _))
        {
            return;
        }

        Added.GetValue(state, _ => true);
        // A runspace made from another's session state (a clone) has the entries already.
        if (state.Formats.Any(entry => entry.FormatData is { } view && All.Contains(view)))
        {
            return;
        }

        foreach (var view in All)
        {
            state.Formats.Add(new SessionStateFormatEntry(view));
        }

        using var update = PowerShell.Create(RunspaceMode.CurrentRunspace);
        update.AddCommand(new CmdletInfo("Update-FormatData", UpdateFormatDataCommand));
        try
        {
            update.Invoke();
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException)
        {
            // Format updates disabled or a shared format table in this runspace: the default views serve.
        }
    }

    /// <summary>Update-FormatData's type, from the assembly of PowerShell's utility cmdlets (same version and key as the engine's).</summary>
    private static Type UpdateFormatDataCommand =>
        Type.GetType(
            "Microsoft.PowerShell.Commands.UpdateFormatDataCommand, " + typeof(PSObject).Assembly.FullName!.Replace("System.Management.Automation", "Microsoft.PowerShell.Commands.Utility"),
            throwOnError: true)!;

    private static ExtendedTypeDefinition Table<T>(params (string Label, string? Property, string? Script, int Width)[] columns)
    {
        var builder = TableControl.Create(outOfBand: false, autoSize: false, hideTableHeaders: false);
        foreach (var column in columns)
        {
            builder.AddHeader(Alignment.Undefined, column.Width, column.Label);
        }

        var row = builder.StartRowDefinition(wrap: false, entrySelectedByType: null, entrySelectedByCondition: null);
        foreach (var column in columns)
        {
            if (column.Property is not null)
            {
                row.AddPropertyColumn(column.Property, Alignment.Undefined, format: null);
            }
            else
            {
                row.AddScriptBlockColumn(column.Script!, Alignment.Undefined, format: null);
            }
        }

        return View<T>(row.EndRowDefinition().EndTable());
    }

    private static ExtendedTypeDefinition List<T>(params string[] properties)
    {
        var entry = ListControl.Create(outOfBand: false).StartEntry(entrySelectedByType: null, entrySelectedByCondition: null);
        foreach (var property in properties)
        {
            entry.AddItemProperty(property, label: null, format: null);
        }

        return View<T>(entry.EndEntry().EndList());
    }

    private static ExtendedTypeDefinition View<T>(PSControl control) =>
        new(typeof(T).FullName, new List<FormatViewDefinition> { new(typeof(T).FullName, control) });

    private static (string, string?, string?, int) Column(string property, int width = 0) => (property, property, null, width);

    /// <summary>A column computed by a script block ($_ is the object), for values a plain property shows badly.</summary>
    private static (string, string?, string?, int) Computed(string label, string script, int width = 0) => (label, null, script, width);

    /// <summary>A dictionary property (a <see cref="ValueMap{T}"/>) as one line of key=value pairs.</summary>
    private static (string, string?, string?, int) Pairs(string property) =>
        Computed(property, $"($_.{property}.GetEnumerator() | ForEach-Object {{ \"$($_.Key)=$($_.Value)\" }}) -join '; '");
}
