
namespace AppHost.FunctionalTests;

[Collection(PodSuiteCollection.Name)]
public class SharedVolumePodTests(PodSuiteAppFixture fixture)
{
    [Fact]
    public void TheLogWriterAndTheStaticSiteShareOneFreshDirectory()
    {
        var writerDirectory = EnvironmentOf("log-writer", "LogWriter__Directory");
        var siteDirectory = EnvironmentOf("static-site", "StaticSite__Root");

        Assert.Equal(writerDirectory, siteDirectory);
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "podsuite-mc1-html-"), writerDirectory);
        Assert.True(File.Exists(Path.Combine(writerDirectory, "index.html")));
    }

    [Fact]
    public async Task TheStaticSiteShowsTimestampLinesAndGainsNewOnes()
    {
        using var site = fixture.App.CreateHttpClient("static-site");
        var first = await ReadPageAsync(site);
        Assert.NotEmpty(first);

        // A line a second; the bound is for a machine under load, not the rate (TimestampWriterTests checks that).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var later = first;
        while (later[^1] == first[^1] && !timeout.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
            later = await ReadPageAsync(site);
        }

        Assert.True(Timestamp(later[^1]) > Timestamp(first[^1]), $"no new line within 30 s: the page still ends with {first[^1]}");
        Assert.Equal(later.Order(StringComparer.Ordinal), later);
    }

    private static DateTimeOffset Timestamp(string line) =>
        DateTimeOffset.Parse(line, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheStaticSiteAnswers404ForLinksLeadingOutOfItsDirectory()
    {
        var root = EnvironmentOf("static-site", "StaticSite__Root");
        string[] links = ["environ.txt", "passwd.txt", "etc"];
        File.CreateSymbolicLink(Path.Combine(root, links[0]), "/proc/self/environ");
        File.CreateSymbolicLink(Path.Combine(root, links[1]), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(root, links[2]), "/etc");
        File.CreateSymbolicLink(Path.Combine(root, "page.html"), "index.html");
        try
        {
            using var site = fixture.App.CreateHttpClient("static-site");

            foreach (var path in new[] { "/environ.txt", "/passwd.txt", "/etc/passwd", "/etc/hostname" })
            {
                using var response = await site.GetAsync(path);
                Assert.True(response.StatusCode == System.Net.HttpStatusCode.NotFound, $"{path} answered {response.StatusCode}");
            }

            using var inside = await site.GetAsync("/page.html");
            Assert.Equal(System.Net.HttpStatusCode.OK, inside.StatusCode);
        }
        finally
        {
            foreach (var link in links.Append("page.html"))
            {
                new FileInfo(Path.Combine(root, link)).Delete();   // the link itself, whatever it points at
            }
        }
    }

    private static async Task<string[]> ReadPageAsync(HttpClient site)
    {
        using var response = await site.GetAsync("/");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());

        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("<!doctype html>", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.Matches(DemoOutput.TimestampLine(), line));
        return lines[1..];
    }

    private string EnvironmentOf(string resource, string name)
    {
        Assert.True(fixture.Notifications.TryGetCurrentState(resource, out var state), $"'{resource}' has no state");
        return Assert.Single(state.Snapshot.EnvironmentVariables, e => e.Name == name).Value!;
    }
}
