using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Client;

internal sealed partial class PolyAiClient
{
    /// <summary>V1: the attributes of a branch.</summary>
    public Task<IReadOnlyList<Attribute>> ListAttributesAsync(string agentId, string branchId, CancellationToken cancellationToken) =>
        Request(ApiOperations.ListAttributes, $"List the attributes of branch '{branchId}' of agent '{agentId}'", agentId, branchId)
            .SendAsync(response => (IReadOnlyList<Attribute>)RequiredList(response.Attributes, "attributes").Select(a => Map(agentId, branchId, a)).ToList(), cancellationToken);

    /// <summary>V1, then the one attribute asked for; an id the branch does not have is NotFound.</summary>
    public async Task<Attribute> GetAttributeAsync(string agentId, string branchId, string attributeId, CancellationToken cancellationToken)
    {
        Identifier.EnsureValid(attributeId, "attribute id");
        return (await ListAttributesAsync(agentId, branchId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(a => a.AttributeId == attributeId)
            ?? throw NotInList(ApiOperations.ListAttributes, $"Get attribute '{attributeId}' of branch '{branchId}' of agent '{agentId}'", $"Attribute '{attributeId}' was not found in branch '{branchId}' of agent '{agentId}'.");
    }

    /// <summary>V2 (201).</summary>
    public Task<Attribute> CreateAttributeAsync(string agentId, string branchId, string name, CancellationToken cancellationToken)
    {
        EnsureName(name, "attribute");
        return Request(ApiOperations.CreateAttribute, $"Create attribute '{name}' in branch '{branchId}' of agent '{agentId}'", agentId, branchId)
            .WithBody(new AttributeNameBody { Name = name })
            .SendAsync(dto => Map(agentId, branchId, dto), cancellationToken);
    }

    /// <summary>V3: renames an attribute.</summary>
    public Task<Attribute> RenameAttributeAsync(string agentId, string branchId, string attributeId, string name, CancellationToken cancellationToken)
    {
        EnsureName(name, "attribute");
        return Request(ApiOperations.UpdateAttribute, $"Rename attribute '{attributeId}' of branch '{branchId}' of agent '{agentId}'", agentId, branchId, attributeId)
            .WithBody(new AttributeNameBody { Name = name })
            .SendAsync(dto => Map(agentId, branchId, dto), cancellationToken);
    }

    /// <summary>V4.</summary>
    public Task<JsonElement> DeleteAttributeAsync(string agentId, string branchId, string attributeId, CancellationToken cancellationToken) =>
        Request(ApiOperations.DeleteAttribute, $"Delete attribute '{attributeId}' of branch '{branchId}' of agent '{agentId}'", agentId, branchId, attributeId)
            .SendAsync(body => body, cancellationToken);

    /// <summary>V5: the variants of a branch.</summary>
    public Task<IReadOnlyList<Variant>> ListVariantsAsync(string agentId, string branchId, CancellationToken cancellationToken) =>
        Request(ApiOperations.ListVariants, $"List the variants of branch '{branchId}' of agent '{agentId}'", agentId, branchId)
            .SendAsync(response => (IReadOnlyList<Variant>)RequiredList(response.Variants, "variants").Select(v => Map(agentId, branchId, v)).ToList(), cancellationToken);

    /// <summary>V5, then the one variant asked for; an id the branch does not have is NotFound.</summary>
    public async Task<Variant> GetVariantAsync(string agentId, string branchId, string variantId, CancellationToken cancellationToken)
    {
        Identifier.EnsureValid(variantId, "variant id");
        return (await ListVariantsAsync(agentId, branchId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(v => v.VariantId == variantId)
            ?? throw NotInList(ApiOperations.ListVariants, $"Get variant '{variantId}' of branch '{branchId}' of agent '{agentId}'", $"Variant '{variantId}' was not found in branch '{branchId}' of agent '{agentId}'.");
    }

    /// <summary>V6 (201). A name the branch already has is 409 VARIANTS_DUPLICATE_NAME_ERROR (VariantAlreadyExists).</summary>
    public Task<Variant> CreateVariantAsync(string agentId, string branchId, string name, IReadOnlyDictionary<string, string>? values, bool? isDefault, CancellationToken cancellationToken)
    {
        EnsureName(name, "variant");
        return Request(ApiOperations.CreateVariant, $"Create variant '{name}' in branch '{branchId}' of agent '{agentId}'", agentId, branchId)
            .WithBody(new CreateVariantBody { Name = name, AttributeValues = Values(values), IsDefault = isDefault })
            .SendAsync(dto => Map(agentId, branchId, dto), cancellationToken);
    }

    /// <summary>V7: sets the fields given; <paramref name="values"/>, when given, is the variant's whole set of values.</summary>
    public Task<Variant> UpdateVariantAsync(string agentId, string branchId, string variantId, string? name, IReadOnlyDictionary<string, string>? values, bool? isDefault, CancellationToken cancellationToken)
    {
        if (name is not null)
        {
            EnsureName(name, "variant");
        }

        if (name is null && values is null && isDefault is null)
        {
            throw new ArgumentException($"The update of variant '{variantId}' changes nothing.");
        }

        return Request(ApiOperations.UpdateVariant, $"Update variant '{variantId}' of branch '{branchId}' of agent '{agentId}'", agentId, branchId, variantId)
            .WithBody(new UpdateVariantBody { Name = name, AttributeValues = Values(values), IsDefault = isDefault })
            .SendAsync(dto => Map(agentId, branchId, dto), cancellationToken);
    }

    /// <summary>V8. The default variant cannot be removed: 400 VARIANTS_REMOVE_DEFAULT_ERROR (DefaultVariantNotRemovable).</summary>
    public Task<JsonElement> DeleteVariantAsync(string agentId, string branchId, string variantId, CancellationToken cancellationToken) =>
        Request(ApiOperations.DeleteVariant, $"Delete variant '{variantId}' of branch '{branchId}' of agent '{agentId}'", agentId, branchId, variantId)
            .SendAsync(body => body, cancellationToken);

    private static AttributeValuesBody? Values(IReadOnlyDictionary<string, string>? values) =>
        values is null ? null : new AttributeValuesBody { Values = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal) };

    private static void EnsureName(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"The {what} name must not be empty.");
        }
    }

    internal static Attribute Map(string agentId, string branchId, AttributeDto? dto)
    {
        dto = Required(dto, "attribute");
        return new Attribute(agentId, branchId, Required(dto.Id, "id"), Required(dto.Name, "name"));
    }

    internal static Variant Map(string agentId, string branchId, VariantDto? dto)
    {
        dto = Required(dto, "variant");
        var values = Required(Required(dto.AttributeValues, "attributeValues").Values, "attributeValues.values");
        return new Variant(
            agentId, branchId, Required(dto.Id, "id"), Required(dto.Name, "name"), dto.IsDefault,
            values.ToDictionary(v => v.Key, v => v.Value ?? throw new JsonException($"The value of attribute '{v.Key}' is null."), StringComparer.Ordinal));
    }
}
