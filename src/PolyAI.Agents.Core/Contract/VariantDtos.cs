using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolyAI.Agents.Contract;

// Attributes, variants (api-notes §8) and real-time config pages (§10).

internal sealed class AttributeDto
{
    [JsonRequired] public string? Id { get; set; }
    [JsonRequired] public string? Name { get; set; }
}

/// <summary>V1.</summary>
internal sealed class GetAttributesResponse
{
    [JsonRequired] public List<AttributeDto?>? Attributes { get; set; }
}

/// <summary>V2 and V3: the name is all an attribute has.</summary>
internal sealed class AttributeNameBody
{
    [JsonRequired] public string Name { get; set; } = "";
}

internal sealed class VariantDto
{
    [JsonRequired] public string? Id { get; set; }
    [JsonRequired] public string? Name { get; set; }
    [JsonRequired] public bool IsDefault { get; set; }
    [JsonRequired] public AttributeValuesDto? AttributeValues { get; set; }
}

/// <summary>The values of a variant, by attribute.</summary>
internal sealed class AttributeValuesDto
{
    [JsonRequired] public Dictionary<string, string?>? Values { get; set; }
}

/// <summary>V5.</summary>
internal sealed class GetVariantsResponse
{
    [JsonRequired] public List<VariantDto?>? Variants { get; set; }
}

/// <summary>V6.</summary>
internal sealed class CreateVariantBody
{
    [JsonRequired] public string Name { get; set; } = "";
    public AttributeValuesBody? AttributeValues { get; set; }
    public bool? IsDefault { get; set; }
}

/// <summary>V7: only the fields given are sent.</summary>
internal sealed class UpdateVariantBody
{
    public string? Name { get; set; }
    public AttributeValuesBody? AttributeValues { get; set; }
    public bool? IsDefault { get; set; }
}

internal sealed class AttributeValuesBody
{
    public Dictionary<string, string> Values { get; set; } = new();
}

internal sealed class ConfigPageDto
{
    [JsonRequired] public string? ClientEnv { get; set; }
    /// <summary>Free-form: any JSON object.</summary>
    public JsonElement? Variables { get; set; }
    /// <summary>A JSON Schema (draft 7).</summary>
    public JsonElement? Schema { get; set; }
    public string? LastUpdated { get; set; }
}

/// <summary>T1.</summary>
internal sealed class GetConfigPagesResponse
{
    [JsonRequired] public List<ConfigPageDto?>? ConfigPages { get; set; }
}

/// <summary>T3: replaces the page's schema.</summary>
internal sealed class UpdateConfigSchemaBody
{
    [JsonRequired] public JsonElement Schema { get; set; }
}

/// <summary>T4: a shallow merge into the page's variables.</summary>
internal sealed class UpdateConfigVariablesBody
{
    [JsonRequired] public JsonElement Variables { get; set; }
}
