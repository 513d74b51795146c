using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Text.Json;
using PolyAI.Agents.Json;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>JSON without a contract: reading undocumented objects (typed fields, the rest kept) and turning
/// free-form input into the JSON that is sent.</summary>
public sealed class JsonValueTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void AnUndocumentedObject_GivesItsNamedFieldsTyped_AndKeepsEveryOtherFieldInOrder()
    {
        var reader = new JsonObjectReader(Parse("""{"z":1,"id":"b1","name":"fix","isActive":true,"nested":{"a":[1,2.5,"x",null,false]},"empty":null}"""), "branch");

        Assert.Equal("b1", reader.RequiredString("id"));
        Assert.Equal("fix", reader.OptionalString("name"));
        Assert.True(reader.OptionalBoolean("isActive"));
        Assert.Null(reader.OptionalString("missing"));
        var rest = reader.Rest();

        Assert.Equal(new[] { "z", "nested", "empty" }, rest.Keys);
        Assert.Equal(1L, rest["z"]);
        Assert.Null(rest["empty"]);
        var nested = Assert.IsType<Dictionary<string, object?>>(rest["nested"]);
        Assert.Equal(new object?[] { 1L, 2.5, "x", null, false }, Assert.IsType<object?[]>(nested["a"]));
    }

    [Theory]
    [InlineData("""{"name":"x"}""")]
    [InlineData("""{"id":null}""")]
    public void AnUndocumentedObject_WithoutTheIdItIsAddressedBy_IsInvalid(string json)
    {
        var reader = new JsonObjectReader(Parse(json), "branch");

        Assert.Throws<JsonException>(() => reader.RequiredString("id"));
    }

    [Theory]
    [InlineData("""{"id":5}""")]
    [InlineData("""{"id":{"x":1}}""")]
    public void AFieldOfTheWrongKind_IsInvalid_NotConverted(string json)
    {
        var reader = new JsonObjectReader(Parse(json), "branch");

        Assert.Throws<JsonException>(() => reader.OptionalString("id"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void SomethingThatIsNotAnObject_IsInvalid(string json)
    {
        Assert.Throws<JsonException>(() => new JsonObjectReader(Parse(json), "branch"));
    }

    // ---- Free-form input ------------------------------------------------------------------------------------------

    private static string Json(object? value) => JsonInput.ToElement(value, "-Value").GetRawText();

    [Fact]
    public void Dictionaries_Lists_AndScalars_BecomeTheirJson()
    {
        var ordered = new OrderedDictionary { ["b"] = 1, ["a"] = new Hashtable { ["x"] = true } };
        var value = new Dictionary<string, object?>
        {
            ["ordered"] = ordered,
            ["list"] = new List<object?> { "+442071234567", 2.5, null, 'c', 7L, 3.0m },
            ["when"] = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero),
            ["kind"] = DayOfWeek.Monday,
            ["id"] = Guid.Empty,
        };

        Assert.Equal(
            """{"ordered":{"b":1,"a":{"x":true}},"list":["+442071234567",2.5,null,"c",7,3.0],"when":"2026-12-01T09:30:00.0000000+00:00","kind":"Monday","id":"00000000-0000-0000-0000-000000000000"}""",
            Json(value));
    }

    [Fact]
    public void AStringAtTheTop_IsJsonText()
    {
        Assert.Equal("""{"a":[1,2]}""", JsonInput.ToElement("""{ "a": [1, 2] }""", "-Body").GetRawText().Replace(" ", ""));
        Assert.Equal("\"x\"", Json(new[] { "x" })[1..^1]);
    }

    [Fact]
    public void AStringAtTheTop_ThatIsNotJson_IsRefused_NamingTheParameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => JsonInput.ToElement("opening hours", "-Body"));

        Assert.Contains("-Body is a string but not JSON text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueThatContainsItself_IsRefused_NamingWhere()
    {
        var outer = new Hashtable();
        var inner = new Hashtable { ["back"] = outer };
        outer["inner"] = inner;

        var ex = Assert.Throws<ArgumentException>(() => Json(outer));

        Assert.Contains("-Value.inner.back contains itself", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameValueTwice_SideBySide_IsNotACycle()
    {
        var shared = new Hashtable { ["x"] = 1 };

        Assert.Equal("""{"a":{"x":1},"b":{"x":1}}""", Json(new OrderedDictionary { ["a"] = shared, ["b"] = shared }));
    }

    [Fact]
    public void NestingDeeperThanTheLimit_IsRefused()
    {
        object value = "leaf";
        for (var i = 0; i < JsonInput.MaxDepth + 1; i++)
        {
            value = new List<object> { value };
        }

        var ex = Assert.Throws<ArgumentException>(() => Json(value));

        Assert.Contains($"nested more than {JsonInput.MaxDepth} levels", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NumbersJsonCannotHold_AreRefused(double number)
    {
        Assert.Throws<ArgumentException>(() => Json(new Hashtable { ["n"] = number }));
    }

    [Fact]
    public void OtherObjects_AreRefused_SayingWhatIsAccepted()
    {
        var ex = Assert.Throws<ArgumentException>(() => Json(new Hashtable { ["file"] = new System.IO.FileInfo("x") }));

        Assert.Contains("-Value.file is a System.IO.FileInfo, which cannot be sent as JSON: give a hashtable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyThatIsNotAString_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Json(new Hashtable { [1] = "x" }));
    }

    [Fact]
    public void TheHostsAdaptation_RunsOnEveryValue_WithWhereItIs()
    {
        var seen = new List<string>();
        var element = JsonInput.ToElement(new Hashtable { ["a"] = 41 }, "-Value", (value, path) =>
        {
            seen.Add(path);
            return value is int number ? number + 1 : value;
        });

        Assert.Equal("""{"a":42}""", element.GetRawText());
        Assert.Contains("-Value.a", seen);
    }
}
