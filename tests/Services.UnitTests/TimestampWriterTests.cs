using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PodSuite.LogWriter;

namespace Services.UnitTests;

public sealed class TimestampWriterTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("podsuite-log-writer-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task TheWriterAddsALineAtStartAndOneEachIntervalOfTheClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new LogWriterOptions { Directory = _directory.FullName, Interval = TimeSpan.FromSeconds(2), MaxLines = 3 });
        using var writer = new TimestampWriter(options, clock, new StoppableLifetime(), NullLogger<TimestampWriter>.Instance);
        var page = Path.Combine(_directory.FullName, "index.html");

        await writer.StartAsync(CancellationToken.None);
        await WaitForLinesAsync(page, 1);
        clock.Advance(TimeSpan.FromSeconds(1));   // half an interval: no line is due
        clock.Advance(TimeSpan.FromSeconds(2));
        await WaitForLinesAsync(page, 2, last: clock.GetUtcNow());
        // The writer writes in order, so a line due at 15:00:01 would be there before the one at 15:00:03.
        Assert.Equal(["2026-11-24T15:00:00.000Z", "2026-11-24T15:00:03.000Z"], TimestampLines(page));

        for (var tick = 2; tick <= 4; tick++)
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            await WaitForLinesAsync(page, 3, last: clock.GetUtcNow());
        }

        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(["2026-11-24T15:00:05.000Z", "2026-11-24T15:00:07.000Z", "2026-11-24T15:00:09.000Z"], TimestampLines(page));
    }

    private static string[] TimestampLines(string page) =>
        File.Exists(page) ? File.ReadAllLines(page).Where(TimestampFile.IsLine).ToArray() : [];

    private static async Task WaitForLinesAsync(string page, int count, DateTimeOffset? last = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (TimestampLines(page) is var lines
            && (lines.Length != count || (last is not null && lines[^1] != TimestampFile.Line(last.Value))))
        {
            Assert.False(timeout.IsCancellationRequested,
                $"expected {count} lines ending with {last:O} within 10 s; the page has [{string.Join(", ", lines)}]");
            await Task.Delay(10, CancellationToken.None);
        }
    }

    [Fact]
    public async Task APageThatCannotBeWrittenStopsTheWriterWithAnIoErrorExitCodeAndNoCopyLeft()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
        // The page's path is a directory: the rename over it fails as a read-only or full volume would.
        Directory.CreateDirectory(Path.Combine(_directory.FullName, "index.html", "occupied"));
        var options = Options.Create(new LogWriterOptions { Directory = _directory.FullName, Interval = TimeSpan.FromSeconds(1), MaxLines = 3 });
        var lifetime = new StoppableLifetime();
        var exitCode = Environment.ExitCode;
        using var writer = new TimestampWriter(options, clock, lifetime, NullLogger<TimestampWriter>.Instance);
        try
        {
            await writer.StartAsync(CancellationToken.None);
            await writer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(lifetime.StopRequested);
            Assert.Equal(TimestampWriter.CannotWriteExitCode, Environment.ExitCode);
            Assert.Equal(["index.html"], _directory.EnumerateFileSystemInfos().Select(i => i.Name));
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }

    private sealed class StoppableLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public bool StopRequested { get; private set; }

        public void StopApplication() => StopRequested = true;
    }
}
