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
        using var writer = new TimestampWriter(options, clock, NullLogger<TimestampWriter>.Instance);
        var page = Path.Combine(_directory.FullName, "index.html");

        await writer.StartAsync(CancellationToken.None);
        await WaitForLinesAsync(page, 1);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(100);
        Assert.Single(TimestampLines(page));

        for (var tick = 1; tick <= 4; tick++)
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            await WaitForLinesAsync(page, Math.Min(tick + 1, 3), last: clock.GetUtcNow());
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
            await Task.Delay(10, timeout.Token);
        }
    }
}
