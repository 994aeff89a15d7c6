using Microsoft.Extensions.Logging.Testing;
using PodSuite.Hosting.Kubernetes.Runtimes.Podman;

namespace Hosting.Kubernetes.Tests;

/// <summary>
/// The app's Secret under real podman: a secret parameter and a value composed with it reach the container from the
/// Secret, no file the deploy leaves holds them, a changed value plays the pod that reads it again, and destroy keeps
/// the Secret. The test's pod and Secret carry a part-of label of their own, and are removed at the end.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AppSecretUnderPodmanTests : IDisposable
{
    private const string PartOf = "podsuite-secret-test";
    private const string PodName = "secret-test";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("podsuite-secret-");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public void Dispose()
    {
        _http.Dispose();
        _work.Delete(recursive: true);
    }

    [SkippableFact]
    public async Task ASecretValueReachesTheContainerFromTheSecretAndAChangeReplaysThePod()
    {
        Skip.If(!File.Exists("/usr/bin/podman") && Environment.GetEnvironmentVariable("CI") != "true", "podman is not installed: run eng/pods/setup.sh");
        var podman = new PodmanPods(_http);
        var logs = new FakeLogCollector();
        try
        {
            await DeployAsync(podman, logs, "first-s3cret");
            Assert.Equal(["API_KEY=first-s3cret", "AUTH=Bearer first-s3cret"], await EnvironmentAsync(podman));
            Assert.Contains(logs.GetSnapshot(), r => r.Message == $"Secret {PartOf}-secrets: made with api-key, app.AUTH");
            var written = string.Concat(Directory.GetFiles(_work.FullName, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
            Assert.Contains("secretKeyRef", written);
            Assert.DoesNotContain("first-s3cret", written);

            await DeployAsync(podman, logs, "first-s3cret");
            Assert.Contains(logs.GetSnapshot(), r => r.Message == $"Pod {PodName}: unchanged, left as it is");

            await DeployAsync(podman, logs, "second-s3cret");
            Assert.Contains(logs.GetSnapshot(), r => r.Message == $"Pod {PodName}: replaced (its spec changed)");
            Assert.Equal(["API_KEY=second-s3cret", "AUTH=Bearer second-s3cret"], await EnvironmentAsync(podman));

            await Deployment(podman, logs, Options()).DestroyAsync([], CancellationToken.None);
            Assert.Equal(0, (await podman.Command("secret", "inspect", $"{PartOf}-secrets").RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).ExitCode);

            var destroyData = Options();
            destroyData.DestroyData = true;
            await Deployment(podman, logs, destroyData).DestroyAsync([], CancellationToken.None);
            Assert.NotEqual(0, (await podman.Command("secret", "inspect", $"{PartOf}-secrets").RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).ExitCode);
            Assert.Contains(logs.GetSnapshot(), r => r.Message == $"Removed secret {PartOf}-secrets, the app's data, as DestroyData asked");
        }
        finally
        {
            await podman.Command("pod", "rm", "--force", PodName).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
            await podman.Command("secret", "rm", $"{PartOf}-secrets").RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task ASecretOfThatNameMadeByHandFailsTheDeployAndIsLeftAsItWas()
    {
        Skip.If(!File.Exists("/usr/bin/podman") && Environment.GetEnvironmentVariable("CI") != "true", "podman is not installed: run eng/pods/setup.sh");
        var podman = new PodmanPods(_http);
        var secret = $"{PartOf}-secrets";
        try
        {
            Assert.Equal(0, (await podman.Command("secret", "create", secret, "-").RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None, "{}")).ExitCode);
            var before = (await podman.Command("secret", "inspect", secret, "--format", "{{.ID}}").RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).StandardOutput;

            var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => DeployAsync(podman, new FakeLogCollector(), "s3cret"));

            Assert.StartsWith($"The deploy failed, and changed nothing: secret '{secret}' was made by hand", error.Message);
            Assert.Contains($"podman secret rm {secret}", error.Message);
            Assert.Equal(before, (await podman.Command("secret", "inspect", secret, "--format", "{{.ID}}").RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).StandardOutput);
            Assert.NotEqual(0, (await podman.Command("pod", "exists", PodName).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).ExitCode);
        }
        finally
        {
            await podman.Command("pod", "rm", "--force", PodName).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
            await podman.Command("secret", "rm", secret).RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        }
    }

    private async Task DeployAsync(PodmanPods podman, FakeLogCollector logs, string apiKey)
    {
        var builder = PodModel.CreateBuilder(["--operation", "publish", $"--Parameters:api-key={apiKey}"]);
        var key = builder.AddParameter("api-key", secret: true);
        builder.AddContainer("app", "localhost:5055/dotnet/runtime-deps", "10.0").InPod(builder.AddPod(PodName))
            .WithEntrypoint("sleep").WithArgs("600")
            .WithEnvironment("API_KEY", key)
            .WithEnvironment("AUTH", ReferenceExpression.Create($"Bearer {key}"));
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

    private static async Task<string[]> EnvironmentAsync(PodmanPods podman)
    {
        var (_, _, output) = await podman.Command("--log-level=error", "inspect", $"{PodName}-app", "--format", "{{range .Config.Env}}{{println .}}{{end}}")
            .RunAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        return [.. output.Split('\n').Where(l => l.StartsWith("API_KEY=", StringComparison.Ordinal) || l.StartsWith("AUTH=", StringComparison.Ordinal)).Order()];
    }
}
