using System;
using System.Collections.Generic;

namespace PolyAI.Agents.Client;

/// <summary>The fields of a knowledge-base topic to create (name and content required) or to change (only those
/// set are sent). Checked as the schema checks them, before anything is sent.</summary>
internal sealed class TopicFields
{
    public const int MaxExampleQueries = 100;

    public string? Name { get; init; }

    public string? Content { get; init; }

    public string? Actions { get; init; }

    public IReadOnlyList<string>? ExampleQueries { get; init; }

    public bool? IsActive { get; init; }

    public bool SetsNothing => Name is null && Content is null && Actions is null && ExampleQueries is null && IsActive is null;

    public void Validate(bool creating)
    {
        if (Name is not null ? Name.Length == 0 : creating)
        {
            throw new ArgumentException("A knowledge-base topic needs a name.");
        }

        if (creating && string.IsNullOrEmpty(Content))
        {
            throw new ArgumentException($"The knowledge-base topic '{Name}' needs content.");
        }

        if (ExampleQueries is { Count: > MaxExampleQueries })
        {
            throw new ArgumentException($"A knowledge-base topic has at most {MaxExampleQueries} example queries, not {ExampleQueries.Count}.");
        }

        if (!creating && SetsNothing)
        {
            throw new ArgumentException("The update of the knowledge-base topic changes nothing.");
        }
    }
}
