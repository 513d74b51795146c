namespace PolyAI.Agents.Emulator;

/// <summary>
/// The API families the emulator implements. Each is a folder with its state (its data and its part of the seeds)
/// and its endpoints (a handler for each of its rows of the operation table); a new family is a new folder and
/// one line here. Authoring is one state (a branch's behavior rules, topics, attributes and variants merge
/// together) with an endpoints class per family of rows. Later/ serves two operations only the later contract
/// (1.0.11) has, outbound calls, for Invoke-PolyAiRequest: they are not rows (see OperationHandlers.AddLater).
/// </summary>
internal static class EmulatorAreas
{
    public static IServiceCollection AddEmulatorAreas(this IServiceCollection services) => services
        .AddArea<AgentsState, AgentsEndpoints>()
        .AddArea<AuthoringState, BranchesEndpoints>()
        .AddEndpoints<KnowledgeBaseEndpoints>()
        .AddEndpoints<VariantsEndpoints>()
        .AddArea<RealTimeConfigsState, RealTimeConfigsEndpoints>()
        .AddArea<DeploymentsState, DeploymentsEndpoints>()
        .AddArea<TelephonyState, TelephonyEndpoints>()
        .AddArea<OutboundCallsState, OutboundCallsEndpoints>(); // 1.0.11 only, for the escape hatch (Later/)

    private static IServiceCollection AddArea<TState, TEndpoints>(this IServiceCollection services)
        where TState : class, IAreaState
        where TEndpoints : class, IAreaEndpoints => services
        .AddSingleton<TState>()
        .AddSingleton<IAreaState>(provider => provider.GetRequiredService<TState>())
        .AddEndpoints<TEndpoints>();

    /// <summary>More endpoints of an area already added (its state is added once).</summary>
    private static IServiceCollection AddEndpoints<TEndpoints>(this IServiceCollection services)
        where TEndpoints : class, IAreaEndpoints => services
        .AddSingleton<IAreaEndpoints, TEndpoints>();
}
