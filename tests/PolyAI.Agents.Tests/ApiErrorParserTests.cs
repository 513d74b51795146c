using System.Linq;
using PolyAI.Agents.Client;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>ApiErrorParser.Parse and Excerpt, without HTTP.</summary>
public sealed class ApiErrorParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public void BlankBody_IsNone(string? body)
    {
        Assert.Same(ApiError.None, ApiErrorParser.Parse(body));
    }

    [Fact]
    public void JsonArrayBody_BecomesAnExcerpt_NotACrash()
    {
        var error = ApiErrorParser.Parse("""[{"message":"first"},{"message":"second"}]""");

        Assert.Null(error.Code);
        Assert.Null(error.CorrelationId);
        Assert.Equal("""[{"message":"first"},{"message":"second"}]""", error.Message);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"just a string\"")]
    [InlineData("true")]
    public void JsonScalarBody_BecomesAnExcerpt(string body)
    {
        var error = ApiErrorParser.Parse(body);

        Assert.Null(error.Code);
        Assert.Equal(body, error.Message);
    }

    [Fact]
    public void NumericIds_AreReadAsText()
    {
        var platform = ApiErrorParser.Parse("""{"error_code":14100,"error_message":"gone","error_id":987654321}""");
        var nested = ApiErrorParser.Parse("""{"error":{"code":14100,"id":14100,"message":"gone","correlation_id":12345}}""");

        Assert.Equal("14100", platform.Code);
        Assert.Equal("987654321", platform.CorrelationId);
        Assert.Equal("14100", nested.Code);
        Assert.Equal("12345", nested.CorrelationId);
    }

    [Fact]
    public void NonTextValues_AreIgnored_NotStringified()
    {
        var error = ApiErrorParser.Parse("""{"error_code":{"x":1},"error_message":["a"],"error":"Not Found","error_id":null}""");

        Assert.Null(error.Code);
        Assert.Equal("Not Found", error.Message);
        Assert.Null(error.CorrelationId);
    }

    [Fact]
    public void NestedErrorString_IsUsedAsTheMessage()
    {
        var error = ApiErrorParser.Parse("""{"error":"Unauthorized"}""");

        Assert.Equal("Unauthorized", error.Message);
        Assert.Null(error.Code);
    }

    [Theory]
    [InlineData("""{"detail":"Method Not Allowed"}""", "Method Not Allowed")]
    [InlineData("""{"title":"Precondition Failed"}""", "Precondition Failed")]
    [InlineData("""{"message":"m","detail":"d"}""", "m")]
    public void OtherCommonShapes_GiveAMessage(string body, string message)
    {
        Assert.Equal(message, ApiErrorParser.Parse(body).Message);
    }

    [Fact]
    public void ValidationList_WithoutTopLevelMessage_JoinsTheItems()
    {
        var error = ApiErrorParser.Parse("""{"errors":[{"field":"name","message":"required"},{"message":"bad body"},"ignored",{}]}""");

        Assert.Equal("name: required; bad body", error.Message);
    }

    [Fact]
    public void ValidationList_Empty_KeepsTheTopLevelMessage()
    {
        Assert.Equal("Validation failed", ApiErrorParser.Parse("""{"message":"Validation failed","errors":[]}""").Message);
    }

    [Fact]
    public void EmptyJsonObject_HasNoParts()
    {
        var error = ApiErrorParser.Parse("{}");

        Assert.Null(error.Code);
        Assert.Null(error.Message);
        Assert.Null(error.CorrelationId);
    }

    [Fact]
    public void TruncatedJson_BecomesAnExcerpt()
    {
        Assert.Equal("""{"error_code":"X","error_mess""", ApiErrorParser.Parse("""{"error_code":"X","error_mess""").Message);
    }

    [Fact]
    public void WithCorrelationId_FillsOnlyAnEmptyId()
    {
        var none = new ApiError("C", "M", null);
        var some = new ApiError("C", "M", "body-id");

        Assert.Equal("header-id", none.WithCorrelationId("header-id").CorrelationId);
        Assert.Equal("body-id", some.WithCorrelationId("header-id").CorrelationId);
        Assert.Same(none, none.WithCorrelationId(null));
        Assert.Same(none, none.WithCorrelationId(""));
    }

    [Fact]
    public void Excerpt_DropsScriptAndStyleBlocksAndTags()
    {
        var text = ApiErrorParser.Excerpt("<html><head><STYLE>p{color:red}</STYLE><script>alert('x')</script></head><body><p>Service <b>Unavailable</b></p></body></html>");

        Assert.Equal("Service Unavailable", text);
    }

    [Fact]
    public void Excerpt_DecodesEntities_AndCollapsesWhitespaceAndControlCharacters()
    {
        Assert.Equal("Fish & Chips © 2026 ok", ApiErrorParser.Excerpt("Fish &amp; Chips\r\n\t&copy;   2026\u0000\u0007ok"));
    }

    [Fact]
    public void Excerpt_KeepsShortTextAsItIs()
    {
        Assert.Equal("Bad Gateway", ApiErrorParser.Excerpt("  Bad Gateway \n"));
    }

    [Fact]
    public void Excerpt_CutsLongTextTo200CharactersWithAnEllipsis()
    {
        var text = ApiErrorParser.Excerpt(new string('a', 500));

        Assert.Equal(ApiErrorParser.MaxExcerptLength, text.Length);
        Assert.EndsWith("…", text, System.StringComparison.Ordinal);
        Assert.Equal(new string('a', 199), text[..199]);
    }

    [Fact]
    public void Excerpt_NeverSplitsASurrogatePair()
    {
        var text = ApiErrorParser.Excerpt(new string('a', 198) + "\U0001F600" + new string('b', 50));

        Assert.True(text.Length <= ApiErrorParser.MaxExcerptLength);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                Assert.True(i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]), $"lone high surrogate at {i}");
            }
        }
    }

    [Fact]
    public void Excerpt_OfExactly200Characters_IsNotCut()
    {
        var body = new string('b', 200);

        Assert.Equal(body, ApiErrorParser.Excerpt(body));
    }

    [Fact]
    public void Excerpt_OfMarkupOnly_IsEmpty()
    {
        Assert.Equal(string.Empty, ApiErrorParser.Excerpt("<html><head><script>x()</script></head><body></body></html>"));
    }

    [Fact]
    public void Excerpt_HasNoLineBreaks()
    {
        var text = ApiErrorParser.Excerpt(string.Join("\n", Enumerable.Repeat("<p>line</p>", 10)));

        Assert.DoesNotContain('\n', text);
        Assert.Equal(string.Join(" ", Enumerable.Repeat("line", 10)), text);
    }
}
