using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PodSuite.InitOrder;

namespace AppHost.FunctionalTests;

[Collection(PodSuiteCollection.Name)]
public class InitPodTests(PodSuiteAppFixture fixture)
{
    [Fact]
    public async Task TheInitStepsRanOneAfterTheOtherEachToSuccessBeforeTheAppStarted()
    {
        using var admin = fixture.App.CreateHttpClient("myapp", "admin");
        using var app = fixture.App.CreateHttpClient("myapp", "http");

        // The pod's own record, on one clock: Aspire's start times read early (see TheDashboardsStartTimesReadEarly...).
        var records = await admin.GetFromJsonAsync<InitOrderRecord[]>("/admin/init-order");

        var problems = InitOrderCheck.FindProblems(records!, "init-myservice", "init-mydb", "myapp");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(
            ["init-myservice began", "init-myservice ended 0", "init-mydb began", "init-mydb ended 0", "myapp began"],
            records!.Select(r => $"{r.Container} {r.Event}"));
        Assert.Equal(0, Snapshot("init-myservice").ExitCode);
        Assert.Equal(0, Snapshot("init-mydb").ExitCode);
        Assert.Equal(KnownResourceStates.Running, Snapshot("myapp").State?.Text);
        Assert.Contains("id=\"init-order-verdict\">One after the other", await app.GetStringAsync("/"));
    }

    [Fact]
    public void TheDashboardsStartTimesReadEarlyByWhatThePodsNoteSaysAndNoMore()
    {
        Assert.True(fixture.Notifications.TryGetCurrentState("myapp-pod", out var pod));
        var note = Assert.Single(pod.Snapshot.Properties, p => p.Name == "Start times").Value as string;
        var early = TimeSpan.FromSeconds(double.Parse(
            note!.Split(" s early")[0].Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture));

        // Corrected by the note, each start comes after the stop it waited for, give or take a clock tick (10 ms) and
        // the note's rounding.
        var tick = TimeSpan.FromMilliseconds(20);
        Assert.True(Snapshot("init-mydb").StartTimeStamp + early + tick >= Snapshot("init-myservice").StopTimeStamp, note);
        Assert.True(Snapshot("myapp").StartTimeStamp + early + tick >= Snapshot("init-mydb").StopTimeStamp, note);
    }

    [Fact]
    public async Task MyAppServesTheRowsInitMyDbSeeded()
    {
        using var myapp = fixture.App.CreateHttpClient("myapp", "http");

        var items = await myapp.GetFromJsonAsync<JsonElement>("/api/items");

        Assert.Equal(["sidecar", "init container", "shared volume"], items.EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Contains("<td>init container</td>", await myapp.GetStringAsync("/"));
    }

    [Fact]
    public async Task TheAdminPortAnswersWhatTheAppPortDoesNot()
    {
        using var admin = fixture.App.CreateHttpClient("myapp", "admin");
        using var app = fixture.App.CreateHttpClient("myapp", "http");

        var status = await admin.GetFromJsonAsync<JsonElement>("/admin/db");

        Assert.Equal(2, status.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(3, status.GetProperty("items").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/admin/db")).StatusCode);
    }

    [Fact]
    public async Task InitMyServiceLoggedItsAttemptsOnTheDependency()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var log = await fixture.LogOfAsync("init-myservice", timeout.Token);

        Assert.Contains(log, l => l.Contains("http://proxy/health answered after", StringComparison.Ordinal));
    }

    private CustomResourceSnapshot Snapshot(string resource)
    {
        Assert.True(fixture.Notifications.TryGetCurrentState(resource, out var state), $"'{resource}' has no state");
        return state.Snapshot;
    }
}
