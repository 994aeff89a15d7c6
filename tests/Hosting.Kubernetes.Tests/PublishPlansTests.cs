using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hosting.Kubernetes.Tests;

/// <summary>One plan per pipeline run: made when first asked for, then read by every step of the run.</summary>
public class PublishPlansTests
{
    [Fact]
    public async Task ThePlanIsMadeOnceAndEveryStepReadsIt()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var callbacks = 0;
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod")).WithEnvironment(_ => Interlocked.Increment(ref callbacks));
        await using var app = builder.Build();
        var plans = PlansOf(app);

        var pods = plans.PodsOrNull();
        var first = await plans.GetAsync(new PublishReport(), new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), CancellationToken.None);
        var second = await plans.GetAsync(new PublishReport(), new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), CancellationToken.None);

        Assert.Same(first, second);
        Assert.Same(pods, first.Pods);
        Assert.Equal(1, callbacks);
    }

    [Fact]
    public async Task APlanThatFailedFailsEveryStepThatReadsItWithItsErrorsAndWarnings()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod")).WithEnvironment("1_BAD", "x");
        builder.AddPod("empty");
        await using var app = builder.Build();
        var plans = PlansOf(app);

        foreach (var step in new[] { "publish", "deploy" })
        {
            var report = new PublishReport();
            var plan = await plans.GetAsync(report, new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), CancellationToken.None);
            var error = Assert.Throws<DistributedApplicationException>(() => KubernetesPodMapper.Render(plan, new PodSuite.Hosting.Kubernetes.Runtimes.Kubectl.PlainManifests(), report));

            Assert.Contains("Environment variable '1_BAD' of 'app'", error.Message);
            Assert.Contains(report.Warnings, w => w.StartsWith("Pod 'empty' is not published", StringComparison.Ordinal));
        }
    }

    private static PublishPlans PlansOf(DistributedApplication app) => new(
        new PublishSettings(new KubernetesPodsEnvironmentResource("kubernetes"), new ConfigurationBuilder().Build(), "demo"),
        app.Services.GetRequiredService<DistributedApplicationModel>());
}
