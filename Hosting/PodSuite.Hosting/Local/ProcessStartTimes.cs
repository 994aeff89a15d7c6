using System.Globalization;

namespace PodSuite.Hosting.Local;

/// <summary>
/// How early the dashboard's start times of local processes read. Aspire's orchestrator (DCP) stamps a process's start
/// as the boot time from <c>/proc/stat</c>, which is in whole seconds, plus the process's start in clock ticks since
/// boot: every start time reads early by the fraction of a second the machine booted at, while stop times are taken
/// from the clock and are exact. So a step can appear to start before the one it waited for stopped.
/// </summary>
internal static class ProcessStartTimes
{
    public const string PropertyName = "Start times";

    /// <summary>The note the dashboard shows on each pod, or <see langword="null"/> where the skew cannot be read.</summary>
    public static string? Note()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var early = EarlyBy(File.ReadAllText("/proc/stat"), File.ReadAllText("/proc/uptime"), DateTimeOffset.UtcNow);
            return early is null ? null : Note(early.Value);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static string Note(TimeSpan early) =>
        $"The members' start times read {early.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s early on this " +
        "machine: Aspire counts them from the boot time rounded down to a whole second. Their stop times are exact, so " +
        "a member that waited for another can seem to start before that one stopped; it did not.";

    /// <summary>The fraction of a second that <c>btime</c> in <paramref name="procStat"/> drops from the real boot time.</summary>
    /// <param name="procStat">The text of <c>/proc/stat</c>.</param>
    /// <param name="procUptime">The text of <c>/proc/uptime</c>: seconds since boot, first.</param>
    /// <param name="now">The time at which both were read.</param>
    public static TimeSpan? EarlyBy(string procStat, string procUptime, DateTimeOffset now)
    {
        var btime = procStat.Split('\n').FirstOrDefault(l => l.StartsWith("btime ", StringComparison.Ordinal));
        if (btime is null
            || !long.TryParse(btime.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var bootSeconds)
            || !double.TryParse(procUptime.Split(' ')[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var uptime))
        {
            return null;
        }

        var early = now - TimeSpan.FromSeconds(uptime) - DateTimeOffset.FromUnixTimeSeconds(bootSeconds);
        // /proc/uptime has 10 ms resolution and the clock may have been stepped since boot: keep to what btime can drop.
        return early < TimeSpan.Zero ? TimeSpan.Zero : early >= TimeSpan.FromSeconds(1) ? null : early;
    }
}
