using System;

namespace PolyAI.Agents.Client;

/// <summary>
/// The one failure type of the client: what failed (the operation, in words), how (kind and HTTP status)
/// and what the API said (code, message, correlation id). Never carries request headers, so never the key.
/// </summary>
public sealed class PolyAiApiException : Exception
{
    public PolyAiApiException(
        PolyAiFailureKind kind,
        string operation,
        string message,
        int? statusCode = null,
        ApiError? apiError = null,
        Exception? innerException = null,
        int attempts = 1)
        : base(message, innerException)
    {
        Kind = kind;
        Attempts = attempts;
        Operation = operation;
        StatusCode = statusCode;
        ApiError = apiError ?? ApiError.None;
    }

    public PolyAiFailureKind Kind { get; }

    /// <summary>The operation in words, e.g. "Delete connector 'c1' of agent 'A'".</summary>
    public string Operation { get; }

    public int? StatusCode { get; }

    /// <summary>How many times the request was sent (more than 1 after retries).</summary>
    public int Attempts { get; }

    /// <summary>What the API's error body (or header) said; empty parts when it said nothing.</summary>
    public ApiError ApiError { get; }
}
