using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AppHost.FunctionalTests;

[Collection(PodSuiteCollection.Name)]
public class InitPodTests(PodSuiteAppFixture fixture)
{
    [Fact]
    public void TheInitStepsRanOneAfterTheOtherEachToSuccessBeforeTheAppStarted()
    {
        var initMyService = Snapshot("init-myservice");
        var initMyDb = Snapshot("init-mydb");
        var myapp = Snapshot("myapp");

        Assert.Equal(0, initMyService.ExitCode);
        Assert.Equal(0, initMyDb.ExitCode);
        Assert.Equal(KnownResourceStates.Running, myapp.State?.Text);
        Assert.True(initMyService.StopTimeStamp <= initMyDb.StartTimeStamp,
            $"init-mydb started at {initMyDb.StartTimeStamp:O}, before init-myservice stopped at {initMyService.StopTimeStamp:O}");
        Assert.True(initMyDb.StopTimeStamp <= myapp.StartTimeStamp,
            $"myapp started at {myapp.StartTimeStamp:O}, before init-mydb stopped at {initMyDb.StopTimeStamp:O}");
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
