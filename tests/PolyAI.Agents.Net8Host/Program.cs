using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Client;
using PolyAI.Agents.Json;

namespace PolyAI.Agents.Net8Host;

/// <summary>
/// Loads the built module's assemblies on this (.NET 8) runtime the way PowerShell 7 imports the module, then runs the
/// engine against the emulator and prints what it did and where each assembly came from:
///   - bin/PolyAI.Agents.Models.dll into the default load context by path (PowerShell loads the root module's
///     folder there);
///   - loader/net8.0/PolyAI.Agents.Loader.dll by path, then ModuleLoader.Register(bin, engine), as the cmdlets'
///     module initializer does;
///   - PolyAI.Agents.Core and its dependencies are then resolved by the loader into its private context.
/// Main touches only BCL types: anything of the module is used in NoInlining methods called after it is loaded,
/// so the JIT does not ask for a module assembly before it can be found.
/// Usage: PolyAI.Agents.Net8Host --module &lt;out/PolyAI.Agents&gt; --base-uri &lt;emulator uri&gt; --api-key &lt;key&gt;
/// </summary>
internal static class Program
{
    private const string AgentId = "PROJECT-DEMO";

    private static readonly string[] ReportedAssemblies =
    {
        "PolyAI.Agents.Loader", "PolyAI.Agents.Core", "PolyAI.Agents.Models", "Polly.Core",
        "JsonSchema.Net", "DiffPlex", "System.Text.Json",
    };

    private static int Main(string[] args)
    {
        try
        {
            var options = ParseArguments(args);
            var module = Path.GetFullPath(options["--module"]);
            var bin = Path.Combine(module, "bin");
            var engine = Path.Combine(module, "engine");
            var loader = Path.Combine(module, "loader", "net8.0", "PolyAI.Agents.Loader.dll");
            foreach (var file in new[] { Path.Combine(bin, "PolyAI.Agents.Models.dll"), loader })
            {
                if (!File.Exists(file))
                {
                    throw new FileNotFoundException($"Not a built module folder: '{file}' is missing.", file);
                }
            }

            Console.WriteLine($"RUNTIME {RuntimeInformation.FrameworkDescription}");
            Console.WriteLine($"RID {RuntimeInformation.RuntimeIdentifier}");

            // As PowerShell does for the module's assemblies, and the cmdlets' initializer for the loader.
            AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(bin, "PolyAI.Agents.Models.dll"));
            AssemblyLoadContext.Default.LoadFromAssemblyPath(loader);
            Register(bin, engine);

            Run(new Uri(options["--base-uri"]), options["--api-key"]).GetAwaiter().GetResult();

            foreach (var name in ReportedAssemblies)
            {
                var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name)
                    ?? throw new InvalidOperationException($"{name} was never loaded.");
                var context = AssemblyLoadContext.GetLoadContext(assembly)?.Name ?? "(none)";
                Console.WriteLine($"ASSEMBLY {name} {assembly.GetName().Version} {context} {assembly.Location}");
            }

            // What of the module's dependencies reached the default context (none should: they live in the private one).
            var leaked = AssemblyLoadContext.Default.Assemblies
                .Select(a => a.GetName().Name ?? string.Empty)
                .Where(n => n == "PolyAI.Agents.Core" || n.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || n.StartsWith("Microsoft.Bcl.", StringComparison.Ordinal)
                    || n.StartsWith("Polly", StringComparison.Ordinal) || n.StartsWith("Json", StringComparison.Ordinal) || n == "DiffPlex")
                .OrderBy(n => n, StringComparer.Ordinal);
            Console.WriteLine($"IN-DEFAULT {string.Join(",", leaked)}");
            Console.WriteLine("OK");
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"FAILED {ex}");
            return 1;
        }
    }

    private static Dictionary<string, string> ParseArguments(string[] args)
    {
        var known = new[] { "--module", "--base-uri", "--api-key" };
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!known.Contains(args[i], StringComparer.OrdinalIgnoreCase) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'. Usage: --module <module folder> --base-uri <uri> --api-key <key>");
            }

            result[args[i]] = args[++i];
        }

        foreach (var name in known.Where(n => !result.ContainsKey(n)))
        {
            throw new ArgumentException($"{name} is required. Usage: --module <module folder> --base-uri <uri> --api-key <key>");
        }

        return result;
    }

    /// <summary>Its own method, so the loader is bound only after it was loaded by path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Register(string moduleDirectory, string engineDirectory) =>
        PolyAI.Agents.Loader.ModuleLoader.Register(moduleDirectory, engineDirectory);

    /// <summary>The engine at work: the first use of PolyAI.Agents.Core, through the loader.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task Run(Uri baseUri, string apiKey)
    {
        using var key = new SecureString();
        foreach (var c in apiKey)
        {
            key.AppendChar(c);
        }

        var session = Session.Create(key, "ApiKey", region: null, baseUri, timeoutSec: 30, maxRetry: 0, userAgent: "PolyAI.Agents.Net8Host");
        var client = session.CreateClient(NullApiTrace.Instance);
        var cancel = CancellationToken.None;

        // Connectors: list (streamed JSON), delete one, list again.
        var connectors = await client.ListConnectorsAsync(AgentId, cancel).ConfigureAwait(false);
        Console.WriteLine($"CONNECTORS {connectors.Count}");
        if (connectors.Count == 0)
        {
            throw new InvalidOperationException($"Agent {AgentId} has no connectors: is the emulator on its demo seed?");
        }

        var removal = await client.DeleteConnectorAsync(AgentId, connectors[0].ConnectorId, cancel).ConfigureAwait(false);
        Console.WriteLine($"REMOVED {removal.ConnectorId} {removal.DeletedPhoneNumbers.Length}");
        Console.WriteLine($"CONNECTORS {(await client.ListConnectorsAsync(AgentId, cancel).ConfigureAwait(false)).Count}");

        // Real-time configs: the pages, then the live page's JSON Schema (JsonSchema.Net) on a bad and a good value,
        // and a line diff (DiffPlex) of the schema against a changed one.
        var pages = await client.ListConfigPagesAsync(AgentId, cancel).ConfigureAwait(false);
        Console.WriteLine($"CONFIG-PAGES {pages.Count} {string.Join(",", pages.Select(p => p.ClientEnv))}");
        var live = await client.GetConfigPageAsync(AgentId, "live", cancel).ConfigureAwait(false);
        Console.WriteLine($"CONFIG live openingHours={live.Variables["openingHours"]}");

        using var bad = JsonDocument.Parse("""{"openingHours":"9am to 5pm"}""");
        using var good = JsonDocument.Parse("""{"openingHours":"08:00-20:00"}""");
        var rejected = ConfigChange.OfVariables(live, bad.RootElement, validate: true);
        var accepted = ConfigChange.OfVariables(live, good.RootElement, validate: true);
        Console.WriteLine($"SCHEMA-INVALID {rejected.Violations.Count} {rejected.DescribeViolations()}");
        Console.WriteLine($"SCHEMA-VALID {accepted.Violations.Count} {accepted.DescribeVariables()}");

        var schema = ConfigSchema.Indented(live.SchemaJson);
        var diff = TextDiff.Of(schema, schema.Replace("\"required\"", "\"requiredFields\"", StringComparison.Ordinal));
        Console.WriteLine($"DIFF {diff.Summary}");
    }
}
