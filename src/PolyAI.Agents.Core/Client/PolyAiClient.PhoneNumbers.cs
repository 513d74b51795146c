using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Json;

namespace PolyAI.Agents.Client;

public sealed partial class PolyAiClient
{
    /// <summary>All numbers of an agent, or only those routed to one connector.</summary>
    public Task<IReadOnlyList<PhoneNumber>> ListPhoneNumbersAsync(string agentId, string? connectorId, CancellationToken cancellationToken)
    {
        if (connectorId is not null)
        {
            Identifier.EnsureValid(connectorId, "connector id");
        }

        var what = connectorId is null ? $"List phone numbers of agent '{agentId}'" : $"List phone numbers of connector '{connectorId}' of agent '{agentId}'";
        return SendAsync(
            HttpMethod.Get, ApiRoute.WithQuery(ApiRoute.PhoneNumbers(agentId), "connectorId", connectorId), null,
            ApiJsonContext.Wire.GetPhoneNumbersResponse,
            response => (IReadOnlyList<PhoneNumber>)RequiredList(response.PhoneNumbers, "phoneNumbers").Select(n => Map(agentId, n)).ToList(),
            what, cancellationToken);
    }
}
