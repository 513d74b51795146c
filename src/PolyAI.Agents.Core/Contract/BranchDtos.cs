using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolyAI.Agents.Contract;

// Branches, behavior rules and the knowledge base (api-notes §5-7). 1.0.3 gives the branch and topic answers no
// schema: they are read by JsonObjectReader (the fields later versions name, the rest kept).

/// <summary>B2. `branchName`, not the `name` the 1.0.3 introduction's example sends.</summary>
internal sealed class CreateBranchBody
{
    [JsonRequired] public string BranchName { get; set; } = "";
}

/// <summary>B4.</summary>
internal sealed class MergeBranchBody
{
    public string? DeploymentMessage { get; set; }
    public List<ConflictResolutionBody>? ConflictResolutions { get; set; }
}

/// <summary>How one conflicting path is resolved: ours (the branch), theirs (main) or base (what both started from).</summary>
internal sealed class ConflictResolutionBody
{
    [JsonRequired] public List<string> Path { get; set; } = new();
    [JsonRequired] public string Strategy { get; set; } = "";
    public JsonElement? Value { get; set; }
}

/// <summary>R1 and R2's answer.</summary>
internal sealed class AgentRulesResponse
{
    [JsonRequired] public string? Behavior { get; set; }
}

/// <summary>R2: the whole text is replaced.</summary>
internal sealed class UpdateAgentRulesBody
{
    [JsonRequired] public string Behavior { get; set; } = "";
}

/// <summary>K2.</summary>
internal sealed class CreateKnowledgeBaseTopicBody
{
    [JsonRequired] public string Name { get; set; } = "";
    [JsonRequired] public string Content { get; set; } = "";
    public string? Actions { get; set; }
    public ExampleQueriesBody? ExampleQueries { get; set; }
    public bool? IsActive { get; set; }
}

/// <summary>K4: only the fields given are sent.</summary>
internal sealed class UpdateKnowledgeBaseTopicBody
{
    public string? Name { get; set; }
    public string? Content { get; set; }
    public string? Actions { get; set; }
    public ExampleQueriesBody? ExampleQueries { get; set; }
    public bool? IsActive { get; set; }
}

internal sealed class ExampleQueriesBody
{
    [JsonRequired] public List<string> Queries { get; set; } = new();
}
