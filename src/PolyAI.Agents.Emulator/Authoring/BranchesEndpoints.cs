using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>Branches B1-B4 and the behavior rules R1-R2 of a branch (api-notes.md §5-6).</summary>
internal sealed class BranchesEndpoints(AuthoringState state) : IAreaEndpoints
{
    public void Register(OperationHandlers handlers)
    {
        handlers.Add(ApiOperations.ListBranches, ListBranches);
        handlers.Add(ApiOperations.CreateBranch, CreateBranch);
        handlers.Add(ApiOperations.DeleteBranch, DeleteBranch);
        handlers.Add(ApiOperations.MergeBranch, MergeBranch);
        handlers.Add(ApiOperations.GetBehavior, GetBehavior);
        handlers.Add(ApiOperations.UpdateBehavior, UpdateBehavior);
    }

    // B1 GET .../branches: main first, then in creation order.
    private ListBranchesResponse ListBranches(OperationCall call) => state.ListBranches(call.AgentId);

    // B2 POST .../branches {branchName}: a copy of main.
    private CreateBranchResponse CreateBranch(OperationCall call) => state.CreateBranch(call.AgentId, AuthoringBodies.BranchName(call.Body));

    // B3 DELETE .../branches/{branchId}
    private DeleteBranchResponse DeleteBranch(OperationCall call) => state.DeleteBranch(call.AgentId, BranchIdOf(call));

    // B4 POST .../branches/{branchId}/merge [{deploymentMessage, conflictResolutions}]
    private MergeBranchResponse MergeBranch(OperationCall call) =>
        state.Merge(call.AgentId, BranchIdOf(call), AuthoringBodies.MergeResolutions(call.Body));

    // R1 GET .../branches/{branchId}/behavior
    private BehaviorResponse GetBehavior(OperationCall call) => state.GetBehavior(call.AgentId, BranchIdOf(call));

    // R2 PATCH .../branches/{branchId}/behavior {behavior}: the whole text.
    private BehaviorResponse UpdateBehavior(OperationCall call) =>
        state.SetBehavior(call.AgentId, BranchIdOf(call), AuthoringBodies.Behavior(call.Body));

    public static string BranchIdOf(OperationCall call) => call.PathValue("branchId");
}
