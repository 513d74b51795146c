using System.ComponentModel;
using System.Diagnostics;

namespace PolyAI.Agents.Emulator;

/// <summary>Stops the emulator once the process that started it (e.g. a test run) is gone, so no server is orphaned.</summary>
internal static class ParentProcessWatcher
{
    public static async Task WatchAsync(int parentPid, IHostApplicationLifetime lifetime, ILogger logger)
    {
        Process? parent = null;
        try
        {
            parent = Process.GetProcessById(parentPid);
        }
        catch (ArgumentException)
        {
            // Already gone before we started watching.
        }

        using (parent)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (parent is not null && IsAlive(parent, parentPid))
                {
                    if (!await timer.WaitForNextTickAsync(lifetime.ApplicationStopping))
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return; // The emulator is stopping anyway.
            }
        }

        logger.LogWarning("Parent process {ParentPid} has exited; stopping the emulator.", parentPid);
        lifetime.StopApplication();
    }

    private static bool IsAlive(Process parent, int parentPid)
    {
        try
        {
            parent.Refresh();
            return !parent.HasExited;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // No handle rights on the process: fall back to asking whether the id still exists.
            try
            {
                using var again = Process.GetProcessById(parentPid);
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}
