using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>The knowledge-base topics of a branch, K1-K5 (api-notes.md §7).</summary>
internal sealed class KnowledgeBaseEndpoints(AuthoringState state) : IAreaEndpoints
{
    public void Register(OperationHandlers handlers)
    {
        handlers.Add(ApiOperations.ListTopics, ListTopics);
        handlers.Add(ApiOperations.CreateTopic, CreateTopic);
        handlers.Add(ApiOperations.GetTopic, GetTopic);
        handlers.Add(ApiOperations.UpdateTopic, UpdateTopic);
        handlers.Add(ApiOperations.DeleteTopic, DeleteTopic);
    }

    // K1 GET .../knowledge-base/topics: a bare JSON array.
    private IReadOnlyList<TopicResponse> ListTopics(OperationCall call) => state.ListTopics(call.AgentId, BranchesEndpoints.BranchIdOf(call));

    // K2 POST .../knowledge-base/topics {name, content, actions?, exampleQueries?, isActive?}
    private TopicResponse CreateTopic(OperationCall call) =>
        state.CreateTopic(call.AgentId, BranchesEndpoints.BranchIdOf(call), AuthoringBodies.Topic(call.Body, creating: true));

    // K3 GET .../knowledge-base/topics/{topicId}
    private TopicResponse GetTopic(OperationCall call) => state.GetTopic(call.AgentId, BranchesEndpoints.BranchIdOf(call), TopicIdOf(call));

    // K4 PATCH .../knowledge-base/topics/{topicId}: the fields given; 204.
    private object? UpdateTopic(OperationCall call)
    {
        state.UpdateTopic(call.AgentId, BranchesEndpoints.BranchIdOf(call), TopicIdOf(call), AuthoringBodies.Topic(call.Body, creating: false));
        return null;
    }

    // K5 DELETE .../knowledge-base/topics/{topicId}: 204.
    private object? DeleteTopic(OperationCall call)
    {
        state.DeleteTopic(call.AgentId, BranchesEndpoints.BranchIdOf(call), TopicIdOf(call));
        return null;
    }

    private static string TopicIdOf(OperationCall call) => call.PathValue("topicId");
}
