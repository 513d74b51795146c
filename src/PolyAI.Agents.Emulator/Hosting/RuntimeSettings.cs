namespace PolyAI.Agents.Emulator;

/// <summary>What the control API changes while the emulator runs: the latency of every /v1 request and the error
/// body shape. A reset restores the start-up values.</summary>
internal sealed class RuntimeSettings(EmulatorOptions options)
{
    private int _latencyMs = options.LatencyMs;
    private int _errorShape = (int)ErrorShape.Envelope;

    /// <summary>Delay added before every /v1 request is handled.</summary>
    public int LatencyMs
    {
        get => Volatile.Read(ref _latencyMs);
        set => Volatile.Write(ref _latencyMs, value);
    }

    /// <summary>Shape of every error body.</summary>
    public ErrorShape ErrorShape
    {
        get => (ErrorShape)Volatile.Read(ref _errorShape);
        set => Volatile.Write(ref _errorShape, (int)value);
    }

    public void Reset()
    {
        LatencyMs = options.LatencyMs;
        ErrorShape = ErrorShape.Envelope;
    }
}
