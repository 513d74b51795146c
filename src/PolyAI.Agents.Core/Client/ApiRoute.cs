using System;

namespace PolyAI.Agents.Client;

/// <summary>
/// Builds request paths. Every caller-supplied value becomes exactly one escaped path segment, so an id
/// such as "../x", "a/b", "a?b", "a#b" or "%2F" can only ever name a resource of the intended kind.
/// </summary>
internal static class ApiRoute
{
    public const string Agents = "/v1/agents";

    public static string Agent(string agentId) => Agents + "/" + Segment(agentId);

    public static string Connectors(string agentId) => Agent(agentId) + "/telephony/connectors";

    public static string ConnectorsBatch(string agentId) => Connectors(agentId) + "/batch";

    public static string ConnectorLookup(string agentId) => Connectors(agentId) + "/lookup";

    public static string Connector(string agentId, string connectorId) => Connectors(agentId) + "/" + Segment(connectorId);

    public static string PhoneNumbers(string agentId) => Agent(agentId) + "/telephony/phone-numbers";

    public static string PhoneNumbersBatch(string agentId) => PhoneNumbers(agentId) + "/batch";

    public static string PhoneNumber(string agentId, string number) => PhoneNumbers(agentId) + "/" + Segment(number);

    public static string WithQuery(string path, string name, string? value) =>
        value is null ? path : path + "?" + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);

    /// <summary>Escapes one segment (RFC 3986). '+' stays literal: it is a legal path character and the
    /// API documents E.164 numbers in paths as written, e.g. /phone-numbers/+442071234567.</summary>
    internal static string Segment(string value)
    {
        Identifier.EnsureValid(value, "path segment");
        return Uri.EscapeDataString(value).Replace("%2B", "+");
    }
}
