using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PolyAI.Agents.Changes;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>Line diffs of texts (what a What-if shows of behavior rules and topic content) and the comparison of
/// two branches (what a merge would apply).</summary>
public sealed class ChangeTests
{
    private static string Lines(params string[] lines) => string.Join("\n", lines);

    [Fact]
    public void ADiff_ShowsTheChangedLines_WithTwoLinesOfContext_InAUnifiedHunk()
    {
        var before = Lines("1", "2", "3", "4", "5", "6", "7");
        var after = Lines("1", "2", "3", "four", "5", "6", "7", "8");

        var diff = TextDiff.Of(before, after);

        Assert.Equal(new[]
        {
            "@@ -2,6 +2,7 @@", "  2", "  3", "- 4", "+ four", "  5", "  6", "  7", "+ 8",
        }, diff.DiffLines);
        Assert.Equal((2, 1), (diff.Added, diff.Removed));
        Assert.Equal("2 lines changed (+2 -1)", diff.Summary);
    }

    [Fact]
    public void ChangesFarApart_AreHunksOfTheirOwn()
    {
        var before = Lines(Enumerable.Range(1, 20).Select(i => i.ToString()).ToArray());
        var after = before.Replace("\n3\n", "\nthree\n").Replace("\n17\n", "\nseventeen\n");

        var hunks = TextDiff.Of(before, after).DiffLines.Where(l => l.StartsWith("@@", StringComparison.Ordinal)).ToList();

        Assert.Equal(new[] { "@@ -1,5 +1,5 @@", "@@ -15,5 +15,5 @@" }, hunks);
    }

    [Fact]
    public void EqualTexts_HaveNoDiff_WhateverTheirLineEndings()
    {
        var diff = TextDiff.Of("a\r\nb\r\n", "a\nb\n");

        Assert.True(diff.IsEmpty);
        Assert.Empty(diff.DiffLines);
        Assert.Equal("no lines changed", diff.Summary);
    }

    [Fact]
    public void ALongDiff_IsCut_WithACountOfWhatWasLeftOut()
    {
        var diff = TextDiff.Of(string.Empty, Lines(Enumerable.Range(1, 50).Select(i => $"line {i}").ToArray()));

        var shown = diff.Render(10);

        Assert.Equal(11, shown.Count);
        Assert.Equal($"... {diff.DiffLines.Count - 10} more lines of the diff not shown", shown[10]);
        Assert.Same(diff.DiffLines, diff.Render(diff.DiffLines.Count));
    }

    private static KnowledgeTopic Topic(string id, string name, string content = "c", bool active = true, params string[] queries) =>
        new("A", "b", id, name, content, "", queries, active, new Dictionary<string, object?>());

    private static BranchContent Content(string rules, params KnowledgeTopic[] topics) =>
        new(rules, topics, Array.Empty<PolyAI.Agents.Attribute>(), Array.Empty<Variant>());

    private static Variant Variant(string id, string name, bool isDefault, params (string Key, string Value)[] values) =>
        new("A", "b", id, name, isDefault, values.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public void AttributesAndVariants_AreComparedLikeTopics_AndAVariantsChangedValuesAreNamed()
    {
        var main = new BranchContent("r", Array.Empty<KnowledgeTopic>(),
            new[] { new PolyAI.Agents.Attribute("A", "main", "a1", "site"), new PolyAI.Agents.Attribute("A", "main", "a2", "hours") },
            new[] { Variant("v1", "London", true, ("site", "London"), ("hours", "9-5")), Variant("v2", "New York", false, ("site", "NYC")) });
        var branch = new BranchContent("r", Array.Empty<KnowledgeTopic>(),
            new[] { new PolyAI.Agents.Attribute("A", "b", "a1", "site"), new PolyAI.Agents.Attribute("A", "b", "a3", "phone") },
            new[] { Variant("v1", "London", true, ("hours", "9-6"), ("site", "London")), Variant("v2", "New York", false, ("site", "NYC")) });

        var changes = BranchComparison.Compare("A", "b", "main", branch, main);

        Assert.Equal(new[] { "Attribute/Added/phone", "Attribute/Removed/hours", "Variant/Changed/London" }, changes.Select(c => $"{c.Area}/{c.Change}/{c.Name}"));
        Assert.Equal("variant 'London': changed attributeValues (hours)", changes[2].Summary);
        Assert.Equal("attributes: added 'phone', removed 'hours'; variants: changed 'London'", BranchComparison.Summarize(changes));
    }

    [Fact]
    public void EqualBranches_HaveNoChanges()
    {
        var topics = new[] { Topic("t1", "Hours") };

        var changes = BranchComparison.Compare("A", "b1", "main", Content("rules", topics), Content("rules", topics));

        Assert.Empty(changes);
        Assert.Equal("no differences", BranchComparison.Summarize(changes));
    }

    [Fact]
    public void ABranch_ThatChangesTheRulesAndTopics_HasOneChangePerDifference()
    {
        var main = new[] { Topic("t1", "Hours", "9-5"), Topic("t2", "Promo"), Topic("t3", "Parking", queries: "Can I park?") };
        var branch = new[] { Topic("t1", "Hours", "9-6", active: false), Topic("t3", "Parking", queries: "Can I park?"), Topic("t4", "Wifi") };

        var changes = BranchComparison.Compare("A", "b1", "main", Content("Be kind.\nBe brief.", branch), Content("Be kind.", main));

        Assert.Equal(new[] { "Behavior/Changed/behavior", "KnowledgeTopic/Changed/Hours", "KnowledgeTopic/Added/Wifi", "KnowledgeTopic/Removed/Promo" },
            changes.Select(c => $"{c.Area}/{c.Change}/{c.Name}"));
        var hours = changes[1];
        Assert.Equal(new[] { "content", "isActive" }, hours.Fields);
        Assert.Equal("topic 'Hours': changed content (1 line changed (+1 -1)), isActive", hours.Summary);
        Assert.Equal("9-5", ((IReadOnlyDictionary<string, object?>)hours.Before!)["content"]);
        Assert.Null(changes[2].Before);
        Assert.Null(changes[3].After);
        Assert.Equal("behavior: 1 line changed (+1 -0); topics: changed 'Hours', added 'Wifi', removed 'Promo'", BranchComparison.Summarize(changes));
    }

    [Fact]
    public void TopicContent_ThatDiffersOnlyInLineEndings_IsNoChange()
    {
        var changes = BranchComparison.Compare("A", "b1", "main", Content("r", Topic("t1", "Hours", "Mon\r\nTue")), Content("r", Topic("t1", "Hours", "Mon\nTue")));

        Assert.Empty(changes);
    }

    [Fact]
    public void TopicsWithOtherIds_AreMatchedByName()
    {
        var changes = BranchComparison.Compare("A", "b1", "main", Content("r", Topic("branch-copy-1", "Hours", "new")), Content("r", Topic("t1", "Hours", "old")));

        var change = Assert.Single(changes);
        Assert.Equal(BranchChange.Changed, change.Change);
    }

    [Fact]
    public void TheChanges_AreTheirOwnPlan_AsJson()
    {
        var changes = BranchComparison.Compare("A", "b1", "main", Content("new", Topic("t1", "Hours", "9-6")), Content("old", Topic("t1", "Hours", "9-5")));

        var json = JsonSerializer.Serialize(changes, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Contains("\"Summary\":\"behavior: 1 line changed (+1 -1)\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Before\":{\"name\":\"Hours\",\"content\":\"9-5\"", json, StringComparison.Ordinal);
    }
}
