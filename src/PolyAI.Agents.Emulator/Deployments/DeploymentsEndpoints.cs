using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>Deployments D1-D5 (api-notes.md §9): per agent, an environment runs its newest deployment.</summary>
internal sealed class DeploymentsEndpoints(DeploymentsState state) : IAreaEndpoints
{
    public void Register(OperationHandlers handlers)
    {
        handlers.Add(ApiOperations.ListDeployments, ListDeployments);
        handlers.Add(ApiOperations.GetActiveDeployments, GetActiveDeployments);
        handlers.Add(ApiOperations.PublishAgent, PublishAgent);
        handlers.Add(ApiOperations.PromoteDeployment, PromoteDeployment);
        handlers.Add(ApiOperations.RollbackDeployment, RollbackDeployment);
    }

    // D1 GET .../deployments?environment=&limit=: newest first.
    private ListDeploymentsResponse ListDeployments(OperationCall call) =>
        state.List(call.AgentId, DeploymentBodies.Environment(call.Query), DeploymentBodies.Limit(call.Query));

    // D2 GET .../deployments/active: every environment, null for one without a deployment.
    private ActiveDeploymentsResponse GetActiveDeployments(OperationCall call) => state.Active(call.AgentId);

    // D3 POST .../deployments/publish {deploymentMessage?, environment?}: main now; 200 with 6002 when it runs already.
    private MutationDeploymentResponse PublishAgent(OperationCall call)
    {
        var request = DeploymentBodies.Publish(call.Body);
        return state.Publish(call.AgentId, request.Environment, request.Message);
    }

    // D4 POST .../deployments/{deploymentId}/promote {deploymentMessage?, targetEnvironment?}
    private MutationDeploymentResponse PromoteDeployment(OperationCall call)
    {
        var request = DeploymentBodies.Promote(call.Body);
        return state.Promote(call.AgentId, DeploymentIdOf(call), request.TargetEnvironment, request.Message);
    }

    // D5 POST .../deployments/{deploymentId}/rollback {deploymentMessage?}: 200 with 6002 when it runs already.
    private MutationDeploymentResponse RollbackDeployment(OperationCall call) =>
        state.Rollback(call.AgentId, DeploymentIdOf(call), DeploymentBodies.Rollback(call.Body));

    private static string DeploymentIdOf(OperationCall call) => call.PathValue("deploymentId");
}
