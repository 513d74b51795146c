using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using PolyAI.Agents.Emulator;

// PolyAI emulator: a local PolyAI-compatible Agents API (the operations of the core's operation table, contract
// 1.0.3, and two operations only 1.0.11 has, for Invoke-PolyAiRequest) for tests, demos and benchmarks.
// stdout carries exactly one line, "PolyAI emulator listening on http://127.0.0.1:PORT"; logs go to stderr.

EmulatorOptions options;
try
{
    options = EmulatorOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(EmulatorOptions.Usage);
    return 2;
}

// Hermetic host: the web host reads its URLs from the environment while the builder is constructed, so those
// variables are removed first; all other configuration sources (environment, config files) are cleared below.
// Nothing can make the emulator listen anywhere but 127.0.0.1, or log anything but warnings to stderr.
foreach (var prefix in new[] { "ASPNETCORE_", "DOTNET_" })
{
    foreach (var name in new[] { "URLS", "HTTP_PORTS", "HTTPS_PORTS" })
    {
        Environment.SetEnvironmentVariable(prefix + name, null);
    }
}

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
{
    Args = [],
    ContentRootPath = AppContext.BaseDirectory,
});

builder.Configuration.Sources.Clear(); // e.g. Kestrel__Endpoints__*, Logging__LogLevel__*
builder.Logging.ClearProviders()
    .SetMinimumLevel(LogLevel.Warning)
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Loopback, options.Port);
    kestrel.AddServerHeader = false;
});

builder.Services.AddSingleton(options);
builder.Services.AddSingleton<RuntimeSettings>();
builder.Services.AddSingleton<AgentDirectory>();
builder.Services.AddSingleton<EmulatorState>();
builder.Services.AddEmulatorAreas();
builder.Services.AddSingleton<FaultRegistry>();
builder.Services.AddSingleton<RequestLog>();
builder.Services.AddSingleton(_ => new PublishedContracts(PublishedContract.Table(), PublishedContract.Later()));
builder.Services.AddSingleton(provider => OperationHandlers.From(
    provider.GetServices<IAreaEndpoints>(), provider.GetRequiredService<PublishedContracts>().Later));
builder.Services.AddSingleton<ApiRouter>();
builder.Services.AddSingleton<ApiPipeline>();
builder.Services.AddSingleton<ControlEndpoints>();

var app = builder.Build();
var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PolyAI.Agents.Emulator");

ApiPipeline pipeline;
try
{
    // Builds the handlers: a row of the operation table without one (or with two) stops the emulator here.
    pipeline = app.Services.GetRequiredService<ApiPipeline>();
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine($"The emulator cannot start: {ex.Message}");
    return 1;
}

app.Services.GetRequiredService<EmulatorState>().Load(options.Seed);

// Everything outside /_emulator is API traffic, decided on the raw target (Kestrel's Path has dot segments resolved).
app.Use(next => context =>
{
    var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
    return RequestTarget.Parse(rawTarget).Segments[0] == ControlEndpoints.Prefix
        ? next(context)
        : pipeline.HandleAsync(context);
});
app.Services.GetRequiredService<ControlEndpoints>().Map(app);

await app.StartAsync();

var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
if (addresses.Count != 1 || new Uri(addresses.Single()) is not { Host: "127.0.0.1" } listening)
{
    logger.LogCritical("Expected to listen on exactly one 127.0.0.1 address, got: {Addresses}", string.Join(", ", addresses));
    await app.StopAsync();
    return 1;
}

var baseUrl = $"http://127.0.0.1:{listening.Port}";
Console.Out.WriteLine($"PolyAI emulator listening on {baseUrl}");
Console.Out.Flush();

if (options.ReadyFile is { } readyFile)
{
    // Write then rename, so a reader polling for the file never sees it half written.
    var temporary = $"{readyFile}.{Environment.ProcessId}.tmp";
    File.WriteAllText(temporary, baseUrl);
    File.Move(temporary, readyFile, overwrite: true);
}

var parentWatch = options.ParentPid is { } parentPid
    ? ParentProcessWatcher.WatchAsync(parentPid, app.Lifetime, logger)
    : Task.CompletedTask;

await app.WaitForShutdownAsync();
await parentWatch;
return 0;
