using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Pods.FunctionalTests;

/// <summary>
/// The Aspire dashboard deployed with the pods, asserted through its telemetry HTTP API (<c>/api/telemetry</c>, with
/// the API key the deploy's Secret gave it): every container reports to it, with the pod's identity.
/// </summary>
[Collection(PodRuntimeCollection.Name)]
public partial class TelemetryTests(PodRuntime pods)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly HttpClient s_http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };

    [SkippableFact]
    public async Task TheDeployPrintsALoginUrlWhoseTokenLetsABrowserInAndTheApiWantsItsKey()
    {
        pods.SkipUnlessRunning();

        var login = LoginUrl().Match(pods.DeployOutput);
        Assert.True(login.Success, $"no dashboard login URL in the deploy's output:\n{pods.DeployOutput}");
        Assert.Equal(await pods.AddressOfAsync("aspire-dashboard"), login.Groups["host"].Value);

        using var wrongToken = await s_http.GetAsync(login.Value.Replace(login.Groups["token"].Value, new string('0', 32), StringComparison.Ordinal));
        using var rightToken = await s_http.GetAsync(login.Value);
        using var noKey = await s_http.GetAsync($"http://{login.Groups["host"].Value}:18888/api/telemetry/resources");

        Assert.DoesNotContain(wrongToken.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".Aspire.Dashboard.Auth", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, rightToken.StatusCode);
        Assert.Contains(rightToken.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Aspire.Dashboard.Auth", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [SkippableFact]
    public async Task ARequestThroughTheMc3ProxyIsOneTraceWithSpansFromTheProxyAndTheWebApp()
    {
        pods.SkipUnlessRunning();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost:8080/");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await s_http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var spans = await UntilAsync(async api => await api.SpansAsync($"traces/{traceId}"), s => s.Select(x => x.Service).Distinct().Count() >= 2);

        Assert.Equal(["proxy", "webapp"], spans.Select(s => s.Service).Distinct().Order());
        Assert.All(spans, s => Assert.Equal(traceId, s.TraceId));
        Assert.All(spans, s => Assert.Equal("mc3", s.Resource["k8s.pod.name"]));
        Assert.Equal("default", spans[0].Resource["k8s.namespace.name"]);
        Assert.All(spans, s => Assert.Equal(s.Service, s.Resource["k8s.container.name"]));
    }

    [SkippableFact]
    public async Task EachMessageTheMc2ConsumerProcessedIsInTheTraceOfItsSend()
    {
        pods.SkipUnlessRunning();

        var processed = await UntilAsync(async api => await api.SpansAsync("spans?resource=consumer&limit=100"), s => s.Count(x => x.Name.StartsWith("process ", StringComparison.Ordinal)) >= 10);
        var sent = await UntilAsync(async api => await api.SpansAsync("spans?resource=producer&limit=100"), s => s.Count(x => x.Name.StartsWith("send ", StringComparison.Ordinal)) >= 10);

        var sends = sent.Where(s => s.Name.StartsWith("send ", StringComparison.Ordinal)).ToDictionary(s => s.SpanId);
        var processes = processed.Where(s => s.Name.StartsWith("process ", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, sends.Count);
        Assert.Equal(10, processes.Count);
        Assert.All(processes, p => Assert.Equal(sends[p.ParentSpanId].TraceId, p.TraceId));
        Assert.Equal(10, processes.Select(p => p.TraceId).Distinct().Count());
        Assert.All(processes, p => Assert.Equal("mc2", p.Resource["k8s.pod.name"]));
    }

    [SkippableFact]
    public async Task TheLogWritersLogRecordsArriveWithItsPod()
    {
        pods.SkipUnlessRunning();

        var records = await UntilAsync(async api => await api.LogsAsync("log-writer"), r => r.Any(x => x.Body.Contains("/var/log-writer/html/index.html", StringComparison.Ordinal)));

        Assert.Contains(records, r => r.Body.Contains("/var/log-writer/html/index.html", StringComparison.Ordinal));
        Assert.All(records, r => Assert.Equal("mc1", r.Resource["k8s.pod.name"]));
        Assert.All(records, r => Assert.Equal("log-writer", r.Resource["k8s.container.name"]));
    }

    [SkippableFact]
    public async Task EveryMemberReportsInitStepsAndRunToCompletionMembersToo()
    {
        pods.SkipUnlessRunning();

        var resources = await UntilAsync(async api => await api.ResourcesAsync(), r => r.Count >= 10);

        // The .NET members; the off-the-shelf containers (Redis, twemproxy, the exporters, Prometheus) send no telemetry.
        Assert.Equal(["consumer", "counter", "init-mydb", "init-myservice", "log-writer", "myapp", "producer", "proxy", "static-site", "webapp"], resources.Order());
    }

    // Telemetry is exported in batches, every few seconds: asked again until it is there, or the timeout.
    private async Task<T> UntilAsync<T>(Func<DashboardApi, Task<T>> ask, Func<T, bool> done)
    {
        var api = await DashboardApi.OfAsync(pods);
        using var timeout = new CancellationTokenSource(Timeout);
        var answer = await ask(api);
        while (!done(answer) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(500, CancellationToken.None);
            answer = await ask(api);
        }

        return answer;
    }

    [GeneratedRegex(@"http://(?<host>[0-9.]+):18888/login\?t=(?<token>[0-9a-f]{32})")]
    private static partial Regex LoginUrl();
}
