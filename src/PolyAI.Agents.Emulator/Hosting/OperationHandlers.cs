using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>The endpoints of one API family: a handler for each of its rows of the operation table, and any
/// control endpoints of its own.</summary>
internal interface IAreaEndpoints
{
    void Register(OperationHandlers handlers);

    /// <summary>Maps the area's own endpoints under /_emulator, e.g. bulk data generation.</summary>
    void MapControl(RouteGroupBuilder control)
    {
    }
}

/// <summary>
/// Handles one operation: returns the payload of its success (null for a NoContent row) or throws an
/// <see cref="ApiException"/> with the API's error. The success status is the row's, never the handler's.
/// </summary>
internal delegate object? OperationHandler(OperationCall call);

/// <summary>
/// The emulator's handler for each row of the operation table, registered by the areas. Rows and handlers match
/// one to one or the emulator does not start, so it cannot drift from the table.
/// </summary>
internal sealed class OperationHandlers
{
    private readonly Dictionary<ApiOperation, Registration> _registrations = [];

    private OperationHandlers()
    {
    }

    /// <summary>The handlers of every area; throws, naming them, when rows of <see cref="ApiOperations.All"/> have none.</summary>
    public static OperationHandlers From(IEnumerable<IAreaEndpoints> areas)
    {
        var handlers = new OperationHandlers();
        foreach (var area in areas)
        {
            area.Register(handlers);
        }

        var missing = ApiOperations.All.Where(row => !handlers._registrations.ContainsKey(row)).ToArray();
        return missing.Length == 0
            ? handlers
            : throw new InvalidOperationException(
                $"No emulator handler for {string.Join("; ", missing)}. Every row of ApiOperations needs one, added by the endpoints class of its area.");
    }

    /// <summary>Adds the handler of one row; <paramref name="streamed"/> serialises its payload straight to the
    /// response instead of buffering it (for the lists that reach 100,000 entries).</summary>
    public void Add(ApiOperation row, OperationHandler handler, bool streamed = false)
    {
        if (!ApiOperations.All.Contains(row))
        {
            throw new InvalidOperationException($"The emulator has a handler for {row}, which is not a row of ApiOperations.All.");
        }

        if (!_registrations.TryAdd(row, new Registration(handler, streamed)))
        {
            throw new InvalidOperationException($"The emulator has two handlers for {row}.");
        }
    }

    public ApiResponse Invoke(ApiOperation row, OperationCall call)
    {
        var (handler, streamed) = _registrations[row];
        var payload = handler(call);
        if (row.Response == ResponseKind.NoContent && payload is not null)
        {
            throw new InvalidOperationException($"{row} answers with no content, but its handler returned a {payload.GetType().Name}.");
        }

        return ApiResponse.Success(row.SuccessStatus, payload) with { Streamed = streamed };
    }

    private sealed record Registration(OperationHandler Handler, bool Streamed);
}
