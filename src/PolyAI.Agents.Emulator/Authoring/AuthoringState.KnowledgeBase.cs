using System.Collections.Immutable;

namespace PolyAI.Agents.Emulator;

/// <summary>Validated topic fields (K2, K4); null members are not given.</summary>
internal sealed record TopicFields(string? Name, string? Content, string? Actions, ImmutableArray<string>? ExampleQueries, bool? IsActive);

internal sealed partial class AuthoringState
{
    public IReadOnlyList<TopicResponse> ListTopics(string agentId, string branchId) =>
        Read(agentId, branchId, content => content.Topics.Select(TopicResponse.Of).ToArray());

    public TopicResponse GetTopic(string agentId, string branchId, string topicId) =>
        Read(agentId, branchId, content => TopicResponse.Of(TopicOf(content, topicId)));

    /// <summary>K2: name and content are given (the body's rule); the rest defaults to "", no queries, active.</summary>
    public TopicResponse CreateTopic(string agentId, string branchId, TopicFields fields) =>
        Change(agentId, branchId, content =>
        {
            EnsureTopicNameFree(content, fields.Name!, topicId: null);
            var topic = new Topic(NextId("t", ref _nextTopic), fields.Name!, fields.Content!, fields.Actions ?? "",
                fields.ExampleQueries ?? [], fields.IsActive ?? true);
            return (content with { Topics = content.Topics.Add(topic) }, TopicResponse.Of(topic));
        });

    /// <summary>K4: sets the fields given.</summary>
    public void UpdateTopic(string agentId, string branchId, string topicId, TopicFields fields) =>
        Change(agentId, branchId, content =>
        {
            var topic = TopicOf(content, topicId);
            if (fields.Name is { } name)
            {
                EnsureTopicNameFree(content, name, topicId);
            }

            var updated = new Topic(topic.Id, fields.Name ?? topic.Name, fields.Content ?? topic.Content, fields.Actions ?? topic.Actions,
                fields.ExampleQueries ?? topic.ExampleQueries, fields.IsActive ?? topic.IsActive);
            return (content with { Topics = content.Topics.Replace(topic, updated) }, true);
        });

    public void DeleteTopic(string agentId, string branchId, string topicId) =>
        Change(agentId, branchId, content => (content with { Topics = content.Topics.Remove(TopicOf(content, topicId)) }, true));

    private static Topic TopicOf(BranchContent content, string topicId) =>
        content.FindTopic(topicId) ?? throw new ApiException(AuthoringErrors.TopicNotFound(topicId));

    private static void EnsureTopicNameFree(BranchContent content, string name, string? topicId)
    {
        if (content.Topics.Exists(t => t.Name == name && t.Id != topicId))
        {
            throw new ApiException(AuthoringErrors.TopicAlreadyExists(name));
        }
    }
}
