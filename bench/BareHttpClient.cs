// The floor for the removal benchmark: what any client on this machine needs for the same work, with no
// PowerShell, retries, validation or objects. One HttpClient lists the connectors, then 8 workers delete
// them. Compiled by Bulk.Bench.ps1; measured in the same rounds and fresh processes as the module.
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace PolyAI.Agents.Bench
{
    public static class BareHttpClient
    {
        private static readonly HttpClient Http = new();

        public static void RemoveAll(string connectorsUri, string apiKey, int workers)
        {
            RemoveAllAsync(connectorsUri, apiKey, workers).GetAwaiter().GetResult();
        }

        private static async Task RemoveAllAsync(string connectorsUri, string apiKey, int workers)
        {
            using var list = new HttpRequestMessage(HttpMethod.Get, connectorsUri);
            list.Headers.Add("x-api-key", apiKey);
            using var listed = await Http.SendAsync(list).ConfigureAwait(false);
            using var document = JsonDocument.Parse(await listed.Content.ReadAsStreamAsync().ConfigureAwait(false));
            var ids = new ConcurrentQueue<string>(document.RootElement.GetProperty("connectors").EnumerateArray()
                .Select(connector => connector.GetProperty("connectorId").GetString()!));
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                while (ids.TryDequeue(out var id))
                {
                    using var delete = new HttpRequestMessage(HttpMethod.Delete, $"{connectorsUri}/{id}");
                    delete.Headers.Add("x-api-key", apiKey);
                    using var deleted = await Http.SendAsync(delete).ConfigureAwait(false);
                    deleted.EnsureSuccessStatusCode();
                }
            }))).ConfigureAwait(false);
        }
    }
}
