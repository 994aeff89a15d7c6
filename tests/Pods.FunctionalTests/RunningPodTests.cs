using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using PodSuite.InitOrder;

namespace Pods.FunctionalTests;

/// <summary>The behaviours of the demo pods, asserted against the published manifests running in podman.</summary>
[Collection(PodRuntimeCollection.Name)]
public class RunningPodTests(PodRuntime pods)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [SkippableFact]
    public async Task Mc1ThePageGainsLinesWrittenByOneContainerAndServedByTheOther()
    {
        pods.SkipUnlessRunning();

        var first = await TimestampLinesAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        var later = first;
        // A line a second; the bound is for a machine under load, not the rate (TimestampWriterTests checks that).
        while (!later.Except(first).Any() && !timeout.IsCancellationRequested)
        {
            await Task.Delay(200, CancellationToken.None);
            later = await TimestampLinesAsync();
        }

        Assert.NotEmpty(first);
        Assert.NotEmpty(later.Except(first));
        Assert.Equal(later.Order(StringComparer.Ordinal), later);
        var writer = await pods.LogsAsync("mc1-log-writer");
        Assert.Contains("/var/log-writer/html/index.html", writer);
    }

    [SkippableFact]
    public async Task EveryHealthCheckRunsWithoutCurlAndPasses()
    {
        pods.SkipUnlessRunning();

        foreach (var container in new[] { "mc1-log-writer", "mc1-static-site", "mc3-proxy", "mc3-webapp", "myapp-pod-myapp" })
        {
            var (exitCode, output) = await pods.PodmanAsync("healthcheck", "run", container);

            Assert.True(exitCode == 0, $"podman healthcheck run {container}: {output}");
            Assert.Equal("healthy", (await pods.InspectAsync(container)).GetProperty("State").GetProperty("Health").GetProperty("Status").GetString());
        }
    }

    [SkippableFact]
    public async Task Mc2TheConsumerSawEveryMessageAndExitedZeroInThePodsOwnIpcNamespace()
    {
        pods.SkipUnlessRunning();

        Assert.Equal(0, await pods.WaitForExitAsync("mc2-consumer", Timeout));
        Assert.Equal(0, await pods.WaitForExitAsync("mc2-producer", Timeout));

        var produced = DemoOutput.MessageTexts((await pods.LogsAsync("mc2-producer")).Split('\n'), "Produced");
        Assert.Equal(10, produced.Count);
        var consumer = await pods.LogsAsync("mc2-consumer");
        Assert.Equal(produced, DemoOutput.MessageTexts(consumer.Split('\n'), "Consumed"));
        Assert.Contains("Consumed: done after 10 messages, none lost; queue removed", consumer);

        var producerIpc = (await pods.InspectAsync("mc2-producer")).GetProperty("HostConfig").GetProperty("IpcMode").GetString();
        var consumerIpc = (await pods.InspectAsync("mc2-consumer")).GetProperty("HostConfig").GetProperty("IpcMode").GetString();
        Assert.Equal(producerIpc, consumerIpc);
        Assert.StartsWith("container:", producerIpc);
        Assert.NotEqual("host", producerIpc);
    }

    [SkippableFact]
    public async Task Mc2ItsMembersReportedTheirRunToMc3WhichServesMc2sPage()
    {
        pods.SkipUnlessRunning();
        Assert.Equal(0, await pods.WaitForExitAsync("mc2-consumer", Timeout));
        Assert.Equal(0, await pods.WaitForExitAsync("mc2-producer", Timeout));
        var produced = DemoOutput.MessageTexts((await pods.LogsAsync("mc2-producer")).Split('\n'), "Produced");

        // A member exits only after its report was taken, or given up on (which it logs).
        var reports = await RetryAsync(() => s_http.GetFromJsonAsync<JsonElement[]>("http://localhost:8080/api/runs/mc2"));

        Assert.Equal(["producer", "consumer"], reports!.Select(r => r.GetProperty("member").GetString()));
        foreach (var report in reports!)
        {
            Assert.Equal("mc2", report.GetProperty("host").GetString());
            Assert.Equal(0, report.GetProperty("exitCode").GetInt32());
            Assert.Equal(produced, report.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()!));
        }

        var page = await s_http.GetStringAsync("http://localhost:8080/mc2");
        Assert.Contains("Every message arrived, in order, as it was sent, and both containers exited 0.", page, StringComparison.Ordinal);
        Assert.Contains("<strong>webapp</strong> on host <strong>mc3</strong>", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Mc3TheProxyAnswersOnThePublishedPortWithTheWebAppReportingThePodsName()
    {
        pods.SkipUnlessRunning();

        var info = await RetryAsync(() => s_http.GetFromJsonAsync<JsonElement>("http://localhost:8080/api/info"));

        Assert.Equal("mc3", info.GetProperty("hostname").GetString());
        Assert.Equal("HTTP/2", info.GetProperty("protocol").GetString());
        Assert.Equal("localhost:8080", info.GetProperty("forwardedHeaders").GetProperty("X-Forwarded-Host").GetString());
    }

    [SkippableFact]
    public async Task Mc3TheWebAppsPortsAreNotReachableFromTheHost()
    {
        pods.SkipUnlessRunning();
        await RetryAsync(() => s_http.GetStringAsync("http://localhost:8080/health"));

        Assert.Equal(SocketError.ConnectionRefused, await ConnectionErrorAsync(5000));
    }

    [SkippableFact]
    public async Task Mc3TheWebAppsSocketIsInTheSharedVolumeOpenToItsUserAndGroupOnly()
    {
        pods.SkipUnlessRunning();
        await RetryAsync(() => s_http.GetStringAsync("http://localhost:8080/health"));

        // What mc3's page tells a learner to try.
        var (exitCode, listing) = await pods.ExecAsync("mc3-webapp", "ls", "-ln", "/run/mc3");

        Assert.True(exitCode == 0, listing);
        Assert.Matches(@"(?m)^srw-rw---- +\d+ +1654 +\d+ .* webapp\.sock$", listing);
        var page = await s_http.GetStringAsync("http://localhost:8080/");
        Assert.Contains("The request reached it on socket <strong>/run/mc3/webapp.sock</strong> over <strong>HTTP/2</strong>", page);
    }

    [SkippableFact]
    public async Task MyAppPodTheInitContainersRanInOrderBeforeTheAppWhichServesTheSeededRows()
    {
        pods.SkipUnlessRunning();

        var items = await RetryAsync(() => s_http.GetFromJsonAsync<JsonElement>("http://localhost:8082/api/items"));

        Assert.Equal(["sidecar", "init container", "shared volume"], items.EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        var initMyService = await StateAsync("myapp-pod-init-myservice");
        var initMyDb = await StateAsync("myapp-pod-init-mydb");
        var myapp = await StateAsync("myapp-pod-myapp");
        Assert.Equal((0, 0), (initMyService.ExitCode, initMyDb.ExitCode));
        Assert.Equal((0, 0), (initMyService.Restarts, initMyDb.Restarts));
        Assert.True(initMyService.Finished <= initMyDb.Started, $"init-mydb started {initMyDb.Started:O}, before init-myservice finished {initMyService.Finished:O}");
        Assert.True(initMyDb.Finished <= myapp.Started, $"myapp started {myapp.Started:O}, before init-mydb finished {initMyDb.Finished:O}");

        // The pod's own record in its shared volume init-order, on the node's one clock, from the admin port.
        var admin = await pods.AddressOfAsync("myapp-pod");
        var records = await RetryAsync(() => s_http.GetFromJsonAsync<InitOrderRecord[]>($"http://{admin}:8081/admin/init-order"));
        var problems = InitOrderCheck.FindProblems(records!, "init-myservice", "init-mydb", "myapp");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [SkippableFact]
    public async Task MyAppPodTheAdminPortOnItsClusterIPServiceIsNotPublishedOnTheHostButAnswersAtThePodsAddress()
    {
        pods.SkipUnlessRunning();
        await RetryAsync(() => s_http.GetStringAsync("http://localhost:8082/health"));

        var onTheHost = await ConnectionErrorAsync(8083);
        var database = await s_http.GetFromJsonAsync<JsonElement>($"http://{await pods.AddressOfAsync("myapp-pod")}:8081/admin/db");

        Assert.Equal(SocketError.ConnectionRefused, onTheHost);
        Assert.Equal(JsonValueKind.Object, database.ValueKind);
    }

    [SkippableTheory]
    [InlineData("mc1-log-writer", "LogWriter")]
    [InlineData("mc2-producer", "IpcDemo")]
    [InlineData("mc2-consumer", "IpcDemo")]
    [InlineData("myapp-pod-init-myservice", "InitMyService")]
    [InlineData("myapp-pod-init-mydb", "InitMyDb")]
    public async Task SidecarsAndInitStepsRunAsNativeExecutablesOnAnImageWithoutDotnet(string container, string executable)
    {
        pods.SkipUnlessRunning();

        var inspect = await pods.InspectAsync(container);

        Assert.Equal($"/app/{executable}", inspect.GetProperty("Path").GetString());
        var environment = inspect.GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString());
        Assert.DoesNotContain(environment, e => e!.StartsWith("DOTNET_ROOT=", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Mc1TheLogWritersLivenessCommandSaysItIsAliveInItsContainer()
    {
        pods.SkipUnlessRunning();

        var (exitCode, output) = await pods.ExecAsync("mc1-log-writer", "/app/LogWriter", "--check");

        Assert.True(exitCode == 0, output);
        Assert.Contains("alive", output);
    }

    [SkippableTheory]
    [InlineData("mc3-proxy")]
    [InlineData("mc1-static-site")]
    public async Task AContainersRootFileSystemIsReadOnlyAndOnlyItsScratchDirectoryIsWritable(string container)
    {
        pods.SkipUnlessRunning();

        var root = await pods.ExecAsync(container, "sh", "-c", "echo x > /written-by-a-test");
        var scratch = await pods.ExecAsync(container, "sh", "-c", "echo x > /tmp/written-by-a-test && rm /tmp/written-by-a-test");

        Assert.True(root.ExitCode != 0, $"writing to / worked in {container}: {root.Output}");
        Assert.Contains("Read-only file system", root.Output);
        Assert.True(scratch.ExitCode == 0, $"writing to /tmp failed in {container}: {scratch.Output}");
    }

    [SkippableFact]
    public async Task TheServersRunWithDotnetOnTheAspNetCoreImage()
    {
        pods.SkipUnlessRunning();

        var inspect = await pods.InspectAsync("mc3-proxy");

        Assert.Equal("dotnet", inspect.GetProperty("Path").GetString());
        Assert.Equal("/app/Proxy.dll", inspect.GetProperty("Args")[0].GetString());
        Assert.Contains("DOTNET_ROOT=/usr/share/dotnet", inspect.GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
    }

    private async Task<(DateTimeOffset Started, DateTimeOffset Finished, int ExitCode, int Restarts)> StateAsync(string container)
    {
        var inspect = await pods.InspectAsync(container);
        var state = inspect.GetProperty("State");
        return (state.GetProperty("StartedAt").GetDateTimeOffset(), state.GetProperty("FinishedAt").GetDateTimeOffset(),
            state.GetProperty("ExitCode").GetInt32(), inspect.GetProperty("RestartCount").GetInt32());
    }

    // How a connection to the port on this machine fails.
    private static async Task<SocketError> ConnectionErrorAsync(int port)
    {
        using var client = new TcpClient();
        return (await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("localhost", port))).SocketErrorCode;
    }

    private static async Task<string[]> TimestampLinesAsync()
    {
        var page = await RetryAsync(() => s_http.GetStringAsync("http://localhost:8081/"));
        return [.. page.Split('\n').Where(l => DemoOutput.TimestampLine().IsMatch(l))];
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !timeout.IsCancellationRequested)
            {
                await Task.Delay(500, timeout.Token);
            }
        }
    }
}
