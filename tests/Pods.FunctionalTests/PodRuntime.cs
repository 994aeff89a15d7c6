using System.Text.Json;

namespace Pods.FunctionalTests;

/// <summary>
/// The demo pods running under podman, shipped once for the collection by the app host's own pipeline steps
/// (<c>--step deploy-pods</c>: images built and pushed, pods played, waited for) and removed afterwards with
/// <c>--step destroy-pods</c>, which removes only this app's pods. Without a pod runtime the tests are skipped with the
/// reason, except under CI=true, where that is a failure.
/// </summary>
public sealed class PodRuntime : IAsyncLifetime
{
    /// <summary>
    /// The tests' deploys are labelled as an app of their own, so their destroy never takes away a deploy of the user's.
    /// </summary>
    public const string PartOf = "podsuite-tests";

    /// <summary>The pods a deploy of the demo makes.</summary>
    public static readonly string[] DemoPods = ["aspire-dashboard", "mc1", "mc2", "mc3", "myapp-pod", "ambassador", "shard-a", "shard-b", "monitoring"];

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(15);

    public string? Unavailable { get; private set; }

    /// <summary>What the last deploy printed.</summary>
    public string DeployOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (podman, _) = await TryRunAsync("podman", ["--version"]);
        var (aspnet, _) = await TryRunAsync("curl", ["-fsS", "http://localhost:5055/v2/dotnet/aspnet/tags/list"]);
        var (runtimeDeps, _) = await TryRunAsync("curl", ["-fsS", "http://localhost:5055/v2/dotnet/runtime-deps/tags/list"]);
        var (dashboard, _) = await TryRunAsync("curl", ["-fsS", "http://localhost:5055/v2/aspire-dashboard/tags/list"]);
        if (podman != 0 || aspnet != 0 || runtimeDeps != 0 || dashboard != 0)
        {
            Unavailable = podman != 0
                ? "podman is not installed: run eng/pods/setup.sh to run the generated pods"
                : "the local registry with the base images (dotnet/aspnet, dotnet/runtime-deps) and the dashboard's (aspire-dashboard) is not running: run eng/pods/setup.sh";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"CI needs the pod runtime, but {Unavailable}.");
            }

            return;
        }

        if (await PodsInTheWayAsync() is { Length: > 0 } inTheWay)
        {
            Unavailable = $"pods the tests would replace are running, and they are not the tests' own: {inTheWay}. The tests " +
                "use the same pod names and host ports; remove yours first (dotnet run --project AppHost -- --operation publish " +
                "--step destroy-pods --PodSuite:Runtime=Podman) and run the tests again";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException(Unavailable);
            }

            return;
        }

        await RunStepAsync("destroy-pods");
        DeployOutput = await RunStepAsync("deploy-pods");
    }

    // A pod with one of the demo's names that a deploy of the tests' own did not make: a user's deploy, or their own pod.
    private async Task<string> PodsInTheWayAsync()
    {
        var (_, listed) = await TryRunAsync("podman", ["pod", "ps", "--format", "{{.Name}} {{index .Labels \"app.kubernetes.io/part-of\"}}"]);
        return string.Join(", ", listed.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().Split(' ', 2))
            .Where(pod => DemoPods.Contains(pod[0]) && (pod.Length < 2 || pod[1] != PartOf))
            .Select(pod => pod.Length < 2 || pod[1].Length == 0 ? pod[0] : $"{pod[0]} (part of {pod[1]})"));
    }

    /// <summary>Deploys the pods again, after a test took them away.</summary>
    public async Task RedeployAsync() => DeployOutput = await RunStepAsync("deploy-pods");

    public async Task DisposeAsync()
    {
        if (Unavailable is null)
        {
            await RunStepAsync("destroy-pods");
        }
    }

    /// <summary>Runs one of the app host's pipeline steps for podman; it must succeed. Its output.</summary>
    public async Task<string> RunStepAsync(string step)
    {
        var (exitCode, output) = await TryRunStepAsync(step);
        Assert.True(exitCode == 0, $"--step {step} failed ({exitCode}):\n{output}");
        return output;
    }

    /// <summary>Runs one of the app host's pipeline steps for podman, with more settings: its exit code and output.</summary>
    public Task<(int ExitCode, string Output)> TryRunStepAsync(string step, params string[] settings) => TryRunAsync("dotnet",
        // --no-build: this project builds the app host (a reference), and another test process may be running it.
        ["run", "--project", Path.Combine(TestRepository.Root, "AppHost"), "--no-build", "--", "--operation", "publish", "--step", step, "--PodSuite:Runtime=Podman", $"--PodSuite:PartOf={PartOf}", .. settings]);

    public void SkipUnlessRunning() => Skip.If(Unavailable is not null, Unavailable);

    /// <summary>Runs podman; its exit code and output.</summary>
    public Task<(int ExitCode, string Output)> PodmanAsync(params string[] arguments) => TryRunAsync("podman", arguments);

    /// <summary>The <c>podman inspect</c> document of a container.</summary>
    public async Task<JsonElement> InspectAsync(string container)
    {
        var (exitCode, output) = await TryRunAsync("podman", ["inspect", container]);
        Assert.True(exitCode == 0, $"podman inspect {container} failed: {output}");
        return JsonDocument.Parse(output).RootElement[0].Clone();
    }

    /// <summary>
    /// The pod's own address on podman's network: where a port the pod does not publish on the host answers, as a
    /// ClusterIP port does to <c>kubectl port-forward</c>.
    /// </summary>
    public async Task<string> AddressOfAsync(string pod)
    {
        var (exitCode, infra) = await TryRunAsync("podman", ["pod", "inspect", pod, "--format", "{{.InfraContainerID}}"]);
        Assert.True(exitCode == 0, $"podman pod inspect {pod} failed: {infra}");
        var networks = (await InspectAsync(infra.Trim())).GetProperty("NetworkSettings").GetProperty("Networks");
        return networks.EnumerateObject().Select(n => n.Value.GetProperty("IPAddress").GetString()).First(a => !string.IsNullOrEmpty(a))!;
    }

    public async Task<string> LogsAsync(string container)
    {
        var (exitCode, output) = await TryRunAsync("podman", ["logs", container]);
        Assert.True(exitCode == 0, $"podman logs {container} failed: {output}");
        return output;
    }

    /// <summary>Runs a command in a running container: its exit code and output.</summary>
    public Task<(int ExitCode, string Output)> ExecAsync(string container, params string[] command) =>
        TryRunAsync("podman", ["exec", container, .. command]);

    /// <summary>Waits until the container has exited and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(string container, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var state = (await InspectAsync(container)).GetProperty("State");
            if (state.GetProperty("Status").GetString() == "exited")
            {
                return state.GetProperty("ExitCode").GetInt32();
            }

            await Task.Delay(200, cancel.Token);
        }
    }

    private static Task<(int ExitCode, string Output)> TryRunAsync(string command, string[] arguments) =>
        TestRepository.RunAsync(command, arguments, StepTimeout);
}

[CollectionDefinition(Name)]
public sealed class PodRuntimeCollection : ICollectionFixture<PodRuntime>
{
    public const string Name = "pods under podman";
}
