using System.Globalization;
using System.Text;

namespace PodSuite.LogWriter;

/// <summary>
/// A page of UTC timestamp lines, newest last, that never holds more than a set number of lines and that a reader
/// never sees half-written: every change writes the whole page to a hidden file beside it and renames it over the page.
/// </summary>
public sealed class TimestampFile
{
    /// <summary>The first line of the page: just enough HTML for a browser to show one timestamp a line.</summary>
    public const string Header = "<!doctype html><meta charset=\"utf-8\"><title>log-writer</title><pre>";

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
        var page = new StringBuilder(Header).Append('\n');
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
