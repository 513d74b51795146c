using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using PolyAI.Agents.Client;
using PolyAI.Agents.Runtime;

namespace PolyAI.Agents.Commands;

/// <summary>
/// Sends any request of the API that no cmdlet covers yet (1.0.11 has 14 more operations), with everything the
/// module's cmdlets have: the session's host and key, retries (by the operation table's retry class where the path
/// is one of its operations, else only for GET, HEAD, OPTIONS, PUT and DELETE), timeouts, Ctrl+C, error ids and a
/// verbose stream without the key. The path is relative (/v1/...): a URI or another host is refused before anything
/// is sent. Every method but GET, HEAD and OPTIONS asks ShouldProcess, at ConfirmImpact High: the damage of an
/// operation the module does not know cannot be judged, and it may be the removal of an agent.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "PolyAiRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(PSObject), typeof(string))]
public sealed class InvokePolyAiRequestCommand : PolyAiCmdlet
{
    private const int BodyShown = 400;
    private static readonly string[] ReadMethods = { "GET", "HEAD", "OPTIONS" };

    /// <summary>The HTTP method.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", IgnoreCase = true)]
    public string Method { get; set; } = "";

    /// <summary>The path of the API, e.g. /v1/agents/PROJECT-1/deployments/active. Not a URI: the request goes to the
    /// session's host.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Query parameters: name -> value (a list sends the name once per value).</summary>
    [Parameter]
    [ValidateNotNull]
    public IDictionary? Query { get; set; }

    /// <summary>The body: a hashtable, a [pscustomobject], a list or JSON text; sent as JSON.</summary>
    [Parameter]
    public object? Body { get; set; }

    /// <summary>Writes the answer's text as it came, instead of PowerShell objects.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <summary>Send without asking for confirmation. -WhatIf still only shows what would happen.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override bool SuppressPrompt => Force;

    protected override void ProcessRecord()
    {
        var hasBody = MyInvocation.BoundParameters.ContainsKey(nameof(Body));
        if (!TryInput(
                () => RawRequest.Create(
                    Method,
                    Path,
                    Query?.Cast<DictionaryEntry>().Select(e => new System.Collections.Generic.KeyValuePair<string, object?>(e.Key.ToString()!, Unwrap(e.Value))),
                    hasBody ? PowerShellJson.ToElement(Body, "-Body") : null),
                "PolyAiRequestInvalid",
                Path,
                out var request))
        {
            return;
        }

        if (!ReadMethods.Contains(request.Method))
        {
            var description = $"Send {request}" + (request.Body is null ? "." : $" with the body {Shown(request.Body)}.");
            if (!ShouldChange(description, $"{description} Continue?"))
            {
                return;
            }
        }

        if (!TryCall((c, ct) => c.InvokeAsync(request, ct), Path, out var response) || response.Text.Length == 0)
        {
            return;
        }

        if (Raw)
        {
            WriteObject(response.Text);
            return;
        }

        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(response.Text);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            WriteObject(response.Text); // not JSON: the text, as Invoke-RestMethod gives it
            return;
        }

        WriteObject(PowerShellJson.ToPowerShell(json), enumerateCollection: true);
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static string Shown(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= BodyShown ? text : $"{text.Substring(0, BodyShown)}... ({body.Length} bytes)";
    }
}
