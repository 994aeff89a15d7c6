using System.Text.Json;

namespace Pods.FunctionalTests;

/// <summary>
/// The demo pods running under podman kube play, built and started once for the collection by the eng/pods scripts
/// and removed afterwards (eng/pods/down.sh removes exactly the pods it played). Without a pod runtime the tests are
/// skipped with the reason, except under CI=true, where that is a failure.
/// </summary>
public sealed class PodRuntime : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);

    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        var (podman, _) = await TryRunAsync("podman", ["--version"]);
        var (aspnet, _) = await TryRunAsync("curl", ["-fsS", "http://localhost:5055/v2/dotnet/aspnet/tags/list"]);
        var (runtimeDeps, _) = await TryRunAsync("curl", ["-fsS", "http://localhost:5055/v2/dotnet/runtime-deps/tags/list"]);
        if (podman != 0 || aspnet != 0 || runtimeDeps != 0)
        {
            Unavailable = podman != 0
                ? "podman is not installed: run eng/pods/setup.sh to run the generated pods"
                : "the local registry with the base images (dotnet/aspnet, dotnet/runtime-deps) is not running: run eng/pods/setup.sh";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"CI needs the pod runtime, but {Unavailable}.");
            }

            return;
        }

        await RunScriptAsync("down.sh");
        await RunScriptAsync("build-images.sh");
        await RunScriptAsync("play.sh");
    }

    public async Task DisposeAsync()
    {
        if (Unavailable is null)
        {
            await RunScriptAsync("down.sh");
        }
    }

    public void SkipUnlessRunning() => Skip.If(Unavailable is not null, Unavailable);

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

    private async Task RunScriptAsync(string script)
    {
        var (exitCode, output) = await TryRunAsync("bash", [Path.Combine(TestRepository.Root, "eng", "pods", script)]);
        Assert.True(exitCode == 0, $"eng/pods/{script} failed ({exitCode}):\n{output}");
    }

    private static Task<(int ExitCode, string Output)> TryRunAsync(string command, string[] arguments) =>
        TestRepository.RunAsync(command, arguments, ScriptTimeout);
}

[CollectionDefinition(Name)]
public sealed class PodRuntimeCollection : ICollectionFixture<PodRuntime>
{
    public const string Name = "pods under podman";
}
