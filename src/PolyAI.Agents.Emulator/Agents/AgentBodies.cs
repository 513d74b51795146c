using System.Text.Json;
using System.Text.RegularExpressions;

namespace PolyAI.Agents.Emulator;

/// <summary>A validated A2 or A4 body: the new agent's name, its id when given, and (A2) its greeting.</summary>
internal sealed record AgentRequest(string Name, string? AgentId, string? Greeting);

/// <summary>
/// CreateAgentBody (A2) and DuplicateAgentBody (A4), validated as the schema says (api-notes.md §4):
/// additionalProperties false at every level, so the introduction's {"name", "description"} is a 400.
/// </summary>
internal static partial class AgentBodies
{
    public static AgentRequest Create(string? body)
    {
        var obj = JsonBody.ParseObject(body);
        JsonBody.AllowOnly(obj, null, "name", "agentId", "responseSettings", "voiceSettings", "llmSettings", "experimentalConfig");
        var name = JsonBody.Length(JsonBody.RequiredString(obj, "name"), "name", 1, 100);
        var agentId = AgentId(obj, "agentId");

        var response = JsonBody.RequiredObject(obj, "responseSettings");
        JsonBody.AllowOnly(response, "responseSettings", "greeting", "languageCode");
        var greeting = JsonBody.RequiredString(response, "greeting", "responseSettings");
        NotEmpty(JsonBody.OptionalString(response, "languageCode", "responseSettings"), "responseSettings.languageCode");

        var voice = JsonBody.RequiredObject(obj, "voiceSettings");
        JsonBody.AllowOnly(voice, "voiceSettings", "voiceId");
        JsonBody.RequiredString(voice, "voiceId", "voiceSettings");

        if (JsonBody.OptionalObject(obj, "llmSettings") is { } llm)
        {
            JsonBody.AllowOnly(llm, "llmSettings", "modelId");
            JsonBody.OptionalString(llm, "modelId", "llmSettings");
        }

        if (JsonBody.OptionalObject(obj, "experimentalConfig") is { } experimental)
        {
            // Accepted as the 1.0.3 schema has it ({configs: [...]}, required); the emulator keeps none of it.
            JsonBody.AllowOnly(experimental, "experimentalConfig", "configs");
            JsonBody.RequiredArray(experimental, "configs", minItems: 0);
        }

        return new AgentRequest(name, agentId, greeting);
    }

    public static AgentRequest Duplicate(string? body)
    {
        var obj = JsonBody.ParseObject(body);
        JsonBody.AllowOnly(obj, null, "newAgentName", "newAgentId");
        var name = JsonBody.Length(JsonBody.RequiredString(obj, "newAgentName"), "newAgentName", 1, 100);
        return new AgentRequest(name, AgentId(obj, "newAgentId"), null);
    }

    /// <summary>An optional agent id: ^[a-zA-Z0-9-]+$.</summary>
    private static string? AgentId(JsonElement obj, string name) =>
        JsonBody.OptionalString(obj, name) is not { } id ? null
        : AgentIdPattern().IsMatch(id) ? id
        : throw new ApiException(ApiErrors.Validation(name, $"'{name}' must match ^[a-zA-Z0-9-]+$, not '{id}'."));

    private static void NotEmpty(string? value, string field)
    {
        if (value is { Length: 0 })
        {
            throw new ApiException(ApiErrors.Validation(field, $"'{field}' must not be empty."));
        }
    }

    [GeneratedRegex(@"^[a-zA-Z0-9-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex AgentIdPattern();
}
