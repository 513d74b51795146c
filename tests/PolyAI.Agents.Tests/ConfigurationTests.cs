using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PolyAI.Agents.Changes;
using PolyAI.Agents.Client;
using PolyAI.Agents.Json;
using PolyAI.Agents.Tests.Support;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>Real-time config changes worked out before sending (merge, old -> new, the schema check) and variant values.</summary>
public sealed class ConfigurationTests
{
    private static RealTimeConfig Page() => PolyAiClient.Map("PROJECT-DEMO", JsonSerializer.Deserialize(AuthoringSamples.ConfigPage, PolyAI.Agents.Contract.ApiJsonContext.Default.ConfigPageDto));

    private static JsonElement Json(string text) => AuthoringSamples.Json(text);

    [Fact]
    public void AChange_ListsEachVariableOldToNew_AndTheOnesItAdds_AndLeavesOutTheSame()
    {
        var plan = ConfigChange.OfVariables(Page(), Json("""{"openingHours":"08:00-20:00","holidayMessage":"Closed on Monday","maxQueueMinutes":10}"""), validate: true);

        Assert.Empty(plan.Violations);
        Assert.Equal("openingHours \"09:00-17:00\" -> \"08:00-20:00\", holidayMessage (new) -> \"Closed on Monday\"", plan.DescribeVariables());
    }

    [Fact]
    public void AValueThatFailsThePattern_IsAViolation_NamingTheVariableTheValueAndTheRule()
    {
        var plan = ConfigChange.OfVariables(Page(), Json("""{"openingHours":"9am to 5pm"}"""), validate: true);

        var violation = Assert.Single(plan.Violations);
        Assert.Equal("openingHours", violation.Variable);
        Assert.Equal("\"9am to 5pm\"", violation.Value);
        Assert.Equal("pattern", violation.Rule);
        Assert.StartsWith("'openingHours' = \"9am to 5pm\": ", plan.DescribeViolations(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"maxQueueMinutes":90}""", "maxQueueMinutes", "maximum")]
    [InlineData("""{"maxQueueMinutes":"ten"}""", "maxQueueMinutes", "type")]
    [InlineData("""{"transferNumber":"020 7123 4500"}""", "transferNumber", "pattern")]
    public void EachKindOfRule_IsChecked(string changes, string variable, string rule)
    {
        var violation = Assert.Single(ConfigChange.OfVariables(Page(), Json(changes), validate: true).Violations);

        Assert.Equal((variable, rule), (violation.Variable, violation.Rule));
    }

    [Fact]
    public void TheMergedVariables_AreChecked_SoARequiredVariableAlreadyThereIsNoViolation()
    {
        var merged = ConfigSchema.Merge(Page().VariablesJson, Json("""{"maxQueueMinutes":5}"""));

        Assert.Equal("""{"openingHours":"09:00-17:00","transferNumber":"+442071234500","maxQueueMinutes":5}""", ConfigSchema.Text(merged));
        Assert.Empty(ConfigChange.OfVariables(Page(), Json("""{"maxQueueMinutes":5}"""), validate: true).Violations);
    }

    [Fact]
    public void WithoutValidation_NothingIsChecked_AndWithoutThePage_OnlyTheNewValuesAreShown()
    {
        Assert.Empty(ConfigChange.OfVariables(Page(), Json("""{"openingHours":"bad"}"""), validate: false).Violations);
        Assert.Equal("openingHours -> \"08:00\"", ConfigChange.OfVariables(null, Json("""{"openingHours":"08:00"}"""), validate: true).DescribeVariables());
    }

    [Fact]
    public void ANewSchema_SaysWhichOfTodaysVariablesFailIt()
    {
        var plan = ConfigChange.OfSchema(Page(), Json("""{"type":"object","properties":{"maxQueueMinutes":{"type":"integer","maximum":5}}}"""));

        var violation = Assert.Single(plan.Violations);
        Assert.Equal(("maxQueueMinutes", "10", "maximum"), (violation.Variable, violation.Value, violation.Rule));
    }

    [Theory]
    [InlineData("""{"type":"strin"}""")]
    [InlineData("""{"type":"object","minimum":"zero"}""")]
    [InlineData("""{"required":"openingHours"}""")]
    public void ASchemaTheValidatorCannotRead_IsAnArgumentException(string schema)
    {
        Assert.Throws<ArgumentException>(() => ConfigChange.OfSchema(Page(), Json(schema)));
    }

    [Fact]
    public void VariablesThatAreNotAnObject_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => ConfigChange.OfVariables(Page(), Json("[1,2]"), validate: true));
    }

    [Fact]
    public void VariantValues_AreText_ANullRemovesOne_AndNestedValuesAreRefused()
    {
        var values = VariantValues.FromJson(Json("""{"site":"Leeds","floor":3,"open":true,"openingHours":null}"""));

        Assert.Equal(new Dictionary<string, string?> { ["site"] = "Leeds", ["floor"] = "3", ["open"] = "true", ["openingHours"] = null }, values);
        var error = Assert.Throws<ArgumentException>(() => VariantValues.FromJson(Json("""{"site":["a"]}""")));
        Assert.Contains("'site'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VariantValues_MergeIntoTheCurrentOnes_AndTheChangesAreOldToNew()
    {
        var current = new Dictionary<string, string> { ["site"] = "London", ["openingHours"] = "09:00-17:00" };
        var changes = new Dictionary<string, string?> { ["site"] = "Leeds", ["openingHours"] = null, ["phone"] = "+44", ["same"] = null };

        Assert.Equal(new Dictionary<string, string> { ["site"] = "Leeds", ["phone"] = "+44" }, VariantValues.Merge(current, changes));
        Assert.Equal(new[] { ("site", (string?)"London", (string?)"Leeds"), ("openingHours", "09:00-17:00", null), ("phone", null, "+44") }, VariantValues.Changes(current, changes));
        Assert.Equal(new Dictionary<string, string> { ["site"] = "Leeds", ["phone"] = "+44" }, VariantValues.ForNew(changes));
    }

    [Fact]
    public void APage_GivesPlainValues_ThatSerializeAsTheApiSentThem()
    {
        var page = Page();

        Assert.Equal(10L, page.Variables["maxQueueMinutes"]);
        Assert.Equal("object", page.Schema["type"]);
        Assert.Contains("\"openingHours\":\"09:00-17:00\"", JsonSerializer.Serialize(page.Variables), StringComparison.Ordinal);
        Assert.Equal("""{"openingHours":"09:00-17:00","transferNumber":"+442071234500","maxQueueMinutes":10}""", page.Variables.ToString());
    }

    [Fact]
    public void AVariantsValues_ReadAsText_AsTheValuesThemselves()
    {
        var variant = PolyAiClient.Map("A", "main", JsonSerializer.Deserialize(AuthoringSamples.Variant, PolyAI.Agents.Contract.ApiJsonContext.Default.VariantDto));

        Assert.Equal("site=London; openingHours=09:00-17:00", variant.AttributeValues.ToString());
        Assert.Equal("London", variant.AttributeValues["site"]);
    }
}
