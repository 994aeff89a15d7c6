using System.Text.Json;
using k8s;
using PodSuite.Hosting.Kubernetes.Runtimes;

namespace Hosting.Kubernetes.Tests;

/// <summary>
/// A value reaches the container as the model holds it: Kubernetes reads <c>$(NAME)</c> and <c>$$</c> in values,
/// commands and arguments, so the manifests escape the model's text, and the podman adapter gives the container what
/// the kubelet would. The podman test plays a pod of its own (named for the test) and removes it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ValuesAsWrittenTests : IDisposable
{
    private const string Value = "pa$$word-$(POD_NAME)-$HOME";
    private const string Argument = "a$$b-$(X)-$(";
    private const string PodName = "podsuite-test-values";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("podsuite-values-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task TheManifestsEscapeTheModelsTextAndKeepPodSuitesOwnReferences()
    {
        var container = (await Model().MapAsync(Publisher.Options)).Pod(PodName).Container("echo");

        Assert.Equal("pa$$$$word-$$(POD_NAME)-$$HOME", container.Env.Single(e => e.Name == "X").Value);
        Assert.Equal(["[%s]", "a$$$$b-$$(X)-$$("], container.Args);
        Assert.StartsWith("k8s.pod.name=$(POD_NAME),", container.Env.Single(e => e.Name == "OTEL_RESOURCE_ATTRIBUTES").Value);
    }

    [Theory]
    [InlineData("$$", "$")]
    [InlineData("$(A)-$(B)", "one-$(B)")]
    [InlineData("$$(A)", "$(A)")]
    [InlineData("$(A", "$(A")]
    [InlineData("a$", "a$")]
    [InlineData("$HOME", "$HOME")]
    public void ExpansionIsTheKubelets(string value, string expanded) =>
        Assert.Equal(expanded, VariableReferences.Expand(value, name => name == "A" ? "one" : null));

    [SkippableFact]
    public async Task UnderPodmanTheValueAndTheArgumentReachTheContainerAsTheModelHoldsThem()
    {
        Skip.If(!File.Exists("/usr/bin/podman") && Environment.GetEnvironmentVariable("CI") != "true", "podman is not installed: run eng/pods/setup.sh");
        var pod = (await Model().MapAsync(Publisher.ForPodman)).Pod(PodName);
        var file = Path.Combine(_root.FullName, "pod.yaml");
        File.WriteAllText(file, KubernetesYaml.SerializeAll(pod.Objects));
        await PodmanAsync(["pod", "rm", "--force", PodName], TimeSpan.FromMinutes(1));
        try
        {
            var (played, output) = await PodmanAsync(["kube", "play", "--quiet", file], TimeSpan.FromMinutes(2));
            Assert.True(played == 0, output);
            var container = $"{PodName}-echo";
            var (_, state) = await PodmanAsync(["wait", container], TimeSpan.FromMinutes(1));
            Assert.Equal("0", state.Trim().Split('\n')[^1]);

            var (_, logs) = await PodmanAsync(["--log-level=error", "logs", container], TimeSpan.FromMinutes(1));
            var (_, inspected) = await PodmanAsync(["--log-level=error", "inspect", container], TimeSpan.FromMinutes(1));
            var environment = JsonDocument.Parse(inspected).RootElement[0].GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()!);

            Assert.Contains($"X={Value}", environment);
            Assert.Equal($"[{Argument}]", logs.Trim());
        }
        finally
        {
            await PodmanAsync(["pod", "rm", "--force", PodName], TimeSpan.FromMinutes(1));
        }
    }

    private static async Task<(int ExitCode, string Output)> PodmanAsync(string[] arguments, TimeSpan timeout)
    {
        var (exitCode, output, standardOutput) = await ExternalCommand.Of("podman", arguments).RunAsync(timeout, CancellationToken.None);
        return (exitCode, exitCode == 0 ? standardOutput : output);
    }

    // A container that prints its argument, with the value in its environment beside the telemetry variables.
    private static IDistributedApplicationBuilder Model()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("echo", "localhost:5055/dotnet/runtime-deps", "10.0")
            .WithEntrypoint("printf").WithArgs("[%s]", Argument)
            .WithEnvironment("X", Value)
            .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317")
            .InPod(builder.AddPod(PodName)).RunsToCompletion();
        return builder;
    }
}
