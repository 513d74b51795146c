namespace PolyAI.Agents.Emulator;

/// <summary>
/// The API families the emulator implements. Each is a folder with its state (its data and its part of the seeds)
/// and its endpoints; a new family is a new folder and one line here.
/// </summary>
internal static class EmulatorAreas
{
    public static IServiceCollection AddEmulatorAreas(this IServiceCollection services) => services
        .AddArea<AgentsState>()
        .AddArea<TelephonyState>();

    private static IServiceCollection AddArea<TState>(this IServiceCollection services)
        where TState : class, IAreaState => services
        .AddSingleton<TState>()
        .AddSingleton<IAreaState>(provider => provider.GetRequiredService<TState>());
}
