using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolyAI.Agents.Emulator;

/// <summary>A bad control request; answered with 400 <c>{"error":"..."}</c>.</summary>
internal sealed class ControlRequestException(string message) : Exception(message);

/// <summary>
/// The control API under /_emulator used by tests: reset, the request log, state inspection, latency, error shape,
/// fault rules, and the areas' own endpoints (bulk data generation). No API key is needed and these requests are
/// not logged.
/// </summary>
internal sealed class ControlEndpoints(
    EmulatorState state,
    RuntimeSettings settings,
    IEnumerable<IAreaEndpoints> areas,
    FaultRegistry faults,
    RequestLog log,
    EmulatorOptions options)
{
    public const string Prefix = "_emulator";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/" + Prefix).AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (ControlRequestException ex)
            {
                return Json(new ControlError(ex.Message), StatusCodes.Status400BadRequest);
            }
        });

        // Handlers are cast to Delegate so the IResult they return is written (a method group returning Task<IResult>
        // would otherwise bind to the RequestDelegate overload and the result would be discarded).
        group.MapPost("/reset", (Delegate)ResetAsync);
        group.MapGet("/requests", () => Json(log.Snapshot()));
        group.MapDelete("/requests", () =>
        {
            log.Clear();
            return Results.NoContent();
        });
        group.MapGet("/state", Snapshot);
        group.MapPut("/latency", (Delegate)SetLatencyAsync);
        group.MapPut("/error-shape", (Delegate)SetErrorShapeAsync);
        group.MapGet("/faults", () => Json(faults.List()));
        group.MapPost("/faults", (Delegate)AddFaultAsync);
        group.MapDelete("/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        foreach (var area in areas)
        {
            area.MapControl(group);
        }
    }

    /// <summary>POST /_emulator/reset [{"seed":"demo"|"empty"}]: reloads the seed and restores the start-up settings.</summary>
    private async Task<IResult> ResetAsync(HttpContext context)
    {
        var body = await ReadBodyAsync<ResetBody>(context, required: false);
        var seed = body?.Seed ?? options.Seed;
        if (!Seed.IsKnown(seed))
        {
            throw new ControlRequestException($"Unknown seed '{seed}'. Use 'demo' or 'empty'.");
        }

        state.Load(seed);
        settings.Reset();
        faults.Clear();
        log.Clear();
        return Json(new ResetResult(seed, settings.LatencyMs, settings.ErrorShape));
    }

    /// <summary>GET /_emulator/state: every agent with what each area holds for it, and the settings.</summary>
    private IResult Snapshot()
    {
        var (agents, forbiddenAgentIds) = state.Snapshot();
        return Json(new StateSnapshot(agents, forbiddenAgentIds, settings.LatencyMs, settings.ErrorShape));
    }

    /// <summary>PUT /_emulator/latency {"ms":N}</summary>
    private async Task<IResult> SetLatencyAsync(HttpContext context)
    {
        var body = await ReadBodyAsync<LatencyBody>(context, required: true);
        if (body!.Ms is not ({ } ms and >= 0))
        {
            throw new ControlRequestException("'ms' is required and must not be negative.");
        }

        settings.LatencyMs = ms;
        return Json(body);
    }

    /// <summary>PUT /_emulator/error-shape {"shape":"envelope"|"nested"|"validation"}</summary>
    private async Task<IResult> SetErrorShapeAsync(HttpContext context)
    {
        var body = await ReadBodyAsync<ErrorShapeBody>(context, required: true);
        if (!Enum.TryParse<ErrorShape>(body!.Shape, ignoreCase: true, out var shape) || !Enum.IsDefined(shape) || int.TryParse(body.Shape, out _))
        {
            throw new ControlRequestException($"'shape' must be envelope, nested or validation, not '{body.Shape}'.");
        }

        settings.ErrorShape = shape;
        return Json(new ErrorShapeResult(shape));
    }

    /// <summary>POST /_emulator/faults: appends a rule and returns it with its id.</summary>
    private async Task<IResult> AddFaultAsync(HttpContext context)
    {
        var body = await ReadBodyAsync<FaultRuleRequest>(context, required: true);
        return Json(faults.Add(body!), StatusCodes.Status201Created);
    }

    public static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, EmulatorJson.Options, statusCode: status);

    public static async Task<T?> ReadBodyAsync<T>(HttpContext context, bool required)
        where T : class
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? throw new ControlRequestException("A JSON request body is required.") : null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, EmulatorJson.Options)
                ?? throw new ControlRequestException("The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new ControlRequestException($"Invalid request body: {ex.Message}");
        }
    }

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    private sealed record ResetBody(string? Seed);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    private sealed record LatencyBody(int? Ms);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    private sealed record ErrorShapeBody(string? Shape);

    private sealed record StateSnapshot(IReadOnlyList<AgentSnapshot> Agents, IReadOnlyList<string> ForbiddenAgentIds, int LatencyMs, ErrorShape ErrorShape);

    private sealed record ResetResult(string Seed, int LatencyMs, ErrorShape ErrorShape);

    private sealed record ErrorShapeResult(ErrorShape Shape);

    private sealed record ControlError(string Error);
}
