using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Emulator;

/// <summary>The attributes (V1-V4) and variants (V5-V8) of a branch (api-notes.md §8).</summary>
internal sealed class VariantsEndpoints(AuthoringState state) : IAreaEndpoints
{
    public void Register(OperationHandlers handlers)
    {
        handlers.Add(ApiOperations.ListAttributes, ListAttributes);
        handlers.Add(ApiOperations.CreateAttribute, CreateAttribute);
        handlers.Add(ApiOperations.UpdateAttribute, UpdateAttribute);
        handlers.Add(ApiOperations.DeleteAttribute, DeleteAttribute);
        handlers.Add(ApiOperations.ListVariants, ListVariants);
        handlers.Add(ApiOperations.CreateVariant, CreateVariant);
        handlers.Add(ApiOperations.UpdateVariant, UpdateVariant);
        handlers.Add(ApiOperations.DeleteVariant, DeleteVariant);
    }

    // V1 GET .../attributes
    private ListAttributesResponse ListAttributes(OperationCall call) => state.ListAttributes(call.AgentId, BranchIdOf(call));

    // V2 POST .../attributes {name}
    private AttributeResponse CreateAttribute(OperationCall call) =>
        state.CreateAttribute(call.AgentId, BranchIdOf(call), AuthoringBodies.AttributeName(call.Body));

    // V3 PATCH .../attributes/{attributeId} {name}: the variants' values follow the new name.
    private AttributeResponse UpdateAttribute(OperationCall call) =>
        state.RenameAttribute(call.AgentId, BranchIdOf(call), AttributeIdOf(call), AuthoringBodies.AttributeName(call.Body));

    // V4 DELETE .../attributes/{attributeId}: its values go from every variant.
    private DeletedResponse DeleteAttribute(OperationCall call) => state.DeleteAttribute(call.AgentId, BranchIdOf(call), AttributeIdOf(call));

    // V5 GET .../variants
    private ListVariantsResponse ListVariants(OperationCall call) => state.ListVariants(call.AgentId, BranchIdOf(call));

    // V6 POST .../variants {name, attributeValues?, isDefault?}
    private VariantResponse CreateVariant(OperationCall call) =>
        state.CreateVariant(call.AgentId, BranchIdOf(call), AuthoringBodies.Variant(call.Body, creating: true));

    // V7 PATCH .../variants/{variantId}: the fields given; attributeValues.values replaces all values.
    private VariantResponse UpdateVariant(OperationCall call) =>
        state.UpdateVariant(call.AgentId, BranchIdOf(call), VariantIdOf(call), AuthoringBodies.Variant(call.Body, creating: false));

    // V8 DELETE .../variants/{variantId}: not the default.
    private DeletedResponse DeleteVariant(OperationCall call) => state.DeleteVariant(call.AgentId, BranchIdOf(call), VariantIdOf(call));

    private static string BranchIdOf(OperationCall call) => BranchesEndpoints.BranchIdOf(call);

    private static string AttributeIdOf(OperationCall call) => call.PathValue("attributeId");

    private static string VariantIdOf(OperationCall call) => call.PathValue("variantId");
}
