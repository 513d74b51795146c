using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using PolyAI.Agents.Contract;
using Xunit;
using Xunit.Abstractions;

namespace PolyAI.Agents.Tests;

/// <summary>
/// The spec test: every row of the operation table, and every DTO it sends or reads, against the published
/// OpenAPI file (contract/agents-api-1.0.3.openapi.json). A row whose method and path are not in the spec, a
/// status or response kind the spec does not give, a DTO whose required members differ from the schema's
/// `required`, or a request DTO that can send a property the schema does not declare, fails here. It also
/// reports how many of the spec's operations the table has, and which are missing.
/// </summary>
public sealed class ContractTests(ITestOutputHelper output)
{
    private const string ContractFile = "agents-api-1.0.3.openapi.json";

    private static readonly JsonObject Spec = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "contract", ContractFile)))!;

    private static readonly string[] Methods = { "get", "put", "post", "delete", "patch" };

    public static TheoryData<string> Rows => new(ApiOperations.All.Select(o => o.Id));

    public static TheoryData<string> RowsWithARequestBody => new(ApiOperations.All.Where(o => o.RequestBody is not null).Select(o => o.Id));

    public static TheoryData<string> RowsWithADocumentedResponse => new(ApiOperations.All.Where(o => o.Response == ResponseKind.Documented).Select(o => o.Id));

    [Fact]
    public void TheContractFile_IsTheVersionTheModuleImplements()
    {
        Assert.Equal("1.0.3", (string?)Spec["info"]!["version"]);
        Assert.Equal(47, SpecOperations().Count);
    }

    /// <summary>The later contract (1.0.11) is carried for Invoke-PolyAiRequest: an operation only it has is no row of
    /// the table, and the escape hatch sends it as a request of its own, retried only if its method may be repeated.</summary>
    [Fact]
    public void AnOperationOnlyTheLaterContractHas_IsNoRow_AndTheEscapeHatchSendsItAsItsOwn()
    {
        var later = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "contract", "agents-api-1.0.11.openapi.json")))!;
        Assert.Equal("1.0.11", (string?)later["info"]!["version"]);
        const string OutboundCalls = "/v1/agents/{agentId}/telephony/outbound-calls";
        Assert.NotNull(later["paths"]![OutboundCalls]!["post"]);
        Assert.Null(Spec["paths"]![OutboundCalls]);

        var request = PolyAI.Agents.Client.RawRequest.Create("post", "/v1/agents/PROJECT-1/telephony/outbound-calls", null, null);

        Assert.False(request.InTable);
        Assert.Equal(RetryClass.NotSafeToRepeat, request.Operation.Retry);
        Assert.Equal("PolyAiRequest", request.Operation.Resource.Name);
    }

    [Fact]
    public void Coverage_OfThePublishedOperations_IsReported()
    {
        var operations = SpecOperations();
        var covered = operations.Where(o => ApiOperations.All.Any(row => Same(row, o.Method, o.Path))).ToList();
        output.WriteLine($"API coverage: {covered.Count} of {operations.Count} operations of the published {Spec["info"]!["version"]} contract are in the operation table.");
        foreach (var missing in operations.Except(covered))
        {
            output.WriteLine($"  not yet covered: {missing.Method.ToUpperInvariant()} {missing.Path} ({missing.Summary})");
        }

        Assert.Equal(ApiOperations.All.Count, covered.Count);
        Assert.Equal(ApiOperations.All.Count, ApiOperations.All.Select(o => (o.Method.Method, o.PathTemplate)).Distinct().Count());
        Assert.Equal(ApiOperations.All.Count, ApiOperations.All.Select(o => o.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void EachRow_IsAnOperationOfTheSpec(string id)
    {
        var row = Row(id);

        var operation = SpecOperation(row);

        Assert.True(operation is not null, $"{row} is not an operation of the published contract.");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void EachRow_HasTheSuccessStatusAndResponseKindOfTheSpec(string id)
    {
        var row = Row(id);
        var responses = SpecOperation(row)!["responses"]!.AsObject();

        var success = responses.Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).Where(s => s is >= 200 and < 300).ToList();
        Assert.Equal(new[] { row.SuccessStatus }, success);
        var content = responses[row.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"];
        var schema = content?["application/json"]?["schema"];
        switch (row.Response)
        {
            case ResponseKind.Documented:
                Assert.True(schema is not null, $"{row}: the spec gives the {row.SuccessStatus} no schema, so the row should be Undocumented.");
                Assert.NotNull(row.ResponseBody);
                break;
            case ResponseKind.NoContent:
                Assert.Equal(204, row.SuccessStatus);
                Assert.Null(content);
                break;
            default:
                Assert.True(schema is null, $"{row}: the spec has a schema for {row.SuccessStatus}, so the row should be Documented.");
                Assert.NotEqual(204, row.SuccessStatus);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void EachRow_HasTheParametersAndTheRequestBodyOfTheSpec(string id)
    {
        var row = Row(id);
        var operation = SpecOperation(row)!;
        var declared = ((JsonArray?)Spec["paths"]![row.PathTemplate]!["parameters"] ?? new JsonArray())
            .Concat((JsonArray?)operation["parameters"] ?? new JsonArray())
            .ToList();

        var query = declared.Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(query, row.QueryParameters.OrderBy(n => n, StringComparer.Ordinal));
        var path = declared.Where(p => (string?)p!["in"] == "path").Select(p => (string)p!["name"]!).ToList();
        Assert.All(path, name => Assert.Contains(name, row.PathParameters));
        Assert.Equal(operation["requestBody"] is not null, row.RequestBody is not null);
    }

    [Theory]
    [MemberData(nameof(RowsWithARequestBody))]
    public void EachRequestContract_SendsOnlyWhatTheSchemaDeclares_AndAlwaysItsRequiredMembers(string id)
    {
        var row = Row(id);
        var schema = SpecOperation(row)!["requestBody"]!["content"]!["application/json"]!["schema"]!;

        var problems = Compare(row.RequestBody!, schema, $"{row.Id} request body");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(RowsWithADocumentedResponse))]
    public void EachResponseContract_ReadsTheSchemasMembers_RequiringExactlyItsRequiredOnes(string id)
    {
        var row = Row(id);
        var schema = SpecOperation(row)!["responses"]![row.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"]!["application/json"]!["schema"]!;

        var problems = Compare(row.ResponseBody!, schema, $"{row.Id} response");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheComparison_FindsAStrayRequestMember_AMissingRequiredOne_AndARequiredOneThatIsNot()
    {
        // The comparison itself, on schemas that differ from the DTO on purpose.
        var schema = JsonNode.Parse("""{"type":"object","properties":{"phoneNumber":{"type":"string"}},"required":[]}""")!;
        var other = JsonNode.Parse("""{"type":"object","properties":{"number":{"type":"string"},"phoneNumber":{"type":"string"}},"required":["number","phoneNumber"]}""")!;

        var problems = Compare(ApiJsonContext.Wire.LookupConnectorBody, schema, "test").Concat(Compare(ApiJsonContext.Wire.LookupConnectorBody, other, "test")).ToList();

        Assert.Contains(problems, p => p.Contains("'phoneNumber' is required by the DTO but not by the schema", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'number' is required by the schema but the DTO has no such member", StringComparison.Ordinal));
        var stray = Compare(ApiJsonContext.Wire.ImportPhoneNumbersBody, schema, "test");
        Assert.Contains(stray, p => p.Contains("'phoneNumbers' is not declared by the schema", StringComparison.Ordinal));
    }

    // ---- Reading the spec ---------------------------------------------------------------------------------------

    private static ApiOperation Row(string id) => ApiOperations.All.Single(o => o.Id == id);

    private sealed record SpecEntry(string Method, string Path, string Summary);

    private static List<SpecEntry> SpecOperations() =>
        Spec["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(entry => Methods.Contains(entry.Key))
                .Select(entry => new SpecEntry(entry.Key, path.Key, (string?)entry.Value!["summary"] ?? "")))
            .ToList();

    private static bool Same(ApiOperation row, string method, string path) =>
        string.Equals(row.Method.Method, method, StringComparison.OrdinalIgnoreCase) && row.PathTemplate == path;

    private static JsonNode? SpecOperation(ApiOperation row) =>
        Spec["paths"]![row.PathTemplate]?[row.Method.Method.ToLowerInvariant()];

    /// <summary>$ref to a component, and an allOf of one schema, are the schema they name.</summary>
    private static JsonNode Resolve(JsonNode schema)
    {
        while (true)
        {
            if (schema["$ref"] is { } reference)
            {
                var name = ((string)reference!).Split('/').Last();
                schema = Spec["components"]!["schemas"]![name]!;
            }
            else if (schema["allOf"] is JsonArray { Count: 1 } all)
            {
                schema = all[0]!;
            }
            else
            {
                return schema;
            }
        }
    }

    /// <summary>What differs between a DTO's JSON contract and a schema, member by member, nested types included.</summary>
    private static List<string> Compare(JsonTypeInfo contract, JsonNode schema, string where)
    {
        var problems = new List<string>();
        CompareInto(contract, Resolve(schema), where, problems);
        return problems;
    }

    private static void CompareInto(JsonTypeInfo contract, JsonNode schema, string where, List<string> problems)
    {
        var type = Nullable.GetUnderlyingType(contract.Type) ?? contract.Type;
        if (type == typeof(JsonElement))
        {
            return; // any JSON value: kept raw on purpose (e.g. an item read on its own, or an explicit null)
        }

        var schemaType = (string?)schema["type"];
        switch (contract.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                if (schemaType != "array")
                {
                    problems.Add($"{where}: the DTO is a list, the schema a(n) {schemaType}.");
                    return;
                }

                CompareInto(ContractOf(contract.ElementType!), Resolve(schema["items"]!), where + "[]", problems);
                return;

            case JsonTypeInfoKind.Object:
                if (schemaType != "object")
                {
                    problems.Add($"{where}: the DTO is an object, the schema a(n) {schemaType}.");
                    return;
                }

                var properties = schema["properties"]?.AsObject() ?? new JsonObject();
                var required = ((JsonArray?)schema["required"] ?? new JsonArray()).Select(r => (string)r!).ToHashSet(StringComparer.Ordinal);
                foreach (var property in contract.Properties)
                {
                    if (!properties.ContainsKey(property.Name))
                    {
                        problems.Add($"{where}: '{property.Name}' is not declared by the schema.");
                        continue;
                    }

                    if (property.IsRequired && !required.Contains(property.Name))
                    {
                        problems.Add($"{where}: '{property.Name}' is required by the DTO but not by the schema.");
                    }
                    else if (!property.IsRequired && required.Contains(property.Name))
                    {
                        problems.Add($"{where}: '{property.Name}' is required by the schema but not by the DTO.");
                    }

                    CompareInto(ContractOf(property.PropertyType), Resolve(properties[property.Name]!), $"{where}.{property.Name}", problems);
                }

                foreach (var name in required.Where(name => contract.Properties.All(p => p.Name != name)))
                {
                    problems.Add($"{where}: '{name}' is required by the schema but the DTO has no such member.");
                }

                return;

            default:
                var expected = type == typeof(string) ? "string"
                    : type == typeof(bool) ? "boolean"
                    : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? "number"
                    : type == typeof(int) || type == typeof(long) ? "integer"
                    : null;
                if (schemaType is not null && expected is not null && schemaType != expected && !(expected == "integer" && schemaType == "number"))
                {
                    problems.Add($"{where}: the DTO reads a(n) {expected}, the schema says {schemaType}.");
                }

                return;
        }
    }

    private static JsonTypeInfo ContractOf(Type type) => ApiJsonContext.Wire.GetTypeInfo(type)
        ?? throw new InvalidOperationException($"{type} is not in the source-generated contract.");
}
