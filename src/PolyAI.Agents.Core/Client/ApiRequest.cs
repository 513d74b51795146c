using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Json;

namespace PolyAI.Agents.Client;

/// <summary>
/// One call of one operation of the table: its path values, query values and body, and what it does in words
/// (every message about it starts with that). The path is built, and every id checked, when the request is
/// made, so input the API would misread is refused before anything is sent.
/// </summary>
internal sealed class ApiRequest<TBody, TResponse>
{
    private readonly PolyAiClient _client;
    private readonly List<KeyValuePair<string, string>> _query = new();
    private byte[]? _body;

    internal ApiRequest(PolyAiClient client, ApiOperation<TBody, TResponse> operation, string description, string[] pathValues)
    {
        _client = client;
        Operation = operation;
        Description = description;
        Path = operation.Path(pathValues);
    }

    public ApiOperation<TBody, TResponse> Operation { get; }

    /// <summary>The operation in words, e.g. "Delete connector 'c1' of agent 'A'".</summary>
    public string Description { get; }

    public string Path { get; }

    public string PathAndQuery => _query.Count == 0
        ? Path
        : Path + "?" + string.Join("&", _query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));

    /// <summary>Adds a query value; a null value is left out. Only the operation's own query parameters exist.</summary>
    public ApiRequest<TBody, TResponse> WithQuery(string name, string? value)
    {
        if (!Operation.QueryParameters.Contains(name))
        {
            throw new InvalidOperationException($"{Operation} has no query parameter '{name}'.");
        }

        if (value is not null)
        {
            _query.Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    public ApiRequest<TBody, TResponse> WithBody(TBody body)
    {
        var contract = Operation.TypedRequestBody ?? throw new InvalidOperationException($"{Operation} takes no request body.");
        _body = JsonSerializer.SerializeToUtf8Bytes(body, contract);
        return this;
    }

    /// <summary>Sends the request and maps the 2xx body.</summary>
    public Task<T> SendAsync<T>(Func<TResponse, T> map, CancellationToken cancellationToken) =>
        SendAsync((response, _) => map(response), cancellationToken);

    /// <summary>As above; the map also learns the correlation id and whether a lost attempt may have applied.</summary>
    public Task<T> SendAsync<T>(Func<TResponse, ResponseInfo, T> map, CancellationToken cancellationToken) =>
        Send(async (stream, info, token) => map(await ReadAsync(stream, token).ConfigureAwait(false), info), cancellationToken);

    /// <summary>Sends the request and hands the items of the named array over as they are read
    /// (<see cref="JsonArrayStream"/>); returns how many there were.</summary>
    public Task<int> StreamAsync<TItem, T>(string arrayProperty, JsonTypeInfo<TItem> itemContract, Func<TItem, T> map, Action<IReadOnlyList<T>> onItems, CancellationToken cancellationToken) =>
        Send((stream, _, token) => JsonArrayStream.ReadAsync(stream, arrayProperty, itemContract, map, onItems, token), cancellationToken);

    private Task<T> Send<T>(Func<Stream, ResponseInfo, CancellationToken, Task<T>> readBody, CancellationToken cancellationToken)
    {
        if (_body is null && Operation.TypedRequestBody is not null)
        {
            throw new InvalidOperationException($"{Operation} needs a request body.");
        }

        return _client.SendAsync(Operation, PathAndQuery, _body, Description, readBody, cancellationToken);
    }

    /// <summary>The 2xx body as the operation's response kind says.</summary>
    private async Task<TResponse> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        switch (Operation.Response)
        {
            case ResponseKind.NoContent:
                return (TResponse)(object)NoContent.Value;
            case ResponseKind.Undocumented:
                return (TResponse)(object)await JsonObjectReader.ReadOptionalAsync(stream, cancellationToken).ConfigureAwait(false);
            default:
                var contract = Operation.TypedResponseBody ?? throw new InvalidOperationException($"{Operation} has no response contract.");
                return await JsonSerializer.DeserializeAsync(stream, contract, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("the body is empty or null");
        }
    }
}
