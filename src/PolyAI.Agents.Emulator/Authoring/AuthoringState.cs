using System.Globalization;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// The branches of each agent and their content: behavior rules, knowledge-base topics, attributes and variants
/// (branch-scoped, api-notes.md §1). main is the agent's content and read-only (later versions of the API): a
/// branch copies it, is changed, and is merged back three-way against the copy it started from (its base).
/// Every read and write takes the directory's lock; content is immutable, so answers can be serialised after it
/// is released. Ids come from counters a reset restarts: br-0001, t-0001, attr-0001, variant-0001, seq-0001.
/// </summary>
internal sealed partial class AuthoringState(AgentDirectory directory) : IAreaState
{
    public const string Main = "main";

    private readonly Dictionary<string, AgentBranches> _agents = new(StringComparer.Ordinal);
    private int _nextBranch;
    private int _nextTopic;
    private int _nextAttribute;
    private int _nextVariant;
    private int _nextSequence;

    // ---------------------------------------------------------------- seed, snapshot, agent lifecycle

    public void Load(string seed)
    {
        lock (directory.Gate)
        {
            _agents.Clear();
            _nextBranch = _nextTopic = _nextAttribute = _nextVariant = _nextSequence = 0;
            foreach (var (agentId, main) in AuthoringSeed.Get(seed))
            {
                _agents.Add(agentId, new AgentBranches(main, AuthoringSeed.SeedTime));
            }
        }
    }

    public void Describe(string agentId, IDictionary<string, object> entry)
    {
        lock (directory.Gate)
        {
            entry["branches"] = Agent(agentId).Branches.Select(branch => new BranchSnapshot(
                branch.Id,
                branch.Name,
                branch.Content.Behavior,
                branch.Content.Topics.Select(TopicResponse.Of).ToArray(),
                branch.Content.Attributes.Select(AttributeResponse.Of).ToArray(),
                branch.Content.Variants.Select(VariantResponse.Of).ToArray())).ToArray();
        }
    }

    /// <summary>A2: main says the greeting, nothing else. A4: main is a copy of the source's main (same topic, attribute and variant ids).</summary>
    public void AgentCreated(NewAgent agent)
    {
        lock (directory.Gate)
        {
            var main = agent.CopyOf is { } source
                ? Agent(source).Main.Content
                : BranchContent.Of($"Greet callers with: {agent.Greeting}");
            _agents[agent.AgentId] = new AgentBranches(main, Now());
        }
    }

    public void AgentDeleted(string agentId)
    {
        lock (directory.Gate)
        {
            _agents.Remove(agentId);
        }
    }

    /// <summary>main's content now: what a publish deploys (Deployments hashes it into the deployment's version).</summary>
    public BranchContent MainContent(string agentId)
    {
        lock (directory.Gate)
        {
            return Agent(agentId).Main.Content;
        }
    }

    // ---------------------------------------------------------------- B1-B4

    /// <summary>A1's branchCount: main included.</summary>
    public int BranchCount(string agentId)
    {
        lock (directory.Gate)
        {
            return Agent(agentId).Branches.Count;
        }
    }

    public ListBranchesResponse ListBranches(string agentId)
    {
        lock (directory.Gate)
        {
            return new ListBranchesResponse(Agent(agentId).Branches
                .Select(branch => new BranchResponse(branch.Id, branch.Name, branch.CreatedAt, "emulator"))
                .ToArray());
        }
    }

    /// <summary>B2: a copy of main's content, which is also its base.</summary>
    public CreateBranchResponse CreateBranch(string agentId, string name)
    {
        lock (directory.Gate)
        {
            var agent = Agent(agentId);
            if (agent.Branches.Exists(branch => branch.Name == name))
            {
                throw new ApiException(AuthoringErrors.BranchNameAlreadyExists(name));
            }

            var main = agent.Main.Content;
            var branch = new Branch(NextId("br", ref _nextBranch), name, Now(), main) { Base = main };
            agent.Branches.Add(branch);
            return new CreateBranchResponse(branch.Id, NextSequence());
        }
    }

    public DeleteBranchResponse DeleteBranch(string agentId, string branchId)
    {
        lock (directory.Gate)
        {
            var agent = Agent(agentId);
            var branch = FindBranch(agent, branchId, refuseMain: "deleted");
            agent.Branches.Remove(branch);
            return new DeleteBranchResponse(NextSequence(), $"Deleted branch '{branch.Name}'.");
        }
    }

    /// <summary>
    /// B4: main becomes the three-way merge of the branch, main and the branch's base, or nothing changes and the
    /// conflicts are a 409. After a merge the branch and its base are main's new content, so merging again is clean.
    /// </summary>
    public MergeBranchResponse Merge(string agentId, string branchId, IReadOnlyDictionary<string, MergeResolution> resolutions)
    {
        lock (directory.Gate)
        {
            var agent = Agent(agentId);
            var branch = FindBranch(agent, branchId, refuseMain: "merged into itself");
            var result = BranchMerge.Merge(branch.Content, agent.Main.Content, branch.Base!, resolutions);
            if (result.Conflicts.Count > 0)
            {
                throw new ApiException(AuthoringErrors.MergeConflict(branch.Name, result.Conflicts));
            }

            agent.Main.Content = branch.Content = branch.Base = result.Merged;
            return new MergeBranchResponse(NextSequence(), $"Merged branch '{branch.Name}' into main.", []);
        }
    }

    // ---------------------------------------------------------------- R1, R2

    public BehaviorResponse GetBehavior(string agentId, string branchId) =>
        Read(agentId, branchId, content => new BehaviorResponse(content.Behavior));

    public BehaviorResponse SetBehavior(string agentId, string branchId, string behavior) =>
        Change(agentId, branchId, content => (content with { Behavior = behavior }, new BehaviorResponse(behavior)));

    // ---------------------------------------------------------------- helpers

    /// <summary>A read of one branch's content, under the lock; an unknown branch is 404.</summary>
    private T Read<T>(string agentId, string branchId, Func<BranchContent, T> read)
    {
        lock (directory.Gate)
        {
            return read(FindBranch(Agent(agentId), branchId, refuseMain: null).Content);
        }
    }

    /// <summary>
    /// A change of one branch's content, atomic under the lock: <paramref name="change"/> returns the new content
    /// and the answer, or throws and nothing changes. An unknown branch is 404, main is read-only (400).
    /// </summary>
    private T Change<T>(string agentId, string branchId, Func<BranchContent, (BranchContent Content, T Answer)> change)
    {
        lock (directory.Gate)
        {
            var branch = FindBranch(Agent(agentId), branchId, refuseMain: null);
            if (branch.Id == Main)
            {
                throw new ApiException(AuthoringErrors.MainReadOnly());
            }

            var (content, answer) = change(branch.Content);
            branch.Content = content;
            return answer;
        }
    }

    /// <summary>The branches of an agent of the directory; one the area has not seen yet (generated) has an empty main.</summary>
    private AgentBranches Agent(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            directory.Get(agentId);
            agent = new AgentBranches(BranchContent.Of(""), Now());
            _agents.Add(agentId, agent);
        }

        return agent;
    }

    private static Branch FindBranch(AgentBranches agent, string branchId, string? refuseMain)
    {
        if (refuseMain is not null && branchId == Main)
        {
            throw new ApiException(AuthoringErrors.MainNotAllowed(refuseMain));
        }

        return agent.Branches.Find(branch => branch.Id == branchId) ?? throw new ApiException(AuthoringErrors.BranchNotFound(branchId));
    }

    private static string NextId(string prefix, ref int counter) => $"{prefix}-{++counter:D4}";

    private string NextSequence() => NextId("seq", ref _nextSequence);

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A branch: its content now and, for a branch other than main, the copy of main it started from (or last merged).</summary>
    private sealed class Branch(string id, string name, string createdAt, BranchContent content)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public string CreatedAt { get; } = createdAt;

        public BranchContent Content { get; set; } = content;

        public BranchContent? Base { get; set; }
    }

    /// <summary>An agent's branches in creation order, main first.</summary>
    private sealed class AgentBranches(BranchContent main, string createdAt)
    {
        public List<Branch> Branches { get; } = [new Branch(AuthoringState.Main, AuthoringState.Main, createdAt, main)];

        public Branch Main => Branches[0];
    }

    private sealed record BranchSnapshot(
        string BranchId,
        string Name,
        string Behavior,
        IReadOnlyList<TopicResponse> Topics,
        IReadOnlyList<AttributeResponse> Attributes,
        IReadOnlyList<VariantResponse> Variants);
}
