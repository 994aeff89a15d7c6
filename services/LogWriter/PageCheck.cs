using System.Text;

namespace PodSuite.LogWriter;

/// <summary>
/// The log writer's liveness, as its container's probe runs it (<c>LogWriter --check</c>): alive while the page's newest
/// line is recent. A writer that hangs, or that can no longer write, is restarted by the kubelet.
/// </summary>
public static class PageCheck
{
    /// <summary>How many intervals the newest line may be old, and at least how long, before the writer counts as stuck.</summary>
    public const int IntervalsAllowed = 10;

    private static readonly TimeSpan s_atLeast = TimeSpan.FromSeconds(10);

    /// <returns><see langword="null"/> when the page has a recent line, else what is wrong.</returns>
    public static string? Problem(string path, TimeSpan interval, DateTimeOffset now)
    {
        if (!File.Exists(path))
        {
            return $"{path} does not exist: the log writer has not written yet.";
        }

        var newest = NewestLine(path);
        if (newest is null)
        {
            return $"{path} holds no timestamp line.";
        }

        var allowed = interval * IntervalsAllowed > s_atLeast ? interval * IntervalsAllowed : s_atLeast;
        var age = now - DateTimeOffset.Parse(newest, System.Globalization.CultureInfo.InvariantCulture);
        return age > allowed ? $"the newest line of {path} is {age.TotalSeconds:0} s old (at most {allowed.TotalSeconds:0} s)." : null;
    }

    // The last line, read from the end: a page of any size costs the same.
    private static string? NewestLine(string path)
    {
        using var file = File.OpenRead(path);
        var tail = new byte[Math.Min(file.Length, 128)];
        file.Seek(-tail.Length, SeekOrigin.End);
        file.ReadExactly(tail);
        var lines = Encoding.UTF8.GetString(tail).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length > 0 && TimestampFile.IsLine(lines[^1]) ? lines[^1] : null;
    }
}
