using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;

namespace Pods.FunctionalTests;

/// <summary>
/// The samples' app under podman: it counts in Redis and records in PostgreSQL through connection strings whose
/// passwords come from the app's Secret; its sidecar runs the image built from its Dockerfile, with its bind-mounted
/// config; the databases answer only on podman's network, never on the host's
/// addresses; and PostgreSQL's data, in its claim's volume, outlives its pod and an ordinary destroy, with the same
/// generated password.
/// </summary>
[Collection(SamplesCollection.Name)]
public sealed class SamplesPodsTests(SamplesRuntime samples) : IDisposable
{
    private const string Shop = "http://localhost:8080";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    [SkippableFact]
    public async Task TheAppCountsInRedisAndRecordsInPostgresWithPasswordsFromTheAppsSecret()
    {
        samples.SkipUnlessRunning();
        var before = await VisitsAsync();

        var posted = await _http.PostAsync($"{Shop}/visits", null);

        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        var after = await VisitsAsync();
        Assert.Equal((before.Cache + 1, before.Recorded + 1), (after.Cache, after.Recorded));
        var (_, secret) = await TestRepository.RunAsync("podman", ["secret", "inspect", $"{SamplesRuntime.PartOf}-secrets"], TimeSpan.FromMinutes(1));
        Assert.Contains("\"podsuite.io/data\": \"true\"", secret);
        // The report pod, in no pod of the shop's, reads the same databases through their Services' names.
        var (exitCode, report) = await TestRepository.RunAsync("podman", ["exec", "report-report", "bash", "-c",
            "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /visits HTTP/1.0\\r\\n\\r\\n' >&3 && cat <&3"], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, report);
        Assert.Contains($"\"recorded\":{after.Recorded}", report);
        // The shop asks for two copies (WithReplicas(2)); podman plays one, and the deploy says so.
        Assert.Contains("Pod 'shop' asks for 2 replicas; podman runs one", samples.DeployOutput);
    }

    [SkippableFact]
    public async Task TheDatabasePortsAnswerOnPodmansNetworkAndOnNoAddressOfTheHost()
    {
        samples.SkipUnlessRunning();
        foreach (var (pod, port) in new[] { ("pg", 5432), ("cache", 6379) })
        {
            var (_, address) = await TestRepository.RunAsync("podman", ["pod", "inspect", pod, "--format", "{{.InfraContainerID}}"], TimeSpan.FromMinutes(1));
            var (_, inspected) = await TestRepository.RunAsync("podman", ["inspect", address.Trim()], TimeSpan.FromMinutes(1));
            var podAddress = JsonDocument.Parse(inspected).RootElement[0].GetProperty("NetworkSettings").GetProperty("Networks")
                .EnumerateObject().Select(n => n.Value.GetProperty("IPAddress").GetString()).First(a => !string.IsNullOrEmpty(a))!;
            Assert.True(await AnswersAsync(IPAddress.Parse(podAddress), port), $"{pod} does not answer at its own address {podAddress}:{port}");

            foreach (var host in HostAddresses())
            {
                Assert.False(await AnswersAsync(host, port), $"{pod}'s port {port} answers on the host's address {host}");
            }
        }
    }

    [SkippableFact]
    public async Task PostgresDataOutlivesItsPodAndAnOrdinaryDestroyWithTheSamePassword()
    {
        samples.SkipUnlessRunning();
        Assert.True((await _http.PostAsync($"{Shop}/visits", null)).IsSuccessStatusCode);
        var recorded = (await VisitsAsync()).Recorded;

        Assert.Equal(0, (await TestRepository.RunAsync("podman", ["pod", "rm", "--force", "pg"], TimeSpan.FromMinutes(1))).ExitCode);
        Assert.Contains("Pod pg: started", await samples.RunStepAsync("deploy-pods"));
        Assert.Equal(recorded, (await VisitsAsync()).Recorded);

        var destroyed = await samples.RunStepAsync("destroy-pods");
        Assert.DoesNotContain("the app's data", destroyed);
        var (_, volumes) = await TestRepository.RunAsync("podman", ["volume", "ls", "--format", "{{.Name}}"], TimeSpan.FromMinutes(1));
        Assert.Contains("samples-pg-data", volumes.Split('\n'));
        await samples.RunStepAsync("deploy-pods");
        Assert.Equal(recorded, (await VisitsAsync()).Recorded);
    }

    [SkippableFact]
    public async Task TheSidecarRunsTheImageBuiltFromItsDockerfileWithItsBindMountedConfig()
    {
        samples.SkipUnlessRunning();

        var (_, image) = await TestRepository.RunAsync("podman", ["inspect", "shop-banner", "--format", "{{.ImageName}}"], TimeSpan.FromMinutes(1));
        var (_, log) = await TestRepository.RunAsync("podman", ["logs", "shop-banner"], TimeSpan.FromMinutes(1));
        var (_, user) = await TestRepository.RunAsync("podman", ["exec", "shop-banner", "id", "-u"], TimeSpan.FromMinutes(1));

        // Built, pushed under its content tag, and pinned by digest, as a project's image is.
        Assert.Matches("^localhost:5055/banner(:src-[0-9a-f]{12})?@sha256:[0-9a-f]{64}$", image.Trim());
        Assert.Contains("Welcome to the shop", log);
        Assert.Contains("motd: today the shop runs in a multi-container pod.", log);
        Assert.Equal("65534", user.Trim());
        Assert.Matches(@"localhost:5055/banner:src-[0-9a-f]{12}: (built|the registry holds it)", samples.DeployOutput);
    }

    private async Task<(long Cache, long Recorded)> VisitsAsync()
    {
        var response = await _http.GetAsync($"{Shop}/visits");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var visits = JsonDocument.Parse(body).RootElement;
        return (visits.GetProperty("cache").GetInt64(), visits.GetProperty("recorded").GetInt64());
    }

    // Every IPv4 address of this machine's own interfaces (podman's bridge included), loopback too.
    private static IEnumerable<IPAddress> HostAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address).Where(a => a.AddressFamily == AddressFamily.InterNetwork).Distinct();

    private static async Task<bool> AnswersAsync(IPAddress address, int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await client.ConnectAsync(address, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
