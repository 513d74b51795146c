using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Json;

namespace PolyAI.Agents.Client;

internal sealed partial class PolyAiClient
{
    /// <summary>B1: the branches of an agent, main included.</summary>
    public Task<IReadOnlyList<Branch>> ListBranchesAsync(string agentId, CancellationToken cancellationToken) =>
        Request(ApiOperations.ListBranches, $"List branches of agent '{agentId}'", agentId)
            .SendAsync(body => (IReadOnlyList<Branch>)Items(body, "branches").Select(b => MapBranch(agentId, b)).ToList(), cancellationToken);

    /// <summary>B1, then the one branch asked for; an id the agent does not have is NotFound.</summary>
    public async Task<Branch> GetBranchAsync(string agentId, string branchId, CancellationToken cancellationToken)
    {
        Identifier.EnsureValid(branchId, "branch id");
        var branches = await ListBranchesAsync(agentId, cancellationToken).ConfigureAwait(false);
        return branches.FirstOrDefault(b => b.BranchId == branchId)
            ?? throw NotInList(ApiOperations.ListBranches, $"Get branch '{branchId}' of agent '{agentId}'", $"Branch '{branchId}' was not found in agent '{agentId}'.");
    }

    /// <summary>B2: a new branch, with a copy of main's content.</summary>
    public Task<Branch> CreateBranchAsync(string agentId, string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException($"The branch name '{name}' must have 1 to 100 characters.");
        }

        return Request(ApiOperations.CreateBranch, $"Create branch '{name}' of agent '{agentId}'", agentId)
            .WithBody(new CreateBranchBody { BranchName = name })
            .SendAsync(body =>
            {
                var reader = new JsonObjectReader(body, "new branch");
                var branchId = reader.OptionalString("branchId") ?? reader.RequiredString("id");
                return new Branch(agentId, branchId, reader.OptionalString("name") ?? name, OptionalTime(reader, "createdAt"), reader.OptionalString("sequenceId"), reader.Rest());
            }, cancellationToken);
    }

    /// <summary>B3. main is refused before anything is sent: it is the agent itself, not a draft.</summary>
    public Task<JsonElement> DeleteBranchAsync(string agentId, string branchId, CancellationToken cancellationToken)
    {
        EnsureNotMain(branchId, "deleted");
        return Request(ApiOperations.DeleteBranch, $"Delete branch '{branchId}' of agent '{agentId}'", agentId, branchId).SendAsync(body => body, cancellationToken);
    }

    /// <summary>B4: applies the branch to main. A conflict (main changed the same item since the branch was made)
    /// is BranchMergeConflict, listing the conflicting paths; <paramref name="resolutions"/> resolve them.</summary>
    public Task<BranchMerge> MergeBranchAsync(string agentId, string branchId, string? message, IReadOnlyList<ConflictResolution> resolutions, CancellationToken cancellationToken)
    {
        EnsureNotMain(branchId, "merged into itself");
        return Request(ApiOperations.MergeBranch, $"Merge branch '{branchId}' of agent '{agentId}' into {Branch.Main}", agentId, branchId)
            .WithBody(new MergeBranchBody
            {
                DeploymentMessage = message,
                ConflictResolutions = resolutions.Count == 0 ? null : resolutions.Select(r => new ConflictResolutionBody { Path = r.Path.ToList(), Strategy = r.Strategy, Value = r.Value }).ToList(),
            })
            .SendAsync(body =>
            {
                if (body.ValueKind == JsonValueKind.Undefined)
                {
                    return new BranchMerge(agentId, branchId, null, null, Array.Empty<string>(), new Dictionary<string, object?>());
                }

                var reader = new JsonObjectReader(body, "merge result");
                var testRuns = reader.OptionalElement("testRunIds") is { ValueKind: JsonValueKind.Array } runs
                    ? runs.EnumerateArray().Select(r => r.GetString() ?? throw new JsonException("testRunIds contains null.")).ToArray()
                    : Array.Empty<string>();
                return new BranchMerge(agentId, branchId, reader.OptionalString("sequence"), reader.OptionalString("message"), testRuns, reader.Rest());
            }, cancellationToken);
    }

    /// <summary>What <paramref name="branchId"/> changes against <paramref name="referenceBranchId"/>: both branches'
    /// behavior rules, knowledge-base topics, attributes and variants are read (R1, K1, V1, V5, all at once) and
    /// compared (<see cref="Changes.BranchComparison"/>).</summary>
    public async Task<IReadOnlyList<BranchChange>> CompareBranchesAsync(string agentId, string branchId, string referenceBranchId, CancellationToken cancellationToken)
    {
        var branch = ReadContentAsync(agentId, branchId, cancellationToken);
        var reference = ReadContentAsync(agentId, referenceBranchId, cancellationToken);
        await Task.WhenAll(branch, reference).ConfigureAwait(false);
        return Changes.BranchComparison.Compare(agentId, branchId, referenceBranchId, branch.Result, reference.Result);
    }

    private async Task<Changes.BranchContent> ReadContentAsync(string agentId, string branchId, CancellationToken cancellationToken)
    {
        var rules = GetBehaviorAsync(agentId, branchId, cancellationToken);
        var topics = ListTopicsAsync(agentId, branchId, cancellationToken);
        var attributes = ListAttributesAsync(agentId, branchId, cancellationToken);
        var variants = ListVariantsAsync(agentId, branchId, cancellationToken);
        await Task.WhenAll(rules, topics, attributes, variants).ConfigureAwait(false);
        return new Changes.BranchContent(rules.Result.Text, topics.Result, attributes.Result, variants.Result);
    }

    internal static Branch MapBranch(string agentId, JsonElement element)
    {
        var reader = new JsonObjectReader(element, "branch");
        var branchId = reader.OptionalString("branchId") ?? reader.RequiredString("id");
        var name = reader.OptionalString("name") ?? reader.OptionalString("branchName");
        return new Branch(agentId, branchId, name, OptionalTime(reader, "createdAt"), reader.OptionalString("sequenceId"), reader.Rest());
    }

    /// <summary>The items of an undocumented list: a bare array, or the array under <paramref name="property"/>.</summary>
    internal static IEnumerable<JsonElement> Items(JsonElement body, string property) => body.ValueKind switch
    {
        JsonValueKind.Array => body.EnumerateArray(),
        JsonValueKind.Object when body.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array => list.EnumerateArray(),
        _ => throw new JsonException($"The body is neither a list nor an object with a '{property}' list."),
    };

    private static DateTimeOffset? OptionalTime(JsonObjectReader reader, string field) =>
        reader.OptionalString(field) is { } text ? Timestamp(text, field) : null;

    private static void EnsureNotMain(string branchId, string what)
    {
        Identifier.EnsureValid(branchId, "branch id");
        if (string.Equals(branchId, Branch.Main, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The branch '{Branch.Main}' cannot be {what}: it is the agent's own content, not a draft.");
        }
    }
}
