using System;
using System.Collections.Generic;
using System.Linq;
using DiffPlex;
using DiffPlex.Chunkers;

namespace PolyAI.Agents.Changes;

/// <summary>
/// A line diff of two texts in unified style, for What-if text and reviews: hunks headed "@@ -a,b +c,d @@", lines
/// "- " removed, "+ " added, "  " unchanged context around each change. The diff itself is DiffPlex's.
/// </summary>
internal sealed class TextDiff
{
    private static readonly LineChunker Lines = new();

    private TextDiff(IReadOnlyList<string> lines, int added, int removed)
    {
        DiffLines = lines;
        Added = added;
        Removed = removed;
    }

    /// <summary>The diff, one entry per line.</summary>
    public IReadOnlyList<string> DiffLines { get; }

    public int Added { get; }

    public int Removed { get; }

    public bool IsEmpty => Added == 0 && Removed == 0;

    /// <summary>"3 lines changed (+2 -1)", or "no lines changed".</summary>
    public string Summary => IsEmpty ? "no lines changed" : $"{Math.Max(Added, Removed)} line{(Math.Max(Added, Removed) == 1 ? "" : "s")} changed (+{Added} -{Removed})";

    /// <summary>The lines of the diff, at most <paramref name="maxLines"/>, then how many were left out.</summary>
    public IReadOnlyList<string> Render(int maxLines)
    {
        if (DiffLines.Count <= maxLines)
        {
            return DiffLines;
        }

        var shown = DiffLines.Take(maxLines).ToList();
        shown.Add($"... {DiffLines.Count - maxLines} more line{(DiffLines.Count - maxLines == 1 ? "" : "s")} of the diff not shown");
        return shown;
    }

    /// <summary>The diff of <paramref name="before"/> and <paramref name="after"/> with <paramref name="context"/>
    /// unchanged lines around each change (changes closer than twice that share a hunk). Line endings do not count.</summary>
    public static TextDiff Of(string? before, string? after, int context = 2)
    {
        var result = Differ.Instance.CreateDiffs(Normalize(before), Normalize(after), false, false, Lines);
        var old = result.PiecesOld;
        var @new = result.PiecesNew;
        var blocks = result.DiffBlocks.OrderBy(b => b.DeleteStartA).ToList();
        var lines = new List<string>();
        var added = 0;
        var removed = 0;
        var next = 0;
        while (next < blocks.Count)
        {
            var group = new List<DiffPlex.Model.DiffBlock> { blocks[next++] };
            while (next < blocks.Count && blocks[next].DeleteStartA - End(group[group.Count - 1]) <= 2 * context)
            {
                group.Add(blocks[next++]);
            }

            var first = group[0];
            var last = group[group.Count - 1];
            var startA = Math.Max(0, first.DeleteStartA - context);
            var endA = Math.Min(old.Count, End(last) + context);
            var startB = first.InsertStartB - (first.DeleteStartA - startA);
            var endB = last.InsertStartB + last.InsertCountB + (endA - End(last));
            lines.Add($"@@ -{startA + 1},{endA - startA} +{startB + 1},{endB - startB} @@");
            var a = startA;
            foreach (var block in group)
            {
                for (; a < block.DeleteStartA; a++)
                {
                    lines.Add("  " + old[a]);
                }

                for (var i = 0; i < block.DeleteCountA; i++, removed++)
                {
                    lines.Add("- " + old[block.DeleteStartA + i]);
                }

                for (var i = 0; i < block.InsertCountB; i++, added++)
                {
                    lines.Add("+ " + @new[block.InsertStartB + i]);
                }

                a = End(block);
            }

            for (; a < endA; a++)
            {
                lines.Add("  " + old[a]);
            }
        }

        return new TextDiff(lines, added, removed);
    }

    private static int End(DiffPlex.Model.DiffBlock block) => block.DeleteStartA + block.DeleteCountA;

    internal static string Normalize(string? text) => (text ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n');
}
