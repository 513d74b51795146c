using System.Globalization;

namespace PolyAI.Agents.Emulator;

/// <summary>Command-line options of the emulator process.</summary>
internal sealed record EmulatorOptions
{
    public const string DefaultApiKey = "emulator-key";

    public const string Usage =
        "Usage: dotnet PolyAI.Agents.Emulator.dll [--port 0] [--api-key KEY]... [--seed demo|empty]\n" +
        "                                       [--latency-ms N] [--ready-file PATH] [--parent-pid PID]";

    /// <summary>TCP port on 127.0.0.1; 0 lets the OS choose a free one.</summary>
    public int Port { get; init; }

    /// <summary>Every key accepted in <c>x-api-key</c>; <see cref="DefaultApiKey"/> when none is given.</summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = [DefaultApiKey];

    /// <summary>Seed loaded at start-up and by a reset without a body.</summary>
    public string Seed { get; init; } = Emulator.Seed.Demo;

    /// <summary>Latency added to every /v1 request at start-up and after a reset.</summary>
    public int LatencyMs { get; init; }

    /// <summary>File that receives the base URL once the server listens.</summary>
    public string? ReadyFile { get; init; }

    /// <summary>Process to watch; the emulator exits when it is gone.</summary>
    public int? ParentPid { get; init; }

    /// <summary>Parses the command line. Throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        var apiKeys = new List<string>();

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitArgument(args[i]);
            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"Option '{name}' needs a value.");
                }

                return args[++i];
            }

            switch (name)
            {
                case "--port":
                    options = options with { Port = ParseInt(name, Value(), 0, 65535) };
                    break;
                case "--api-key":
                    var key = Value();
                    if (key.Length == 0)
                    {
                        throw new ArgumentException("Option '--api-key' must not be empty.");
                    }

                    apiKeys.Add(key);
                    break;
                case "--seed":
                    var seed = Value();
                    if (!Emulator.Seed.IsKnown(seed))
                    {
                        throw new ArgumentException($"Unknown seed '{seed}'. Use 'demo' or 'empty'.");
                    }

                    options = options with { Seed = seed };
                    break;
                case "--latency-ms":
                    options = options with { LatencyMs = ParseInt(name, Value(), 0, int.MaxValue) };
                    break;
                case "--ready-file":
                    options = options with { ReadyFile = Path.GetFullPath(Value()) };
                    break;
                case "--parent-pid":
                    options = options with { ParentPid = ParseInt(name, Value(), 1, int.MaxValue) };
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        return apiKeys.Count == 0 ? options : options with { ApiKeys = apiKeys };
    }

    private static (string Name, string? Value) SplitArgument(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static int ParseInt(string name, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"Option '{name}' must be an integer between {min} and {max}, not '{text}'.");
        }

        return value;
    }
}
