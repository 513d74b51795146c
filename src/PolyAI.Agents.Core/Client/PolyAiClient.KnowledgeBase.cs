using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Json;

namespace PolyAI.Agents.Client;

internal sealed partial class PolyAiClient
{
    /// <summary>R1: the behavior rules of a branch.</summary>
    public Task<Behavior> GetBehaviorAsync(string agentId, string branchId, CancellationToken cancellationToken) =>
        Request(ApiOperations.GetBehavior, $"Get the behavior rules of branch '{branchId}' of agent '{agentId}'", agentId, branchId)
            .SendAsync(rules => new Behavior(agentId, branchId, Required(rules.Behavior, "behavior")), cancellationToken);

    /// <summary>R2: replaces the whole text of the rules; returns them as the API now has them.</summary>
    public Task<Behavior> UpdateBehaviorAsync(string agentId, string branchId, string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new ArgumentException("The behavior rules must not be empty.");
        }

        return Request(ApiOperations.UpdateBehavior, $"Update the behavior rules of branch '{branchId}' of agent '{agentId}'", agentId, branchId)
            .WithBody(new UpdateAgentRulesBody { Behavior = text })
            .SendAsync(rules => new Behavior(agentId, branchId, Required(rules.Behavior, "behavior")), cancellationToken);
    }

    /// <summary>K1: the topics of a branch's knowledge base.</summary>
    public Task<IReadOnlyList<KnowledgeTopic>> ListTopicsAsync(string agentId, string branchId, CancellationToken cancellationToken) =>
        Request(ApiOperations.ListTopics, $"List the knowledge-base topics of branch '{branchId}' of agent '{agentId}'", agentId, branchId)
            .SendAsync(body => (IReadOnlyList<KnowledgeTopic>)Items(body, "topics").Select(t => MapTopic(agentId, branchId, t)).ToList(), cancellationToken);

    /// <summary>K3.</summary>
    public Task<KnowledgeTopic> GetTopicAsync(string agentId, string branchId, string topicId, CancellationToken cancellationToken) =>
        Request(ApiOperations.GetTopic, $"Get knowledge-base topic '{topicId}' of branch '{branchId}' of agent '{agentId}'", agentId, branchId, topicId)
            .SendAsync(body => MapTopic(agentId, branchId, body), cancellationToken);

    /// <summary>K2: a new topic (201). A name the branch already has is 409 (KnowledgeTopicAlreadyExists).</summary>
    public Task<KnowledgeTopic> CreateTopicAsync(string agentId, string branchId, TopicFields topic, CancellationToken cancellationToken)
    {
        topic.Validate(creating: true);
        return Request(ApiOperations.CreateTopic, $"Create knowledge-base topic '{topic.Name}' in branch '{branchId}' of agent '{agentId}'", agentId, branchId)
            .WithBody(new CreateKnowledgeBaseTopicBody
            {
                Name = topic.Name!,
                Content = topic.Content!,
                Actions = topic.Actions,
                ExampleQueries = Queries(topic.ExampleQueries),
                IsActive = topic.IsActive,
            })
            .SendAsync(body => MapTopic(agentId, branchId, body), cancellationToken);
    }

    /// <summary>K4: sets the given fields (204).</summary>
    public Task<NoContent> UpdateTopicAsync(string agentId, string branchId, string topicId, TopicFields changes, CancellationToken cancellationToken)
    {
        changes.Validate(creating: false);
        return Request(ApiOperations.UpdateTopic, $"Update knowledge-base topic '{topicId}' of branch '{branchId}' of agent '{agentId}'", agentId, branchId, topicId)
            .WithBody(new UpdateKnowledgeBaseTopicBody
            {
                Name = changes.Name,
                Content = changes.Content,
                Actions = changes.Actions,
                ExampleQueries = Queries(changes.ExampleQueries),
                IsActive = changes.IsActive,
            })
            .SendAsync(done => done, cancellationToken);
    }

    /// <summary>K5 (204).</summary>
    public Task<NoContent> DeleteTopicAsync(string agentId, string branchId, string topicId, CancellationToken cancellationToken) =>
        Request(ApiOperations.DeleteTopic, $"Delete knowledge-base topic '{topicId}' of branch '{branchId}' of agent '{agentId}'", agentId, branchId, topicId)
            .SendAsync(done => done, cancellationToken);

    private static ExampleQueriesBody? Queries(IReadOnlyList<string>? queries) =>
        queries is null ? null : new ExampleQueriesBody { Queries = queries.ToList() };

    /// <summary>A topic as later versions of the API define it ({id, name, content, actions, exampleQueries:
    /// {queries}, isActive}); the id is required, the rest defaults to empty, every other field is kept.</summary>
    internal static KnowledgeTopic MapTopic(string agentId, string branchId, JsonElement element)
    {
        var reader = new JsonObjectReader(element, "knowledge-base topic");
        var topicId = reader.OptionalString("id") ?? reader.RequiredString("topicId");
        var queries = reader.OptionalElement("exampleQueries") switch
        {
            { ValueKind: JsonValueKind.Object } wrapped when wrapped.TryGetProperty("queries", out var list) => list,
            var other => other,
        };
        var exampleQueries = queries is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(q => q.ValueKind == JsonValueKind.String ? q.GetString()! : throw new JsonException("An example query is not a string.")).ToArray()
            : Array.Empty<string>();
        return new KnowledgeTopic(
            agentId, branchId, topicId,
            reader.OptionalString("name") ?? string.Empty,
            reader.OptionalString("content") ?? string.Empty,
            reader.OptionalString("actions") ?? string.Empty,
            exampleQueries,
            reader.OptionalBoolean("isActive") ?? true,
            reader.Rest());
    }
}
