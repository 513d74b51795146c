using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace PolyAI.Agents.Runtime;

/// <summary>
/// The default session of each runspace. Not a process-wide static value: runbooks running side by side
/// in one process (Azure Automation, Functions, ForEach-Object -Parallel) never see each other's key.
/// The table holds runspaces weakly, so a closed runspace takes its session with it.
/// </summary>
internal static class SessionStore
{
    private sealed class Slot
    {
        public volatile Session? Session;
    }

    private static readonly ConditionalWeakTable<Runspace, Slot> Defaults = new();

    public static Session? Current
    {
        get
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace is not null && Defaults.TryGetValue(runspace, out var slot) ? slot.Session : null;
        }

        set
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace is not null)
            {
                Defaults.GetValue(runspace, _ => new Slot()).Session = value;
            }
        }
    }
}
