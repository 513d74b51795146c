using System;
using System.Collections.Generic;

namespace PolyAI.Agents.Client;

/// <summary>The parts of an API error response that help a user or PolyAI support.</summary>
public sealed class ApiError
{
    public static readonly ApiError None = new(null, null, null);

    public ApiError(string? code, string? message, string? correlationId, int? codeId = null, IReadOnlyList<string>? conflicts = null)
    {
        Code = code;
        Message = message;
        CorrelationId = correlationId;
        CodeId = codeId;
        Conflicts = conflicts ?? Array.Empty<string>();
    }

    /// <summary>The API's error code, e.g. CONNECTORS_NOT_FOUND.</summary>
    public string? Code { get; }

    /// <summary>The numeric id of the code (the nested error shape's "id"), e.g. 14100.</summary>
    public int? CodeId { get; }

    /// <summary>The API's human-readable message, or a cleaned excerpt of a non-JSON body.</summary>
    public string? Message { get; }

    /// <summary>X-PolyAI-Correlation-Id (or the id in the body): quote it to PolyAI support.</summary>
    public string? CorrelationId { get; }

    /// <summary>The paths a merge conflicts on, as the API listed them (e.g. behavior, knowledgeBase/topics/t1/content).</summary>
    public IReadOnlyList<string> Conflicts { get; }

    public ApiError WithCorrelationId(string? correlationId) =>
        string.IsNullOrEmpty(CorrelationId) && !string.IsNullOrEmpty(correlationId)
            ? new ApiError(Code, Message, correlationId, CodeId, Conflicts)
            : this;
}
