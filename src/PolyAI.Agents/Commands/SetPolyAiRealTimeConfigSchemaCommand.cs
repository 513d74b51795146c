using System;
using System.Management.Automation;
using System.Text.Json;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Json;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Replaces the JSON Schema (draft 7) of a real-time config page. Before anything is sent the new schema is read by
/// the module's validator (one it cannot read is a RealTimeConfigSchemaInvalid error) and today's variables of the
/// page are checked against it: the What-if and confirmation text say whether they satisfy it and which do not,
/// with the schema's line diff.
/// </summary>
[Cmdlet(VerbsCommon.Set, "PolyAiRealTimeConfigSchema", DefaultParameterSetName = SchemaSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(RealTimeConfig))]
public sealed class SetPolyAiRealTimeConfigSchemaCommand : PolyAiRealTimeConfigCmdlet
{
    private const string SchemaSet = "Schema";
    private const string PathSet = "Path";

    /// <summary>The new schema: a hashtable, a [pscustomobject] (ConvertFrom-Json) or JSON text.</summary>
    [Parameter(Mandatory = true, Position = 2, ParameterSetName = SchemaSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public object Schema { get; set; } = new object();

    /// <summary>A JSON file with the new schema.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    protected override void ProcessRecord()
    {
        var agentId = AgentId;
        var clientEnv = Environment;
        if (!TryReadSchema(out var schema))
        {
            return;
        }

        RealTimeConfig? page = null;
        if ((!SkipValidation || ChangeWillBeShown()) && !TryCall((c, ct) => c.GetConfigPageAsync(agentId, clientEnv, ct), clientEnv, out page))
        {
            return;
        }

        ConfigChange? plan = null;
        if (page is not null && !SkipValidation)
        {
            try
            {
                plan = ConfigChange.OfSchema(page, schema);
            }
            catch (ArgumentException ex)
            {
                WriteError(ConfigCheck.SchemaInvalid($"The new schema for {PageName} was not sent: {ex.Message}", clientEnv));
                return;
            }
        }

        var verdict = plan is null ? "" : plan.Violations.Count == 0
            ? " Today's variables satisfy it."
            : $" Today's variables would NOT satisfy it: {plan.DescribeViolations()}.";
        var confirmed = ConfirmChange(
            clientEnv,
            Known(page!),
            shown => $"Set the schema of {PageName}:{verdict} {new FieldChanges(shown is not null).AddText("schema", shown is null ? null : ConfigSchema.Indented(shown.SchemaJson), ConfigSchema.Indented(schema))}",
            TakesEffectAtOnce);
        if (!confirmed)
        {
            return;
        }

        if (plan is { Violations.Count: > 0 } && !ChangeWillBeShown())
        {
            WriteWarning($"Today's variables of {PageName} do not satisfy the new schema: {plan.DescribeViolations()}. Until they are changed, every variable update of the page is refused.");
        }

        StartCall((c, ct) => c.UpdateConfigSchemaAsync(agentId, clientEnv, schema, ct), clientEnv, updated =>
        {
            if (PassThru)
            {
                WriteObject(updated);
            }
        });
    }

    private bool TryReadSchema(out JsonElement schema)
    {
        schema = default;
        object? given = Schema;
        if (ParameterSetName == PathSet)
        {
            if (!TryReadFile(Path, "schema", "RealTimeConfigSchemaFileUnreadable", out var text))
            {
                return false;
            }

            given = text;
        }

        var what = ParameterSetName == PathSet ? $"The schema file '{Path}'" : "-Schema";
        return TryInput(
            () =>
            {
                var json = PowerShellJson.ToElement(given, what);
                ConfigSchema.EnsureObject(json, "The schema");
                return json;
            },
            "RealTimeConfigSchemaInputInvalid",
            given,
            out schema);
    }
}
