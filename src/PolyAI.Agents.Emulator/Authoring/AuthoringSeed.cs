using System.Collections.Immutable;

namespace PolyAI.Agents.Emulator;

/// <summary>
/// The main branch of each seeded agent. "demo" and "empty" have the same behavior rules, attributes and variants
/// (the seeded connectors name variant-london and variant-nyc); only "demo" has topics.
/// </summary>
internal static class AuthoringSeed
{
    public const string SeedTime = "2026-04-22T09:00:00Z";

    public const string DemoBehavior =
        "You are the front desk of Demo Dental.\n" +
        "Greet callers warmly and ask how you can help.\n" +
        "Book, move or cancel appointments.\n" +
        "Never give medical advice.\n" +
        "Transfer urgent calls to the on-call line.";

    public const string OtherBehavior = "You are the other agent.";

    public static IReadOnlyList<(string AgentId, BranchContent Main)> Get(string seed) => seed switch
    {
        Seed.Demo => [(Seed.DemoAgentId, DemoMain(withTopics: true)), (Seed.OtherAgentId, BranchContent.Of(OtherBehavior))],
        Seed.Empty => [(Seed.DemoAgentId, DemoMain(withTopics: false)), (Seed.OtherAgentId, BranchContent.Of(OtherBehavior))],
        _ => throw new ArgumentException($"Unknown seed '{seed}'.", nameof(seed)),
    };

    private static BranchContent DemoMain(bool withTopics) => BranchContent.Of(DemoBehavior) with
    {
        Topics = withTopics
            ?
            [
                new Topic("t-hours", "Opening hours", "We are open Monday to Friday, 9:00 to 17:00.", "Offer to book an appointment.",
                    ["When are you open?", "Are you open on Saturday?"], true),
                new Topic("t-parking", "Parking", "Free parking behind the building.", "", ["Where can I park?"], true),
                new Topic("t-promo", "Spring promotion", "20% off whitening until May.", "", [], false),
            ]
            : [],
        Attributes = [new VariantAttribute("attr-site", "site"), new VariantAttribute("attr-hours", "openingHours")],
        Variants =
        [
            new Variant("variant-london", "London", true, Values(("site", "London"), ("openingHours", "09:00-17:00"))),
            new Variant("variant-nyc", "New York", false, Values(("site", "New York"), ("openingHours", "08:00-18:00"))),
        ],
    };

    private static ImmutableSortedDictionary<string, string> Values(params (string Name, string Value)[] values) =>
        BranchContent.NoValues.AddRange(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));
}
