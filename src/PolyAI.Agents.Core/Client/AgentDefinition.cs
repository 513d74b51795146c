using System;
using System.Text.RegularExpressions;

namespace PolyAI.Agents.Client;

/// <summary>What a new agent needs (CreateAgentBody): a name, the greeting it answers calls with and the voice it
/// speaks with; optionally its id, language and model. Checked as the schema checks it, before anything is sent.</summary>
internal sealed class AgentDefinition(string name, string greeting, string voiceId)
{
    /// <summary>The schema's pattern for agent ids the caller chooses.</summary>
    public const string AgentIdPattern = "^[a-zA-Z0-9-]+$";

    public const int MaxNameLength = 100;

    private static readonly Regex AgentIdRegex = new(AgentIdPattern, RegexOptions.CultureInvariant);

    public string Name { get; } = name;

    public string Greeting { get; } = greeting;

    public string VoiceId { get; } = voiceId;

    /// <summary>Null: the API's default (en-GB).</summary>
    public string? LanguageCode { get; init; }

    public string? ModelId { get; init; }

    /// <summary>Null: the API chooses one.</summary>
    public string? AgentId { get; init; }

    public void Validate()
    {
        EnsureName(Name);
        EnsureAgentId(AgentId);
        if (string.IsNullOrWhiteSpace(Greeting))
        {
            throw new ArgumentException($"The greeting of agent '{Name}' must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(VoiceId))
        {
            throw new ArgumentException($"The voice id of agent '{Name}' must not be empty.");
        }

        if (LanguageCode is { } language && string.IsNullOrWhiteSpace(language))
        {
            throw new ArgumentException($"The language code of agent '{Name}' must not be empty.");
        }
    }

    public static void EnsureName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name!.Length > MaxNameLength)
        {
            throw new ArgumentException($"The agent name '{name}' must have 1 to {MaxNameLength} characters.");
        }
    }

    public static void EnsureAgentId(string? agentId)
    {
        if (agentId is not null && !AgentIdRegex.IsMatch(agentId))
        {
            throw new ArgumentException($"The agent id '{agentId}' may only have letters, digits and '-'.");
        }
    }
}
