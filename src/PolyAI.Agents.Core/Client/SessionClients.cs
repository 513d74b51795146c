using System;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using PolyAI.Agents.Http;
using Polly;

namespace PolyAI.Agents.Client;

/// <summary>
/// What the engine builds for a <see cref="Session"/>: its retry pipeline (built once per session, on first use) and
/// the clients of each command. Kept here, beside the session rather than in it, because the session is plain data
/// that lives in PowerShell's default load context and must not reference Polly or the HTTP stack.
/// </summary>
internal static class SessionClients
{
    private static readonly ConditionalWeakTable<Session, Lazy<ResiliencePipeline<HttpResponseMessage>>> Pipelines = new();

    /// <summary>Retries for this session's settings; built on first use.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Resilience(this Session session) => PipelineOf(session).Value;

    /// <summary>A client for one command invocation; cheap, because every client shares the process's HTTP pipeline.</summary>
    public static PolyAiClient CreateClient(this Session session, IApiTrace trace)
    {
        var pipeline = PipelineOf(session);
        if (!pipeline.IsValueCreated)
        {
            // Building the retry pipeline is tens of milliseconds of one-time work (unless Connect-PolyAi prepared it):
            // on another core it overlaps with the rest of the first command. The first request waits for it through
            // the Lazy if it gets there first.
            _ = Task.Run(() => pipeline.Value);
        }

        return new(session, PolyAiHttp.CreateClient(), trace);
    }

    /// <summary>
    /// Starts, on another core, the one-time work that the first request of a process needs and that depends on
    /// nothing the request says: the operation table, the JSON contract, the shared HTTP handler and this session's
    /// retry pipeline. Sends nothing. Whatever is not done when the first command needs it, that command waits for
    /// (type initializers and Lazy values are built once).
    /// </summary>
    public static void Prepare(this Session session) =>
        _ = Task.Run(() =>
        {
            _ = PipelineOf(session).Value;
            _ = Contract.ApiOperations.All;
            _ = Contract.ApiJsonContext.Wire;
            PolyAiHttp.CreateClient().Dispose();
        });

    private static Lazy<ResiliencePipeline<HttpResponseMessage>> PipelineOf(Session session) =>
        Pipelines.GetValue(session, static s => new Lazy<ResiliencePipeline<HttpResponseMessage>>(
            () => RetryPolicy.Build(s.MaxRetry, s.RetryBaseDelay)));
}
