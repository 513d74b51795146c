using System;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Client;

/// <summary>
/// The one failure type of the client: what failed (the operation, in words), how (kind and HTTP status), whom
/// it is about (the resource), what the API said (code, message, correlation id), and the stable name a
/// caller can branch on. Never carries request headers, so never the key.
/// </summary>
public sealed class PolyAiApiException : Exception
{
    internal PolyAiApiException(
        PolyAiFailureKind kind,
        string operation,
        string message,
        ResourceKind? resource = null,
        int? statusCode = null,
        ApiError? apiError = null,
        Exception? innerException = null,
        int attempts = 1,
        string? errorName = null)
        : base(message, innerException)
    {
        Kind = kind;
        Operation = operation;
        ResourceKind = resource;
        StatusCode = statusCode;
        ApiError = apiError ?? ApiError.None;
        Attempts = attempts;
        ErrorName = errorName ?? ErrorNames.For(kind, resource);
    }

    public PolyAiFailureKind Kind { get; }

    /// <summary>The operation in words, e.g. "Delete connector 'c1' of agent 'A'".</summary>
    public string Operation { get; }

    /// <summary>The kind of resource the failure is about, e.g. Connector; null when it is about none.</summary>
    public string? Resource => ResourceKind?.Name;

    internal ResourceKind? ResourceKind { get; }

    /// <summary>The stable name of the failure, e.g. ConnectorNotFound, DefaultVariantNotRemovable or
    /// PolyAiRateLimited (the PowerShell error id).</summary>
    public string ErrorName { get; }

    public int? StatusCode { get; }

    /// <summary>How many times the request was sent (more than 1 after retries).</summary>
    public int Attempts { get; }

    /// <summary>What the API's error body (or header) said; empty parts when it said nothing.</summary>
    public ApiError ApiError { get; }

    /// <summary>The failure the API would answer with for a documented <paramref name="code"/>, found before anything
    /// was sent (the same kind and error name, so a runbook handles one id whichever side found it).</summary>
    internal static PolyAiApiException Refused(ApiErrorCode code, string operation, string message) =>
        new(code.Kind, operation, message, code.Resource, errorName: code.ErrorName);

    /// <summary>This failure of a step that came after a change was made: the same kind and name, with a message
    /// that starts with <paramref name="whatHappened"/> so nobody retries a change that landed.</summary>
    internal PolyAiApiException After(string whatHappened) =>
        new(Kind, Operation, $"{whatHappened}: {Message}", ResourceKind, StatusCode, ApiError, this, Attempts, ErrorName);
}
