#pragma warning disable ASPIREPIPELINES001 // Aspire's publishing pipeline is experimental in 13.x.
using System.Text;
using Aspire.Hosting.Pipelines;

namespace Hosting.Kubernetes.Tests;

/// <summary>
/// PodSuite's pipeline steps as Aspire collects them in a real run, each with what it depends on and what requires it,
/// compared with the reviewed <c>Snapshots/pipeline-steps.txt</c> (as <c>aspire do diagnostics</c> would list them).
/// </summary>
public sealed class StepGraphTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("podsuite-step-graph-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task TheStepGraphIsTheReviewedOne()
    {
        var builder = PodModel.CreateBuilder(["--operation", "publish", "--step", "publish", "--output-path", Path.Combine(_root.FullName, "manifests")]);
        builder.AddKubernetesPods("kubernetes");
        var pod = builder.AddPod("pod");
        builder.AddFakeProject("first").InPod(pod);
        builder.AddFakeProject("second").InPod(pod);
        builder.AddContainer("cache", "example/cache").InPod(builder.AddPod("other"));
        IReadOnlyList<PipelineStep>? steps = null;
        builder.Pipeline.AddPipelineConfiguration(context =>
        {
            steps = [.. context.Steps];
            return Task.CompletedTask;
        });

        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await app.RunWithExitCodeAsync(timeout.Token));

        Assert.NotNull(steps);
        Snapshot.Match("tests/Hosting.Kubernetes.Tests/Snapshots/pipeline-steps.txt", Render(steps));
    }

    // PodSuite's steps, and every step of a project (Aspire's own would show here if they were not replaced).
    private static string Render(IEnumerable<PipelineStep> steps)
    {
        string[] ours = [KubernetesPodsSteps.Publish, KubernetesPodsSteps.BuildImages, KubernetesPodsSteps.PushImages, KubernetesPodsSteps.Deploy, KubernetesPodsSteps.Destroy];
        var text = new StringBuilder();
        foreach (var step in steps.Where(s => ours.Contains(s.Name) || s.Resource is ProjectResource).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            text.Append(step.Name).Append(step.Resource is { } resource ? $" (resource {resource.Name})" : "").Append('\n')
                .Append("  depends on: ").Append(string.Join(", ", step.DependsOnSteps.Distinct().Order(StringComparer.Ordinal))).Append('\n')
                .Append("  required by: ").Append(string.Join(", ", step.RequiredBySteps.Distinct().Order(StringComparer.Ordinal))).Append('\n');
        }

        return text.ToString();
    }
}
