namespace PolyAI.Agents;

/// <summary>An attribute of a branch: a named slot (e.g. site, opening-hours) each variant gives a value.</summary>
public sealed class Attribute(string agentId, string branchId, string attributeId, string name)
{
    public string AgentId { get; } = agentId;

    public string BranchId { get; } = branchId;

    public string AttributeId { get; } = attributeId;

    public string Name { get; } = name;

    public override string ToString() => Name;
}
