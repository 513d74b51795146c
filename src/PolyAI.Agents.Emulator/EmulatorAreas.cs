namespace PolyAI.Agents.Emulator;

/// <summary>
/// The API families the emulator implements. Each is a folder with its state (its data and its part of the seeds)
/// and its endpoints (a handler for each of its rows of the operation table); a new family is a new folder and
/// one line here.
/// </summary>
internal static class EmulatorAreas
{
    public static IServiceCollection AddEmulatorAreas(this IServiceCollection services) => services
        .AddArea<AgentsState, AgentsEndpoints>()
        .AddArea<TelephonyState, TelephonyEndpoints>();

    private static IServiceCollection AddArea<TState, TEndpoints>(this IServiceCollection services)
        where TState : class, IAreaState
        where TEndpoints : class, IAreaEndpoints => services
        .AddSingleton<TState>()
        .AddSingleton<IAreaState>(provider => provider.GetRequiredService<TState>())
        .AddSingleton<IAreaEndpoints, TEndpoints>();
}
