using Microsoft.Extensions.Logging.Testing;
using PodSuite.Hosting.Kubernetes.Runtimes.Podman;

namespace Hosting.Kubernetes.Tests;

/// <summary>
/// A named volume's claim under real podman: a named volume labelled as the app's data, made once, kept when its pod is
/// played again and by destroy, removed only by destroy with DestroyData; one of that name made by hand fails the
/// deploy and is left as it was. The test's pod and volume carry a part-of label of their own, and are removed at the end.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataVolumeUnderPodmanTests : IDisposable
{
    private const string PartOf = "podsuite-volume-test";
    private const string PodName = "volume-test";
    private const string Volume = "podsuite-volume-test-data";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("podsuite-volume-");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public void Dispose()
    {
        _http.Dispose();
        _work.Delete(recursive: true);
    }

    [SkippableFact]
    public async Task TheDataOutlivesItsPodAndAnOrdinaryDestroyAndGoesOnlyWithDestroyData()
    {
        Skip.If(!File.Exists("/usr/bin/podman") && Environment.GetEnvironmentVariable("CI") != "true", "podman is not installed: run eng/pods/setup.sh");
        var podman = new PodmanPods(_http);
        var logs = new FakeLogCollector();
        try
        {
            await DeployAsync(podman, logs, "first");
            Assert.Contains(logs.GetSnapshot(), r => r.Message == $"Volume {Volume}: made for its claim, kept until destroy is asked to remove data");
            Assert.Equal("true", (await LabelsAsync(podman))["podsuite.io/data"]);
            await RunAsync(podman, "exec", $"{PodName}-app", "sh", "-c", "echo kept > /data/note");

            await DeployAsync(podman, logs, "second");
            Assert.Contains(logs.GetSnapshot(), r => r.Message == $"Pod {PodName}: replaced (its spec changed)");
            Assert.Equal("kept\n", await RunAsync(podman, "exec", $"{PodName}-app", "cat", "/data/note"));

            await Deployment(podman, logs, Options()).DestroyAsync([], CancellationToken.None);
            Assert.NotEqual(0, (await podman.Command("pod", "exists", PodName).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).ExitCode);
            Assert.Equal(0, (await podman.Command("volume", "exists", Volume).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).ExitCode);

            var destroyData = Options();
            destroyData.DestroyData = true;
            await Deployment(podman, logs, destroyData).DestroyAsync([], CancellationToken.None);
            Assert.NotEqual(0, (await podman.Command("volume", "exists", Volume).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).ExitCode);
            Assert.Contains(logs.GetSnapshot(), r => r.Message == $"Removed volume {Volume}, the app's data, as DestroyData asked");
        }
        finally
        {
            await podman.Command("pod", "rm", "--force", PodName).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
            await podman.Command("volume", "rm", "--force", Volume).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task AVolumeOfThatNameMadeByHandFailsTheDeployAndIsLeftAsItWas()
    {
        Skip.If(!File.Exists("/usr/bin/podman") && Environment.GetEnvironmentVariable("CI") != "true", "podman is not installed: run eng/pods/setup.sh");
        var podman = new PodmanPods(_http);
        try
        {
            await RunAsync(podman, "volume", "create", Volume);

            var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => DeployAsync(podman, new FakeLogCollector(), "first"));

            Assert.StartsWith("The deploy failed, and changed nothing:", error.Message);
            Assert.Contains($"- volume '{Volume}', the claim of pod '{PodName}', was made by hand", error.Message);
            Assert.Empty(await LabelsAsync(podman));
            Assert.NotEqual(0, (await podman.Command("pod", "exists", PodName).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).ExitCode);

            // Nor does destroy, even asked to remove data, take a volume that is not the app's.
            var destroyData = Options();
            destroyData.DestroyData = true;
            await Deployment(podman, new FakeLogCollector(), destroyData).DestroyAsync([], CancellationToken.None);
            Assert.Equal(0, (await podman.Command("volume", "exists", Volume).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).ExitCode);
        }
        finally
        {
            await podman.Command("pod", "rm", "--force", PodName).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
            await podman.Command("volume", "rm", "--force", Volume).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        }
    }

    private async Task DeployAsync(PodmanPods podman, FakeLogCollector logs, string version)
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "localhost:5055/dotnet/runtime-deps", "10.0").InPod(builder.AddPod(PodName))
            .WithEntrypoint("sleep").WithArgs("600")
            .WithEnvironment("VERSION", version)
            .WithVolume(Volume, "/data");
        var options = Options();
        var pods = await builder.MapAsync(options);
        await Deployment(podman, logs, options).DeployAsync(pods, CancellationToken.None);
    }

    private PodmanDeployment Deployment(PodmanPods podman, FakeLogCollector logs, KubernetesPublishOptions options) =>
        new(options, podman, new FakeLogger(logs), () => _work.FullName);

    private static KubernetesPublishOptions Options()
    {
        var options = Publisher.ForPodman;
        options.PartOf = PartOf;
        options.DeployTimeout = TimeSpan.FromMinutes(2);
        return options;
    }

    private static async Task<IReadOnlyDictionary<string, string>> LabelsAsync(PodmanPods podman) =>
        (await podman.VolumesAsync(CancellationToken.None))[Volume];

    private static async Task<string> RunAsync(PodmanPods podman, params string[] arguments)
    {
        var (exitCode, output, standardOutput) = await podman.Command(arguments).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(exitCode == 0, $"podman {string.Join(' ', arguments)} failed ({exitCode}): {output}");
        return standardOutput;
    }
}
