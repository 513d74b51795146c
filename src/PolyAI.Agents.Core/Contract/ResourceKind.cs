using System;
using System.Collections.Generic;
using System.Linq;

namespace PolyAI.Agents.Contract;

/// <summary>
/// A kind of resource the API manages: how error ids and messages name it, which API error codes are about
/// it, and the command that lists what exists (for the advice an error gives).
/// </summary>
internal sealed class ResourceKind
{
    private ResourceKind(string name, string noun, string listCommand, string? notFoundCode, params string[] codePrefixes)
    {
        Name = name;
        Noun = noun;
        ListCommand = listCommand;
        NotFoundCode = notFoundCode;
        CodePrefixes = codePrefixes;
    }

    /// <summary>The start of its error ids: ConnectorNotFound, PhoneNumberAlreadyExists.</summary>
    public string Name { get; }

    /// <summary>How messages name one of them: "phone number".</summary>
    public string Noun { get; }

    /// <summary>The cmdlet that lists what exists, for an error's recommended action.</summary>
    public string ListCommand { get; }

    /// <summary>The API code of its 404, when one is documented: after a lost attempt, a retried DELETE that
    /// gets it most likely lost the response of a DELETE that happened.</summary>
    public string? NotFoundCode { get; }

    /// <summary>The prefixes of the API error codes that are about it, e.g. CONNECTORS_.</summary>
    public IReadOnlyList<string> CodePrefixes { get; }

    public override string ToString() => Name;

    public static readonly ResourceKind Agent = new("Agent", "agent", "Get-PolyAiAgent", "PROJECT_NOT_FOUND", "PROJECT_", "AGENTS_", "AGENT_");
    public static readonly ResourceKind Branch = new("Branch", "branch", "Get-PolyAiBranch", null, "BRANCHES_", "BRANCH_");
    public static readonly ResourceKind Behavior = new("Behavior", "behavior rules", "Get-PolyAiBehavior", null, "BEHAVIOR_");
    public static readonly ResourceKind KnowledgeTopic = new("KnowledgeTopic", "knowledge-base topic", "Get-PolyAiKnowledgeTopic", null, "KNOWLEDGE_BASE_");
    public static readonly ResourceKind Attribute = new("Attribute", "attribute", "Get-PolyAiAttribute", null, "ATTRIBUTES_", "ATTRIBUTE_");
    public static readonly ResourceKind Variant = new("Variant", "variant", "Get-PolyAiVariant", null, "VARIANTS_", "VARIANT_");
    public static readonly ResourceKind Deployment = new("Deployment", "deployment", "Get-PolyAiDeployment", "DEPLOYMENT_NOT_FOUND", "DEPLOYMENTS_", "DEPLOYMENT_");
    public static readonly ResourceKind RealTimeConfig = new("RealTimeConfig", "real-time config page", "Get-PolyAiRealTimeConfig", null, "REAL_TIME_CONFIG_");
    public static readonly ResourceKind Connector = new("Connector", "connector", "Get-PolyAiConnector", "CONNECTORS_NOT_FOUND", "CONNECTORS_", "PHONE_NUMBERS_CONNECTOR_");
    public static readonly ResourceKind PhoneNumber = new("PhoneNumber", "phone number", "Get-PolyAiPhoneNumber", "PHONE_NUMBERS_NOT_FOUND", "PHONE_NUMBERS_");

    /// <summary>What Invoke-PolyAiRequest reaches on a path no operation of the table has; not one of <see cref="All"/>
    /// (no code names it), so its errors are PolyAiRequestNotFound and so on, unless the API's code names a resource.</summary>
    public static readonly ResourceKind Request = new("PolyAiRequest", "resource", "Invoke-PolyAiRequest -Method GET", null);

    public static IReadOnlyList<ResourceKind> All { get; } = new[]
    {
        Agent, Branch, Behavior, KnowledgeTopic, Attribute, Variant, Deployment, RealTimeConfig, Connector, PhoneNumber,
    };

    /// <summary>The resource an API error code is about, by its longest matching prefix
    /// (PHONE_NUMBERS_CONNECTOR_DOES_NOT_EXIST is about a connector); null when the code names none.</summary>
    public static ResourceKind? OfCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        return All
            .SelectMany(kind => kind.CodePrefixes, (kind, prefix) => (kind, prefix))
            .Where(entry => code!.StartsWith(entry.prefix, StringComparison.Ordinal))
            .OrderByDescending(entry => entry.prefix.Length)
            .Select(entry => entry.kind)
            .FirstOrDefault();
    }
}
