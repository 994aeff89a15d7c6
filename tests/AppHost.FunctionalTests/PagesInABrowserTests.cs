using Microsoft.Playwright;

namespace AppHost.FunctionalTests;

/// <summary>
/// The demo pages as a learner sees them: opened in headless Chromium (Debian's, through Playwright; browser downloads
/// are blocked here) against the running app host, at a phone's width, with a screenshot of each kept under the test
/// output's <c>screenshots/</c>. Without Chromium the tests are skipped, except under CI=true.
/// </summary>
[Collection(PodSuiteCollection.Name)]
public sealed class PagesInABrowserTests(PodSuiteAppFixture fixture) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string s_screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"CI needs {Chromium} for the browser tests (apt-get install chromium).");
            }

            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [SkippableFact]
    public async Task TheMc3PageSaysWhatAnsweredAndThePathTheRequestTookThroughTheProxy()
    {
        var page = await OpenAsync(fixture.App.GetEndpoint("proxy", "http"));

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pod mc3: a web app behind a proxy, over a socket they share");
        await Assertions.Expect(page.Locator("#answered")).ToContainTextAsync("Container webapp on host");
        await Assertions.Expect(page.Locator("#answered")).ToContainTextAsync("over HTTP/2");
        await Assertions.Expect(page.Locator("#path li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#path li").Nth(1)).ToContainTextAsync("The proxy forwarded it over the Unix socket");
        await Assertions.Expect(page.Locator("#path li").Nth(1)).ToContainTextAsync("HTTP/2 without TLS (h2c)");
        await Assertions.Expect(page.Locator("#socket li")).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "X-Forwarded-For" })).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);
        await ScreenshotAsync(page, "mc3");
    }

    [SkippableFact]
    public async Task TheMc1PageIsTheSharedFileAndItGrowsAsTheWriterAddsLines()
    {
        var page = await OpenAsync(fixture.App.GetEndpoint("static-site", "http"));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pod mc1: two containers, one shared volume");
        await Assertions.Expect(page.Locator("#seeing")).ToContainTextAsync("Container log-writer rewrites it every second");
        // Both read at once: the page reloads itself, and between two reads it may have.
        var shown = await page.EvaluateAsync<string[]>("() => [document.querySelector('#newest').textContent, document.querySelector('#lines').textContent]");
        var newest = shown[0];
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", newest);
        Assert.EndsWith(newest, shown[1].TrimEnd());

        // The page reloads itself every two seconds; the writer adds a line a second.
        await Assertions.Expect(page.Locator("#newest")).Not.ToHaveTextAsync(newest, new() { Timeout = 15_000 });
        await AssertFitsThePhoneAsync(page);
        await ScreenshotAsync(page, "mc1");
    }

    [SkippableFact]
    public async Task TheMyAppPageShowsTheInitStepsTimelineFromTheirOwnRecordAndTheRowsTheyPrepared()
    {
        var page = await OpenAsync(fixture.App.GetEndpoint("myapp", "http"));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pod myapp-pod: init steps in order, then the app");
        await Assertions.Expect(page.Locator("#answered")).ToContainTextAsync("Container myapp on host");
        await Assertions.Expect(page.Locator("#answered")).ToContainTextAsync("Its second port");
        var containers = await page.Locator("#init-order tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.Equal(["init-myservice", "init-myservice", "init-mydb", "init-mydb", "myapp"], containers.Take(5));
        await Assertions.Expect(page.Locator("#init-order tbody tr").Nth(1)).ToContainTextAsync("ended, exit code 0, after");
        await Assertions.Expect(page.Locator("#init-order-verdict")).ToHaveTextAsync("One after the other: each step ended with success before the next began.");
        Assert.True(await page.Locator("#items tbody tr").CountAsync() > 0, "no rows: init-mydb seeded none");
        await AssertFitsThePhoneAsync(page);
        await ScreenshotAsync(page, "myapp-pod");
    }

    [SkippableFact]
    public async Task TheMc2PageServedByMc3ShowsTheRunItsMembersReportedOnTheirWayOut()
    {
        var page = await OpenAsync(new Uri(fixture.App.GetEndpoint("proxy", "http"), "/mc2"));

        // mc2 runs once, at start-up; each member reports its run to mc3 as it ends, retrying until mc3 is up.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await page.Locator("#members td:has-text('no report')").CountAsync() + await page.Locator("#no-run").CountAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"mc2's members did not both report within 90 s:\n{await page.Locator("body").InnerTextAsync()}");
            await page.WaitForTimeoutAsync(500);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pod mc2: a producer and a consumer on one message queue");
        await Assertions.Expect(page.Locator("#answered")).ToContainTextAsync("Container webapp on host");
        await Assertions.Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(2);
        foreach (var (member, outcome) in new[] { ("producer", "Delivered"), ("consumer", "Completed") })
        {
            var cells = await page.Locator($"#members tbody tr:has(th:text-is('{member}')) td").AllTextContentsAsync();
            Assert.Equal(["10", outcome, "0"], cells);
        }

        var rows = page.Locator("#messages tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        for (var i = 0; i < 10; i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllTextContentsAsync();
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[0]);
            Assert.Matches("^[0-9]{2}$", cells[1]);
            Assert.Equal(cells[1], cells[2]);
            Assert.Matches("^[0-9]+ µs$", cells[3]);
        }

        await Assertions.Expect(page.Locator("#verdict")).ToHaveTextAsync("Every message arrived, in order, as it was sent, and both containers exited 0.");
        await AssertFitsThePhoneAsync(page);
        await ScreenshotAsync(page, "mc2");
    }

    [SkippableFact]
    public async Task TheAmbassadorPageShowsLocalhostOnlyAndTheKeysOfEachShardFromPrometheus()
    {
        var unavailable = await fixture.ContainerPodsUnavailableAsync();
        Skip.If(unavailable is not null, unavailable);
        var counter = fixture.App.GetEndpoint("counter", "http");
        var before = (await new CounterClient(counter).SettledShardsAsync()).Values.Sum();
        var page = await OpenAsync(counter);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pod ambassador: the app talks to localhost, twemproxy beside it shards the keys");
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^localhost:\d+,password=\*+,proxy=Twemproxy$"));
        var written = long.Parse(await page.Locator("#written strong").First.TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByRole(AriaRole.Button, new() { Name = "Write 10 keys" }).ClickAsync();
        await Assertions.Expect(page.Locator("#written strong").First).ToHaveTextAsync((written + 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Prometheus has the new keys once it has scraped both adapters (every 5 s): the page is read again until then.
        var expected = (before + 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < 20 && await page.Locator("#shards-total strong").TextContentAsync() != expected; attempt++)
        {
            await page.WaitForTimeoutAsync(1000);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.Locator("#shards-total strong")).ToHaveTextAsync(expected);
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "shard-a", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "shard-b", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Things to try" })).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);
        await ScreenshotAsync(page, "ambassador");
    }

    private async Task<IPage> OpenAsync(Uri url)
    {
        Skip.If(_browser is null, $"{Chromium} is not installed (apt-get install chromium)");
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var response = await page.GotoAsync(url.ToString());
        Assert.True(response?.Ok, $"{url} answered {response?.Status}");
        return page;
    }

    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        // The elements that reach past the screen's right edge, named so that a failure says what to fix.
        var tooWide = await page.EvaluateAsync<string[]>("""
            [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ': ' + e.textContent.slice(0, 60))
            """);
        Assert.True(tooWide.Length == 0, $"the page is wider than a phone's screen ({await page.EvaluateAsync<int>("window.innerWidth")} px):\n{string.Join('\n', tooWide)}");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(s_screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(s_screenshots, $"{name}.png"), FullPage = true });
    }
}
