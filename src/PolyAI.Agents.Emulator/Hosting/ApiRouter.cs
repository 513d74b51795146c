using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// Routes an authenticated /v1 request with the operation table, on the decoded segments of the raw target: no
/// route for dot segments; the agent access check for anything under /v1/agents/{agentId}; then the row's handler,
/// or where no row matches, the handler of an operation only the later contract has (outbound calls, Later/).
/// </summary>
internal sealed class ApiRouter(OperationHandlers handlers, AgentDirectory directory, PublishedContracts contracts)
{
    public ApiResponse Route(string method, RequestTarget target, string? body)
    {
        var segments = target.Segments;
        if (target.HasDotSegment)
        {
            throw new ApiException(ApiErrors.RouteNotFound(method, target.RawTarget));
        }

        if (segments is ["v1", "agents", var agentId, ..])
        {
            directory.EnsureAccess(agentId);
        }

        // Find compares methods case-insensitively, HTTP does not: "get" is not GET.
        if (ApiOperations.Find(method, segments, out var values) is { } row && row.Method.Method == method)
        {
            return handlers.Invoke(row, new OperationCall(row, values, body, target.RawQuery));
        }

        return handlers.FindLater(method, segments, out values) is { } later && later.Method.Method == method
            ? handlers.Invoke(later, new OperationCall(later, values, body, target.RawQuery))
            : NoOperation(method, target);
    }

    /// <summary>
    /// A 405 whose Allow lists the emulator's methods on the path (the table's, or else the later operations'),
    /// where those are all the methods the published contract of the path (1.0.3, or else 1.0.11) has there.
    /// Elsewhere the API has a method the emulator does not implement, so a 405 would deny it exists: that, like a
    /// path the emulator has nothing on, is the 404 of any route the emulator lacks.
    /// </summary>
    private ApiResponse NoOperation(string method, RequestTarget target)
    {
        var (operations, contract) = ApiOperations.OnPath(target.Segments) is { Count: > 0 } rows
            ? (rows, contracts.Table)
            : (handlers.LaterOnPath(target.Segments), contracts.Later);
        var allowed = operations.Select(operation => operation.Method.Method).ToArray();
        if (operations.Count == 0 || !contract.MethodsOn(operations[0].PathTemplate).All(allowed.Contains))
        {
            throw new ApiException(ApiErrors.RouteNotFound(method, target.RawTarget));
        }

        return ApiResponse.Fail(ApiErrors.MethodNotAllowed(method, allowed)) with
        {
            Headers = new Dictionary<string, string> { ["Allow"] = string.Join(", ", allowed) },
        };
    }
}
