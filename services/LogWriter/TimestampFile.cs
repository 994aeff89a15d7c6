using System.Globalization;
using System.Text;
using PodSuite.Pages;

namespace PodSuite.LogWriter;

/// <summary>
/// A page of UTC timestamp lines, newest last, that never holds more than a set number of lines and that a reader
/// never sees half-written: every change writes the whole page to a hidden file beside it and renames it over the page.
/// </summary>
public sealed class TimestampFile
{
    /// <summary>
    /// The first line of the page, all of it but the timestamp lines (which follow, one a line, newest last, so that the
    /// file ends with the newest): what the page shows and how the pod makes it, the writer's count and newest line, and
    /// a reload every two seconds, so a reader sees the file grow.
    /// </summary>
    public static string Header(int count, int maxLines, string? newest) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
        "<meta http-equiv=\"refresh\" content=\"2\"><title>mc1: a shared volume</title><style>" + PageStyle.Css + "</style></head><body>" +
        "<h1>Pod mc1: two containers, one shared volume</h1>" +
        "<h2>What you are seeing</h2><p id=\"seeing\">A file: <code>index.html</code> on the pod's shared volume <code>html</code>. " +
        "Container <strong>log-writer</strong> rewrites it every second (mounted at <code>/var/log-writer/html</code>); container " +
        "<strong>static-site</strong> serves it on port 8081 from its own mount of the same volume (<code>/srv/static-site</code>). " +
        "Neither calls the other: the volume is all they share.</p>" +
        "<h2>The writer, right now</h2><p id=\"writer\">The file holds <strong id=\"count\">" + count.ToString(CultureInfo.InvariantCulture) +
        "</strong> lines (it keeps the last " + maxLines.ToString(CultureInfo.InvariantCulture) + "); log-writer wrote the newest at <strong id=\"newest\">" +
        (newest ?? "-") + "</strong> (UTC). This page reloads every 2 seconds.</p>" +
        "<h2>How the pod is written</h2><p>In the pod model (<code>AppHost/AppHost.cs</code>):</p><pre>var mc1 = builder.AddPod(\"mc1\");" +
        "&#10;var html = mc1.AddSharedVolume(\"html\");&#10;builder.AddProject&lt;Projects.LogWriter&gt;(\"log-writer\").InPod(mc1)" +
        "&#10;    .WithSharedVolume(html, \"/var/log-writer/html\", \"LogWriter__Directory\");&#10;builder.AddProject&lt;Projects.StaticSite&gt;(\"static-site\").InPod(mc1)" +
        "&#10;    .WithSharedVolume(html, \"/srv/static-site\", \"StaticSite__Root\");</pre>" +
        "<p>Published (<code>manifests/mc1/deployment.yaml</code>): one pod with an <code>emptyDir</code> volume <code>html</code>, mounted in both " +
        "containers. Locally, the app host makes it a temporary directory both processes are given.</p>" +
        "<h2>Try this</h2><ul><li>Stop <code>log-writer</code> in the dashboard: this page stops growing, and static-site goes on serving the last file.</li>" +
        "<li><code>curl -s http://localhost:8081/ | tail -n 3</code>: the newest lines, as the file ends.</li></ul>" +
        "<h2>The lines</h2><pre id=\"lines\">";

    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // "2026-11-26T08:02:41.123Z"
    private const int LineLength = 24;

    private readonly Queue<string> _lines = new();
    private readonly string _temporaryPath;

    public TimestampFile(string path, int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        Path = System.IO.Path.GetFullPath(path);
        MaxLines = maxLines;
        // Dot-prefixed, so a static file server never serves the half-written copy.
        _temporaryPath = System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(Path)!, $".{System.IO.Path.GetFileName(Path)}.tmp");
        foreach (var line in ReadExistingLines())
        {
            Keep(line);
        }
    }

    public string Path { get; }

    public int MaxLines { get; }

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Adds the line for <paramref name="now"/>, drops the oldest beyond the cap and replaces the page.</summary>
    public void Append(DateTimeOffset now)
    {
        Keep(Line(now));
        var page = new StringBuilder(Header(_lines.Count, MaxLines, _lines.LastOrDefault())).Append('\n');
        foreach (var line in _lines)
        {
            page.Append(line).Append('\n');
        }

        try
        {
            File.WriteAllText(_temporaryPath, page.ToString());
            File.Move(_temporaryPath, Path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Whatever failed (a full or read-only volume), no half-written copy stays behind.
            DeleteTemporaryCopy();
            throw;
        }
    }

    /// <summary>The line for one instant: ISO-8601 in UTC with milliseconds.</summary>
    public static string Line(DateTimeOffset instant) => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="line"/> is a whole timestamp line.</summary>
    public static bool IsLine(string line) =>
        DateTime.TryParseExact(line, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _);

    private void DeleteTemporaryCopy()
    {
        try
        {
            File.Delete(_temporaryPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The error that made the page fail is the one to report; a copy that cannot go either stays hidden (dot-prefixed).
        }
    }

    private void Keep(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > MaxLines)
        {
            _lines.Dequeue();
        }
    }

    // A restarted writer (the volume outlives a container) carries on with the lines already there. Read as a stream,
    // keeping only the last lines and at most a timestamp's length of each: memory stays bounded whatever the page holds.
    private IEnumerable<string> ReadExistingLines()
    {
        if (!File.Exists(Path))
        {
            yield break;
        }

        using var reader = new StreamReader(Path);
        var line = new StringBuilder(LineLength + 1);
        int next;
        while ((next = reader.Read()) >= 0)
        {
            if (next == '\n')
            {
                if (line.Length <= LineLength && IsLine(line.ToString()))
                {
                    yield return line.ToString();
                }

                line.Clear();
            }
            else if (line.Length <= LineLength)
            {
                line.Append((char)next);
            }
        }
    }
}
