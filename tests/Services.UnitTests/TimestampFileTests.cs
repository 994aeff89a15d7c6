using PodSuite.LogWriter;

namespace Services.UnitTests;

public sealed class TimestampFileTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 17, 0, 0, TimeSpan.FromHours(2));
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("podsuite-log-writer-");

    private string PagePath => Path.Combine(_directory.FullName, "index.html");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void EachLineIsTheUtcTimeInIso8601()
    {
        var file = new TimestampFile(PagePath, maxLines: 10);

        file.Append(Start);

        Assert.Equal([TimestampFile.Header(1, 10, "2026-11-24T15:00:00.000Z"), "2026-11-24T15:00:00.000Z"], File.ReadAllLines(PagePath));
    }

    [Fact]
    public void ThePageSaysWhatItIsAndHowManyLinesTheWriterKeptWithTheNewest()
    {
        var file = new TimestampFile(PagePath, maxLines: 60);

        file.Append(Start);
        file.Append(Start.AddSeconds(1));

        var header = File.ReadAllLines(PagePath)[0];
        Assert.Contains("<h1>Pod mc1: two containers, one shared volume</h1>", header);
        Assert.Contains("The file holds <strong id=\"count\">2</strong> lines (it keeps the last 60); log-writer wrote the newest at <strong id=\"newest\">2026-11-24T15:00:01.000Z</strong>", header);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"2\">", header);
        Assert.EndsWith("<pre id=\"lines\">", header);
    }

    [Fact]
    public void ThePageKeepsOnlyTheNewestLinesUpToTheCap()
    {
        var file = new TimestampFile(PagePath, maxLines: 3);

        for (var second = 0; second < 10; second++)
        {
            file.Append(Start.AddSeconds(second));
        }

        Assert.Equal(
            [TimestampFile.Header(3, 3, "2026-11-24T15:00:09.000Z"), "2026-11-24T15:00:07.000Z", "2026-11-24T15:00:08.000Z", "2026-11-24T15:00:09.000Z"],
            File.ReadAllLines(PagePath));
    }

    [Fact]
    public void ARestartedWriterCarriesOnWithTheLinesAlreadyThere()
    {
        var before = new TimestampFile(PagePath, maxLines: 3);
        before.Append(Start);
        before.Append(Start.AddSeconds(1));

        var after = new TimestampFile(PagePath, maxLines: 3);
        after.Append(Start.AddSeconds(2));
        after.Append(Start.AddSeconds(3));

        Assert.Equal(
            [TimestampFile.Header(3, 3, "2026-11-24T15:00:03.000Z"), "2026-11-24T15:00:01.000Z", "2026-11-24T15:00:02.000Z", "2026-11-24T15:00:03.000Z"],
            File.ReadAllLines(PagePath));
    }

    [Fact]
    public void AFailedWriteLeavesNoHalfWrittenCopy()
    {
        Directory.CreateDirectory(Path.Combine(PagePath, "occupied"));
        var file = new TimestampFile(PagePath, maxLines: 3);

        Assert.ThrowsAny<IOException>(() => file.Append(Start));

        Assert.Equal(["index.html"], _directory.EnumerateFileSystemInfos().Select(i => i.Name));
    }

    [Fact]
    public void AHugeExistingPageIsReadWithBoundedMemoryKeepingItsLastLines()
    {
        using (var page = new StreamWriter(PagePath))
        {
            page.Write(TimestampFile.Header(0, 1, null));
            page.Write(new string('x', 64 * 1024 * 1024));   // 64 MB on the header's line, no newline in it
            page.Write("\n2026-11-24T15:00:00.000Z\n2026-11-24T15:00:01.000Z\n");
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var file = new TimestampFile(PagePath, maxLines: 1);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(["2026-11-24T15:00:01.000Z"], file.Lines);
        // Reading whole would allocate the 64 MB line twice over (UTF-16); streaming allocates the reader's buffers.
        Assert.True(allocated < 4 * 1024 * 1024, $"reading the page allocated {allocated:N0} bytes");
    }

    [Fact]
    public async Task AReaderNeverSeesATornLineOrMoreLinesThanTheCap()
    {
        const int maxLines = 50;
        var file = new TimestampFile(PagePath, maxLines);
        file.Append(Start);
        using var writing = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!writing.IsCancellationRequested)
            {
                var page = File.ReadAllText(PagePath);
                Assert.EndsWith("\n", page);
                var lines = page.TrimEnd('\n').Split('\n');
                Assert.StartsWith("<!doctype html>", lines[0]);
                Assert.Contains($"<strong id=\"count\">{lines.Length - 1}</strong>", lines[0]);
                Assert.InRange(lines.Length - 1, 1, maxLines);
                Assert.All(lines.Skip(1), line => Assert.True(TimestampFile.IsLine(line), $"torn line: '{line}'"));
                Interlocked.Increment(ref reads);
            }
        });

        // Write until the reader has looked at many pages mid-write (or has failed), however the threads are scheduled.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var tick = 1; !reader.IsCompleted && (tick <= 3_000 || Volatile.Read(ref reads) < 500) && DateTime.UtcNow < deadline; tick++)
        {
            file.Append(Start.AddMilliseconds(tick));
        }

        await writing.CancelAsync();
        await reader;
        Assert.True(reads >= 500, $"the reader only read the page {reads} times");
        Assert.Equal(maxLines + 1, File.ReadAllLines(PagePath).Length);
        Assert.Equal([Path.GetFileName(PagePath)], _directory.EnumerateFiles().Select(f => f.Name));
    }

    [Theory]
    [InlineData("2026-11-24T15:00:00.000Z", true)]
    [InlineData("2026-11-24T15:00:00.00", false)]
    [InlineData("2026-11-24T15:00", false)]
    [InlineData("<pre>", false)]
    public void OnlyWholeTimestampsCountAsLines(string line, bool whole) => Assert.Equal(whole, TimestampFile.IsLine(line));
}
