using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>One /v1 request as its handler sees it: the row it addresses, the decoded path values, the body and the query.</summary>
internal sealed class OperationCall(ApiOperation row, IReadOnlyList<string> pathValues, string? body, string? rawQuery)
{
    private IReadOnlyDictionary<string, StringValues>? _query;

    public string? Body { get; } = body;

    public IReadOnlyDictionary<string, StringValues> Query => _query ??= QueryHelpers.ParseQuery(rawQuery);

    public string AgentId => PathValue("agentId");

    /// <summary>The value of a parameter of the row's path template, e.g. "connectorId".</summary>
    public string PathValue(string parameter)
    {
        for (var i = 0; i < row.PathParameters.Count; i++)
        {
            if (row.PathParameters[i] == parameter)
            {
                return pathValues[i];
            }
        }

        throw new InvalidOperationException($"{row} has no path parameter '{parameter}'.");
    }
}
