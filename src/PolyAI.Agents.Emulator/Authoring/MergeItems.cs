using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolyAI.Agents.Emulator;

/// <summary>A field of a mergeable item, at its merge path, e.g. ["knowledgeBase","topics","t-hours","content"].</summary>
internal sealed record MergeField(ImmutableArray<string> Path, JsonNode Value)
{
    public string Key => MergeItems.Join(Path);
}

/// <summary>What a merge compares: the behavior rules, a topic, an attribute or a variant, with its fields.</summary>
internal sealed record MergeItem(MergeItemKind Kind, string Id, ImmutableArray<string> Path, IReadOnlyList<MergeField> Fields)
{
    public string Key => MergeItems.Join(Path);
}

internal enum MergeItemKind
{
    Behavior,
    Topic,
    Attribute,
    Variant,
}

/// <summary>
/// A branch's content as merge items and back. Paths (api-notes.md §5 conflictResolutions, the emulator spec):
/// ["behavior"]; ["knowledgeBase","topics",id,field] for name, content, actions, exampleQueries, isActive;
/// ["attributes",id,"name"]; ["variants",id,"name"|"isDefault"] and ["variants",id,"attributeValues",attribute].
/// </summary>
internal static class MergeItems
{
    private static readonly ImmutableArray<string> BehaviorPath = ["behavior"];

    public static string Join(IEnumerable<string> path) => string.Join('/', path);

    public static IReadOnlyList<MergeItem> Flatten(BranchContent content)
    {
        var items = new List<MergeItem> { new(MergeItemKind.Behavior, "behavior", BehaviorPath, [new MergeField(BehaviorPath, Str(content.Behavior))]) };
        items.AddRange(content.Topics.Select(Flatten));
        items.AddRange(content.Attributes.Select(a => Item(MergeItemKind.Attribute, a.Id, ("name", Str(a.Name)))));
        items.AddRange(content.Variants.Select(Flatten));
        return items;
    }

    /// <summary>The content the items make, in their order; a field of the wrong type (from a resolution's value) is a 400.</summary>
    public static BranchContent Build(IEnumerable<MergeItem> items)
    {
        var content = BranchContent.Of("");
        foreach (var item in items)
        {
            content = item.Kind switch
            {
                MergeItemKind.Behavior => content with { Behavior = BehaviorText(item) },
                MergeItemKind.Topic => content with { Topics = content.Topics.Add(ToTopic(item)) },
                MergeItemKind.Attribute => content with { Attributes = content.Attributes.Add(new VariantAttribute(item.Id, Text(item, "name"))) },
                _ => content with { Variants = content.Variants.Add(ToVariant(item)) },
            };
        }

        return content;
    }

    /// <summary>A whole item as the API shows it (a topic, attribute or variant object), for a conflict's values.</summary>
    public static JsonNode Display(MergeItem item) => item.Kind switch
    {
        MergeItemKind.Topic => Node(TopicResponse.Of(ToTopic(item))),
        MergeItemKind.Attribute => Node(new AttributeResponse(item.Id, Text(item, "name"))),
        MergeItemKind.Variant => Node(VariantResponse.Of(ToVariant(item))),
        _ => Str(BehaviorText(item)),
    };

    /// <summary>An item from an object in the API's shape (a resolution's value for a whole topic, attribute or variant).</summary>
    public static MergeItem FromObject(MergeItemKind kind, string id, JsonObject value)
    {
        var fields = new List<(string, JsonNode)>();
        foreach (var (name, node) in value)
        {
            if (node is null || name == "id")
            {
                continue;
            }

            if (kind == MergeItemKind.Variant && name == "attributeValues")
            {
                var values = node is JsonObject wrapper && wrapper["values"] is JsonObject map ? map : throw Invalid(id, "attributeValues", "an object {\"values\": {...}}");
                fields.AddRange(values.Where(v => v.Value is not null).Select(v => ($"attributeValues/{v.Key}", v.Value!.DeepClone())));
            }
            else
            {
                fields.Add((name, node.DeepClone()));
            }
        }

        var item = Item(kind, id, [.. fields]);
        _ = Display(item); // Every field of the right type, or a 400 now.
        return item;
    }

    private static MergeItem Flatten(Topic topic) => Item(MergeItemKind.Topic, topic.Id,
        ("name", Str(topic.Name)),
        ("content", Str(topic.Content)),
        ("actions", Str(topic.Actions)),
        ("exampleQueries", new JsonObject { ["queries"] = new JsonArray([.. topic.ExampleQueries.Select(Str)]) }),
        ("isActive", JsonValue.Create(topic.IsActive)));

    private static MergeItem Flatten(Variant variant) => Item(MergeItemKind.Variant, variant.Id,
        [
            ("name", Str(variant.Name)),
            ("isDefault", JsonValue.Create(variant.IsDefault)),
            .. variant.Values.Select(v => ($"attributeValues/{v.Key}", Str(v.Value))),
        ]);

    /// <summary>An item of <paramref name="kind"/>; each field is named by its path below the item, '/'-separated.</summary>
    private static MergeItem Item(MergeItemKind kind, string id, params (string Name, JsonNode Value)[] fields)
    {
        ImmutableArray<string> path = kind switch
        {
            MergeItemKind.Topic => ["knowledgeBase", "topics", id],
            MergeItemKind.Attribute => ["attributes", id],
            _ => ["variants", id],
        };
        return new MergeItem(kind, id, path, fields.Select(f => new MergeField(path.AddRange(f.Name.Split('/', 2)), f.Value)).ToArray());
    }

    private static Topic ToTopic(MergeItem item) => new(
        item.Id,
        Text(item, "name"),
        Text(item, "content"),
        Find(item, "actions") is null ? "" : Text(item, "actions"),
        Queries(item),
        Find(item, "isActive") is null || Flag(item, "isActive"));

    private static Variant ToVariant(MergeItem item)
    {
        var values = BranchContent.NoValues;
        foreach (var field in item.Fields.Where(f => f.Path.Length == 4 && f.Path[2] == "attributeValues"))
        {
            values = values.SetItem(field.Path[3], field.Value is JsonValue v && v.TryGetValue<string>(out var text)
                ? text
                : throw Invalid(item.Id, field.Key, "a string"));
        }

        return new Variant(item.Id, Text(item, "name"), Find(item, "isDefault") is not null && Flag(item, "isDefault"), values);
    }

    private static ImmutableArray<string> Queries(MergeItem item)
    {
        var node = Find(item, "exampleQueries");
        if (node is null)
        {
            return [];
        }

        var list = node is JsonObject wrapper ? wrapper["queries"] : node;
        return list is JsonArray array && array.All(q => q is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            ? [.. array.Select(q => q!.GetValue<string>())]
            : throw Invalid(item.Id, "exampleQueries", "an object {\"queries\": [strings]}");
    }

    private static JsonNode? Find(MergeItem item, string name) =>
        item.Fields.FirstOrDefault(f => f.Path[^1] == name && f.Path.Length == item.Path.Length + 1)?.Value;

    private static string BehaviorText(MergeItem item) =>
        item.Fields is [{ Value: JsonValue value }] && value.TryGetValue<string>(out var text)
            ? text
            : throw Invalid("behavior", "behavior", "a string");

    private static string Text(MergeItem item, string name) =>
        Find(item, name) is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw Invalid(item.Id, name, "a string");

    private static bool Flag(MergeItem item, string name) =>
        Find(item, name) is JsonValue value && value.TryGetValue<bool>(out var flag)
            ? flag
            : throw Invalid(item.Id, name, "a boolean");

    private static JsonNode Str(string value) => JsonValue.Create(value)!;

    private static JsonNode Node<T>(T value) => JsonSerializer.SerializeToNode(value, EmulatorJson.Options)!;

    private static ApiException Invalid(string id, string field, string expected) =>
        new(ApiErrors.Validation("conflictResolutions", $"The merged '{field}' of '{id}' must be {expected}; check the value of its resolution."));
}
