namespace PolyAI.Agents.Emulator;

/// <summary>
/// The errors of branches, behavior rules, the knowledge base, attributes and variants. The error-code reference
/// documents 11001 (duplicate topic) and 26001-26003 (variants); the others are named after its pattern (the
/// resource's prefix, then what happened) and carry the status as their id.
/// </summary>
internal static class AuthoringErrors
{
    public static ApiError BranchNotFound(string branchId) =>
        ApiErrors.Undocumented(404, "BRANCH_NOT_FOUND", $"Branch '{branchId}' was not found.", "branchId");

    public static ApiError BranchNameAlreadyExists(string name) =>
        ApiErrors.Undocumented(409, "BRANCH_NAME_ALREADY_EXISTS", $"The agent already has a branch named '{name}'.", "branchName");

    public static ApiError MainNotAllowed(string what) =>
        ApiErrors.Validation("branchId", $"The main branch cannot be {what}.");

    /// <summary>Later versions of the API make main read-only: its content changes only by merging a branch.</summary>
    public static ApiError MainReadOnly() =>
        ApiErrors.Validation("branchId", "main is read-only: change a branch and merge it.");

    public static ApiError MergeConflict(string branchName, IReadOnlyList<MergeConflictItem> conflicts) =>
        ApiErrors.Undocumented(409, "BRANCH_MERGE_CONFLICT", $"Branch '{branchName}' conflicts with main on {conflicts.Count} path(s).", "conflictResolutions")
            with { Conflicts = conflicts };

    public static ApiError TopicNotFound(string topicId) =>
        ApiErrors.Undocumented(404, "KNOWLEDGE_BASE_TOPIC_NOT_FOUND", $"Knowledge-base topic '{topicId}' was not found.", "topicId");

    public static ApiError TopicAlreadyExists(string name) =>
        ApiErrors.Documented(409, "KNOWLEDGE_BASE_TOPIC_ALREADY_EXISTS", $"The branch already has a topic named '{name}'.", "name");

    public static ApiError AttributeNotFound(string attributeId) =>
        ApiErrors.Undocumented(404, "ATTRIBUTES_NOT_FOUND", $"Attribute '{attributeId}' was not found.", "attributeId");

    public static ApiError AttributeNameAlreadyExists(string name) =>
        ApiErrors.Undocumented(409, "ATTRIBUTES_NAME_ALREADY_EXISTS", $"The branch already has an attribute named '{name}'.", "name");

    public static ApiError VariantNotFound(string variantId) =>
        ApiErrors.Undocumented(404, "VARIANTS_NOT_FOUND", $"Variant '{variantId}' was not found.", "variantId");

    public static ApiError VariantNameAlreadyExists(string name) =>
        ApiErrors.Documented(409, "VARIANTS_DUPLICATE_NAME_ERROR", $"The branch already has a variant named '{name}'.", "name");

    public static ApiError VariantBadAttributes(IEnumerable<string> unknown) =>
        ApiErrors.Documented(400, "VARIANTS_BAD_ATTRIBUTES_ERROR",
            $"The branch has no attribute named {string.Join(", ", unknown.Select(name => $"'{name}'"))}.", "attributeValues.values");

    public static ApiError VariantRemoveDefault(string variantId, string what) =>
        ApiErrors.Documented(400, "VARIANTS_REMOVE_DEFAULT_ERROR",
            $"Variant '{variantId}' is the default variant: it cannot be {what}. Make another variant the default first.", "variantId");
}
