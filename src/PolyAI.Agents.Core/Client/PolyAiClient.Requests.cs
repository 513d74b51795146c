using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PolyAI.Agents.Client;

internal sealed partial class PolyAiClient
{
    /// <summary>The escape hatch: sends <paramref name="request"/> through the one transport (retries, timeouts,
    /// cancellation, error mapping, redaction) and returns the answer's text.</summary>
    public Task<RawResponse> InvokeAsync(RawRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            request.Operation,
            request.Path + request.Query,
            request.Body,
            $"{request.Method} {request.Path}",
            async (stream, info, token) =>
            {
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return new RawResponse(info.Status, await reader.ReadToEndAsync().ConfigureAwait(false));
            },
            cancellationToken);
}
