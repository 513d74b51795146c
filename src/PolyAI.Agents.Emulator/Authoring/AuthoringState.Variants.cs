using System.Collections.Immutable;

namespace PolyAI.Agents.Emulator;

/// <summary>Validated variant fields (V6, V7); null members are not given. <see cref="Values"/> replaces all values.</summary>
internal sealed record VariantFields(string? Name, ImmutableSortedDictionary<string, string>? Values, bool? IsDefault);

internal sealed partial class AuthoringState
{
    // ---------------------------------------------------------------- V1-V4

    public ListAttributesResponse ListAttributes(string agentId, string branchId) =>
        Read(agentId, branchId, content => new ListAttributesResponse(content.Attributes.Select(AttributeResponse.Of).ToArray()));

    public AttributeResponse CreateAttribute(string agentId, string branchId, string name) =>
        Change(agentId, branchId, content =>
        {
            EnsureAttributeNameFree(content, name, attributeId: null);
            var attribute = new VariantAttribute(NextId("attr", ref _nextAttribute), name);
            return (content with { Attributes = content.Attributes.Add(attribute) }, AttributeResponse.Of(attribute));
        });

    /// <summary>V3: a new name, which every variant's values take as their key too.</summary>
    public AttributeResponse RenameAttribute(string agentId, string branchId, string attributeId, string name) =>
        Change(agentId, branchId, content =>
        {
            var attribute = AttributeOf(content, attributeId);
            EnsureAttributeNameFree(content, name, attributeId);
            var renamed = attribute with { Name = name };
            var variants = content.Variants.Select(v => v.Values.TryGetValue(attribute.Name, out var value)
                ? v with { Values = v.Values.Remove(attribute.Name).SetItem(name, value) }
                : v);
            return (content with { Attributes = content.Attributes.Replace(attribute, renamed), Variants = [.. variants] }, AttributeResponse.Of(renamed));
        });

    /// <summary>V4: the attribute goes, and with it its value in every variant.</summary>
    public DeletedResponse DeleteAttribute(string agentId, string branchId, string attributeId) =>
        Change(agentId, branchId, content =>
        {
            var attribute = AttributeOf(content, attributeId);
            var variants = content.Variants.Select(v => v with { Values = v.Values.Remove(attribute.Name) });
            return (content with { Attributes = content.Attributes.Remove(attribute), Variants = [.. variants] }, new DeletedResponse(attribute.Id));
        });

    // ---------------------------------------------------------------- V5-V8

    public ListVariantsResponse ListVariants(string agentId, string branchId) =>
        Read(agentId, branchId, content => new ListVariantsResponse(content.Variants.Select(VariantResponse.Of).ToArray()));

    /// <summary>V6. The first variant of a branch is its default whatever isDefault says: a branch with variants has one.</summary>
    public VariantResponse CreateVariant(string agentId, string branchId, VariantFields fields) =>
        Change(agentId, branchId, content =>
        {
            EnsureVariantNameFree(content, fields.Name!, variantId: null);
            EnsureAttributesExist(content, fields.Values);
            var variant = new Variant(NextId("variant", ref _nextVariant), fields.Name!, fields.IsDefault == true || content.Variants.IsEmpty,
                fields.Values ?? BranchContent.NoValues);
            return (WithVariant(content, variant, replacing: null), VariantResponse.Of(variant));
        });

    /// <summary>V7: isDefault true moves the default here; false on the default is refused (26003).</summary>
    public VariantResponse UpdateVariant(string agentId, string branchId, string variantId, VariantFields fields) =>
        Change(agentId, branchId, content =>
        {
            var variant = VariantOf(content, variantId);
            if (fields.Name is { } name)
            {
                EnsureVariantNameFree(content, name, variantId);
            }

            EnsureAttributesExist(content, fields.Values);
            if (fields.IsDefault == false && variant.IsDefault)
            {
                throw new ApiException(AuthoringErrors.VariantRemoveDefault(variantId, "made non-default"));
            }

            var updated = new Variant(variant.Id, fields.Name ?? variant.Name, fields.IsDefault ?? variant.IsDefault, fields.Values ?? variant.Values);
            return (WithVariant(content, updated, replacing: variant), VariantResponse.Of(updated));
        });

    public DeletedResponse DeleteVariant(string agentId, string branchId, string variantId) =>
        Change(agentId, branchId, content =>
        {
            var variant = VariantOf(content, variantId);
            return variant.IsDefault
                ? throw new ApiException(AuthoringErrors.VariantRemoveDefault(variantId, "deleted"))
                : (content with { Variants = content.Variants.Remove(variant) }, new DeletedResponse(variant.Id));
        });

    // ---------------------------------------------------------------- helpers

    /// <summary>The content with <paramref name="variant"/> added (or in place of <paramref name="replacing"/>); a new default makes the others non-default.</summary>
    private static BranchContent WithVariant(BranchContent content, Variant variant, Variant? replacing)
    {
        var variants = replacing is null ? content.Variants.Add(variant) : content.Variants.Replace(replacing, variant);
        return variant.IsDefault
            ? content with { Variants = [.. variants.Select(v => v.Id == variant.Id || !v.IsDefault ? v : v with { IsDefault = false })] }
            : content with { Variants = variants };
    }

    private static VariantAttribute AttributeOf(BranchContent content, string attributeId) =>
        content.FindAttribute(attributeId) ?? throw new ApiException(AuthoringErrors.AttributeNotFound(attributeId));

    private static Variant VariantOf(BranchContent content, string variantId) =>
        content.FindVariant(variantId) ?? throw new ApiException(AuthoringErrors.VariantNotFound(variantId));

    private static void EnsureAttributeNameFree(BranchContent content, string name, string? attributeId)
    {
        if (content.Attributes.Exists(a => a.Name == name && a.Id != attributeId))
        {
            throw new ApiException(AuthoringErrors.AttributeNameAlreadyExists(name));
        }
    }

    private static void EnsureVariantNameFree(BranchContent content, string name, string? variantId)
    {
        if (content.Variants.Exists(v => v.Name == name && v.Id != variantId))
        {
            throw new ApiException(AuthoringErrors.VariantNameAlreadyExists(name));
        }
    }

    /// <summary>A value for an attribute the branch does not have is VARIANTS_BAD_ATTRIBUTES_ERROR (26001).</summary>
    private static void EnsureAttributesExist(BranchContent content, IReadOnlyDictionary<string, string>? values)
    {
        var unknown = values?.Keys.Where(name => !content.Attributes.Exists(a => a.Name == name)).ToArray() ?? [];
        if (unknown.Length > 0)
        {
            throw new ApiException(AuthoringErrors.VariantBadAttributes(unknown));
        }
    }
}
