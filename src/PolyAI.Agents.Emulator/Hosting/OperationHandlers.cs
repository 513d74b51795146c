using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>The endpoints of one API family: a handler for each of its rows of the operation table (or, for the
/// Later area, of the operations only the later contract has), and any control endpoints of its own.</summary>
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
/// one to one or the emulator does not start, so it cannot drift from the table. Besides the rows, a few
/// operations only the later contract (1.0.11) has, for Invoke-PolyAiRequest (see <see cref="AddLater"/>).
/// </summary>
internal sealed class OperationHandlers
{
    private readonly Dictionary<ApiOperation, Registration> _registrations = [];
    private readonly Dictionary<ApiOperation, Registration> _later = [];

    private OperationHandlers()
    {
    }

    /// <summary>
    /// The handlers of every area; throws, naming them, when rows of <see cref="ApiOperations.All"/> have none, or
    /// when a later operation is not one of <paramref name="later"/> (the 1.0.11 contract).
    /// </summary>
    public static OperationHandlers From(IEnumerable<IAreaEndpoints> areas, PublishedContract later)
    {
        var handlers = new OperationHandlers();
        foreach (var area in areas)
        {
            area.Register(handlers);
        }

        var unpublished = handlers._later.Keys.Where(operation => !later.MethodsOn(operation.PathTemplate).Contains(operation.Method.Method)).ToArray();
        if (unpublished.Length > 0)
        {
            throw new InvalidOperationException($"The emulator has a handler for {string.Join("; ", unpublished)}, which the later contract (1.0.11) does not have.");
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

    /// <summary>
    /// Adds the handler of an operation only the later contract (1.0.11) has: not a row (the table and the module
    /// are 1.0.3), served for Invoke-PolyAiRequest, the escape hatch. Its path has no row, so the router reaches it
    /// only where no row matches, and answers a method it lacks there as it does on the table's paths.
    /// </summary>
    public void AddLater(ApiOperation operation, OperationHandler handler)
    {
        if (ApiOperations.All.Contains(operation) || ApiOperations.OnPath(operation.PathTemplate[1..].Split('/')).Count > 0)
        {
            throw new InvalidOperationException($"{operation} is on a path of the operation table: add it with Add, as a row.");
        }

        if (!_later.TryAdd(operation, new Registration(handler, Streamed: false)))
        {
            throw new InvalidOperationException($"The emulator has two handlers for {operation}.");
        }
    }

    /// <summary>The later operation a method and the decoded segments of a path address, with its path values; as
    /// <see cref="ApiOperations.Find"/> does for the rows (the most specific template, methods compared case-insensitively).</summary>
    public ApiOperation? FindLater(string method, IReadOnlyList<string> segments, out string[] values)
    {
        var operation = LaterOnPath(segments).FirstOrDefault(o => string.Equals(o.Method.Method, method, StringComparison.OrdinalIgnoreCase));
        values = [];
        operation?.TryMatch(segments, out values);
        return operation;
    }

    /// <summary>The later operations whose most specific template matches the path, whatever their method.</summary>
    public IReadOnlyList<ApiOperation> LaterOnPath(IReadOnlyList<string> segments)
    {
        var matching = _later.Keys.Where(operation => operation.TryMatch(segments, out _)).ToList();
        return matching.Count == 0 ? matching : matching.Where(o => o.Specificity == matching.Max(m => m.Specificity)).ToList();
    }

    public ApiResponse Invoke(ApiOperation row, OperationCall call)
    {
        var (handler, streamed) = _registrations.TryGetValue(row, out var registration) ? registration : _later[row];
        var payload = handler(call);
        if (row.Response == ResponseKind.NoContent && payload is not null)
        {
            throw new InvalidOperationException($"{row} answers with no content, but its handler returned a {payload.GetType().Name}.");
        }

        return ApiResponse.Success(row.SuccessStatus, payload) with { Streamed = streamed };
    }

    private sealed record Registration(OperationHandler Handler, bool Streamed);
}
