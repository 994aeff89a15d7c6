using PodSuite.LogWriter;

namespace Services.UnitTests;

/// <summary>The log writer's liveness check: alive while the page's newest line is recent.</summary>
public sealed class PageCheckTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("podsuite-page-check-");

    private string Page => Path.Combine(_directory.FullName, "index.html");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void APageWhoseNewestLineIsRecentIsAlive()
    {
        var file = new TimestampFile(Page, maxLines: 60);
        file.Append(Now.AddSeconds(-30));
        file.Append(Now.AddSeconds(-2));

        Assert.Null(PageCheck.Problem(Page, TimeSpan.FromSeconds(1), Now));
    }

    [Fact]
    public void APageThatStoppedGainingLinesIsNotAliveAfterTenIntervalsOrTenSeconds()
    {
        new TimestampFile(Page, maxLines: 60).Append(Now.AddSeconds(-11));

        Assert.Equal($"the newest line of {Page} is 11 s old (at most 10 s).", PageCheck.Problem(Page, TimeSpan.FromSeconds(1), Now));
        Assert.Null(PageCheck.Problem(Page, TimeSpan.FromSeconds(2), Now));
    }

    [Fact]
    public void AMissingOrEmptyPageIsNotAlive()
    {
        Assert.Contains("does not exist", PageCheck.Problem(Page, TimeSpan.FromSeconds(1), Now));

        File.WriteAllText(Page, TimestampFile.Header(0, 60, null) + "\n");

        Assert.Contains("holds no timestamp line", PageCheck.Problem(Page, TimeSpan.FromSeconds(1), Now));
    }
}
