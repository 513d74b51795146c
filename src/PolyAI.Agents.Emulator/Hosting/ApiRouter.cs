using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// Routes an authenticated /v1 request with the operation table, on the decoded segments of the raw target: no
/// route for dot segments; the agent access check for anything under /v1/agents/{agentId}; then the row's handler.
/// </summary>
internal sealed class ApiRouter(OperationHandlers handlers, AgentDirectory directory, PublishedContract contract)
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
        return ApiOperations.Find(method, segments, out var values) is { } row && row.Method.Method == method
            ? handlers.Invoke(row, new OperationCall(row, values, body, target.RawQuery))
            : NoOperation(method, target);
    }

    /// <summary>
    /// A 405 whose Allow lists the table's methods on the path, where those are all the methods the published
    /// contract has there. Elsewhere the API has a method the emulator does not implement, so a 405 would deny it
    /// exists: that, like a path no row has (the deployments), is the 404 of any route the emulator lacks.
    /// </summary>
    private ApiResponse NoOperation(string method, RequestTarget target)
    {
        var rows = ApiOperations.OnPath(target.Segments);
        var allowed = rows.Select(row => row.Method.Method).ToArray();
        if (rows.Count == 0 || !contract.MethodsOn(rows[0].PathTemplate).All(allowed.Contains))
        {
            throw new ApiException(ApiErrors.RouteNotFound(method, target.RawTarget));
        }

        return ApiResponse.Fail(ApiErrors.MethodNotAllowed(method, allowed)) with
        {
            Headers = new Dictionary<string, string> { ["Allow"] = string.Join(", ", allowed) },
        };
    }
}
