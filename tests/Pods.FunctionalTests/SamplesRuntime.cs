namespace Pods.FunctionalTests;

/// <summary>
/// The samples app host (Aspire's Redis and PostgreSQL, a secret parameter, a project in no pod) deployed under podman
/// by its own pipeline step, as a user deploys it: its databases run from the images <c>eng/pods/setup.sh</c> builds,
/// which keep the official images' contract, chosen by configuration alone (<c>PodSuite:Images:&lt;resource&gt;</c>). It
/// starts from nothing (a destroy that removes data first) and removes everything it made, data too, at the end. Its
/// pods are labelled as an app of their own; the demo's collection runs before it, since both publish host ports.
/// </summary>
public sealed class SamplesRuntime : IAsyncLifetime
{
    public const string PartOf = "podsuite-samples-tests";
    public const string ApiKey = "samples-test-key";

    /// <summary>The pods a deploy of the samples makes (the dashboard is left out: the demo's tests cover it).</summary>
    public static readonly string[] Pods = ["cache", "pg", "shop", "report"];

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(15);

    public string? Unavailable { get; private set; }

    /// <summary>What the first deploy printed.</summary>
    public string DeployOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (podman, _) = await TestRepository.RunAsync("podman", ["--version"], StepTimeout);
        var (images, _) = await TestRepository.RunAsync("curl", ["-fsS", "http://localhost:5055/v2/debian/postgres/tags/list"], StepTimeout);
        if (podman != 0 || images != 0)
        {
            Unavailable = "podman, or the images eng/pods/setup.sh builds (debian/redis, debian/postgres, debian/netcat), are not there: run eng/pods/setup.sh";
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", $"CI needs the pod runtime, but {Unavailable}.");
            return;
        }

        var (_, listed) = await TestRepository.RunAsync("podman", ["pod", "ps", "--format", "{{.Name}} {{index .Labels \"app.kubernetes.io/part-of\"}}"], StepTimeout);
        var inTheWay = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split(' ', 2))
            .Where(p => Pods.Contains(p[0]) && (p.Length < 2 || p[1] != PartOf)).Select(p => p[0]).ToList();
        if (inTheWay.Count > 0)
        {
            Unavailable = $"pods the samples' tests would replace are running, and they are not the tests' own: {string.Join(", ", inTheWay)}; remove them first";
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", Unavailable);
            return;
        }

        await RunStepAsync("destroy-pods", "--PodSuite:DestroyData=true");
        DeployOutput = await RunStepAsync("deploy-pods");
    }

    public async Task DisposeAsync()
    {
        if (Unavailable is null)
        {
            await RunStepAsync("destroy-pods", "--PodSuite:DestroyData=true");
        }
    }

    public void SkipUnlessRunning() => Skip.If(Unavailable is not null, Unavailable);

    /// <summary>Runs one of the samples app host's pipeline steps for podman; it must succeed. Its output.</summary>
    public async Task<string> RunStepAsync(string step, params string[] settings)
    {
        var (exitCode, output) = await TestRepository.RunAsync("dotnet",
        [
            "run", "--project", Path.Combine(TestRepository.Root, "samples", "AppHost"), "--no-build", "--",
            "--operation", "publish", "--step", step,
            "--PodSuite:Runtime=Podman", $"--PodSuite:PartOf={PartOf}", "--PodSuite:Dashboard:Enabled=false",
            // This machine's registry and images (no public registry here); a user's deploy names the official ones.
            "--PodSuite:Registry=localhost:5055",
            "--PodSuite:AspNetBaseImage=localhost:5055/dotnet/aspnet:10.0",
            "--PodSuite:RuntimeDepsBaseImage=localhost:5055/dotnet/runtime-deps:10.0",
            "--PodSuite:WaitImage=localhost:5055/debian/netcat:bookworm",
            "--PodSuite:Images:cache=localhost:5055/debian/redis:7.0",
            "--PodSuite:Images:pg=localhost:5055/debian/postgres:15",
            "--Parameters:banner-base=localhost:5055/dotnet/runtime-deps:10.0",
            $"--Parameters:api-key={ApiKey}",
            .. settings,
        ], StepTimeout);
        Assert.True(exitCode == 0, $"--step {step} of the samples failed ({exitCode}):\n{output}");
        return output;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SamplesCollection : ICollectionFixture<SamplesRuntime>
{
    public const string Name = "the samples under podman";
}
