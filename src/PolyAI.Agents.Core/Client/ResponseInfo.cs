namespace PolyAI.Agents.Client;

/// <summary>What the transport knows about a 2xx answer besides its body, for mapping batch results.</summary>
internal sealed class ResponseInfo
{
    public ResponseInfo(int status, bool earlierAttemptMayHaveApplied, string? correlationId)
    {
        Status = status;
        EarlierAttemptMayHaveApplied = earlierAttemptMayHaveApplied;
        CorrelationId = correlationId;
    }

    public int Status { get; }

    /// <summary>A retried request whose earlier attempt may have been applied although its response was lost.</summary>
    public bool EarlierAttemptMayHaveApplied { get; }

    /// <summary>X-PolyAI-Correlation-Id of the answer: per-item failures of a batch carry it too.</summary>
    public string? CorrelationId { get; }
}
