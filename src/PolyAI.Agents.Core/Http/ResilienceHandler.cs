using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace PolyAI.Agents.Http;

/// <summary>Runs each request through its session's resilience pipeline (retries, per-attempt timeout).</summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Every request of the named client comes from PolyAiClient, which attaches its policy: one without
        // would silently go out without retries and timeouts.
        var policy = RequestPolicy.Of(request)
            ?? throw new System.InvalidOperationException("The request has no RequestPolicy attached (send it through PolyAiClient).");

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestPolicy.ContextKey, policy);
        try
        {
            return await policy.Pipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    state.Policy.Attempts++;
                    return await state.Handler.SendCore(state.Request, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (Handler: this, Request: request, Policy: policy)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendCore(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
