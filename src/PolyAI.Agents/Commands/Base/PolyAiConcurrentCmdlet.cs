using System.Management.Automation;

namespace PolyAI.Agents.Commands;

/// <summary>
/// An API cmdlet whose requests may run concurrently: -ThrottleLimit requests at once, with confirmation on
/// the pipeline thread in input order and results written as requests finish (see PolyAiCmdlet.StartCall).
/// </summary>
public abstract class PolyAiConcurrentCmdlet : PolyAiCmdlet
{
    /// <summary>How many requests run at once (single-item requests and batches of 100). Confirmation stays
    /// one at a time, in input order; results are written as the requests finish.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    private protected override int Concurrency => ThrottleLimit;
}
