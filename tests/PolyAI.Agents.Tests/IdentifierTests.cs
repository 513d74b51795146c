using System;
using PolyAI.Agents.Client;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>Identifier: E.164 and blank-id rules.</summary>
public sealed class IdentifierTests
{
    [Theory]
    [InlineData("+442071234567")]
    [InlineData("+15550100001")]
    [InlineData("+123456789012345")] // 15 digits, the E.164 maximum
    [InlineData("+12")]
    [InlineData("+4420712345670")]
    public void ValidE164_IsAccepted(string number)
    {
        Assert.True(Identifier.IsE164(number));
        Identifier.EnsureE164(number);
    }

    [Theory]
    [InlineData("442071234567")] // missing +
    [InlineData("+0442071234567")] // leading 0 after +
    [InlineData("+44207123456A")] // letter
    [InlineData("+44 20 7123 4567")] // spaces
    [InlineData("+44-20-7123-4567")] // punctuation
    [InlineData("+1234567890123456")] // 16 digits
    [InlineData("+")]
    [InlineData("+1")] // no subscriber digits
    [InlineData("")]
    [InlineData(" +442071234567")]
    [InlineData("+442071234567\n")]
    [InlineData("++442071234567")]
    [InlineData("+４４２０７１２３４５６７")] // full-width digits
    [InlineData("+٤٤٢٠٧١٢٣٤٥٦٧")] // Arabic-Indic digits
    [InlineData(null)]
    public void InvalidE164_IsRefused(string? number)
    {
        Assert.False(Identifier.IsE164(number));
        var ex = Assert.Throws<ArgumentException>(() => Identifier.EnsureE164(number));
        Assert.Contains("E.164", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureE164_Message_QuotesTheValueAndShowsAnExample()
    {
        var ex = Assert.Throws<ArgumentException>(() => Identifier.EnsureE164("020 7123 4567"));

        Assert.Contains("'020 7123 4567'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("+442071234567", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    [InlineData("\u00A0")] // no-break space
    public void EnsureValid_RefusesBlankIds_NamingWhatWasBlank(string? value)
    {
        var ex = Assert.Throws<ArgumentException>(() => Identifier.EnsureValid(value, "connector id"));

        Assert.Contains("connector id", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c")]
    [InlineData(" c ")]
    [InlineData("conn_abc123")]
    public void EnsureValid_AcceptsNonBlankIds(string value)
    {
        Identifier.EnsureValid(value, "connector id");
    }
}
