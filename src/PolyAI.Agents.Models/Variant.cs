using System.Collections.Generic;

namespace PolyAI.Agents;

/// <summary>A variant of a branch: one set of attribute values (a site such as London or New York); connectors
/// choose theirs with -VariantId, and one variant is the default.</summary>
public sealed class Variant(string agentId, string branchId, string variantId, string name, bool isDefault, IDictionary<string, string> attributeValues)
{
    public string AgentId { get; } = agentId;

    public string BranchId { get; } = branchId;

    public string VariantId { get; } = variantId;

    public string Name { get; } = name;

    public bool IsDefault { get; } = isDefault;

    /// <summary>Attribute name -> value; as text, "site=London; openingHours=09:00-17:00".</summary>
    public ValueMap<string> AttributeValues { get; } = new(attributeValues, () => string.Join("; ", System.Linq.Enumerable.Select(attributeValues, v => $"{v.Key}={v.Value}")));

    public override string ToString() => Name;
}
