using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Hosting.Kubernetes.Tests;

/// <summary>Aspire's publishing pipeline, run in-process, with and without the Kubernetes pods environment.</summary>
public sealed class PublishStepTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(1);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("podsuite-publish-step-");

    private string Output => Path.Combine(_root.FullName, "manifests");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task AnAppHostThatDoesNotOptInPublishesNoPods()
    {
        var builder = PublishingBuilder();
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"));

        Assert.Equal(0, await PublishAsync(builder));

        Assert.False(File.Exists(Path.Combine(Output, "kustomization.yaml")));
        Assert.False(Directory.Exists(Path.Combine(Output, "pod")));
    }

    [Fact]
    public async Task TheEnvironmentsPropertiesAreDefaultsThatConfigurationOverrides()
    {
        var builder = PublishingBuilder("--PodSuite:ImageTag=from-configuration");
        builder.AddKubernetesPods("kubernetes").WithProperties(k =>
        {
            k.Registry = "registry.example";
            k.ImageTag = "from-code";
            k.Namespace = "demo-apps";
            k.DefaultServiceType = PodServiceType.NodePort;
        });
        builder.AddFakeProject("web").InPod(builder.AddPod("pod")).WithHttpEndpoint().WithExternalHttpEndpoints();

        Assert.Equal(0, await PublishAsync(builder));

        var deployment = File.ReadAllText(Path.Combine(Output, "pod", "deployment.yaml"));
        Assert.Contains("image: registry.example/web:from-configuration", deployment);
        Assert.Contains("namespace: demo-apps", deployment);
        Assert.Contains("type: NodePort", File.ReadAllText(Path.Combine(Output, "pod", "service.yaml")));
    }

    [Fact]
    public async Task WhatThePublisherDecidesOnItsOwnIsLoggedAsAWarning()
    {
        var builder = PublishingBuilder();
        builder.AddKubernetesPods("kubernetes");
        var pod = builder.AddPod("pod");
        var helper = builder.AddContainer("helper", "example/helper").InPod(pod);
        builder.AddContainer("app", "example/app").InPod(pod).WaitFor(helper);
        var logs = new FakeLogCollector();

        Assert.Equal(0, await PublishAsync(builder, logs));

        var warning = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("'app' in pod 'pod' waits for 'helper'"));
        Assert.Contains("PublishAsNativeSidecar", warning.Message);
        Assert.True(File.Exists(Path.Combine(Output, "pod", "deployment.yaml")));
    }

    [Fact]
    public async Task TheWarningsAreLoggedEvenWhenThePublishFails()
    {
        var builder = PublishingBuilder();
        builder.AddKubernetesPods("kubernetes");
        var pod = builder.AddPod("pod");
        var helper = builder.AddContainer("helper", "example/helper").InPod(pod);
        builder.AddContainer("app", "example/app").InPod(pod).WaitFor(helper).WithEnvironment("PASSWORD", builder.AddParameter("password"));
        var logs = new FakeLogCollector();

        var exitCode = await PublishAsync(builder, logs);

        Assert.Equal(1, exitCode);
        Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("'app' in pod 'pod' waits for 'helper'"));
        var error = Assert.Single(logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        Assert.StartsWith("The pods cannot be published to Kubernetes:", error.Message);
        Assert.Contains("Parameter 'password' has no value", error.Message);
        Assert.Null(error.Exception);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public async Task AnImageThatCannotBeBuiltFailsOnceNamingTheResourceAndTheImageAndNothingIsPushed()
    {
        var builder = PodModel.CreateBuilder(["--operation", "publish", "--step", "push-pod-images", "--output-path", Output]);
        builder.AddKubernetesPods("kubernetes").WithProperties(k => (k.Registry, k.ImageTag) = ("registry.example", "1.2.3"));
        builder.AddFakeProject("broken").InPod(builder.AddPod("pod"));   // a project with no target framework
        var logs = new FakeLogCollector();

        var exitCode = await PublishAsync(builder, logs);

        Assert.Equal(1, exitCode);
        var error = Assert.Single(logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        Assert.StartsWith("The image of 'broken', registry.example/broken:1.2.3, was not built: Failed to build container image for resource 'broken'", error.Message);
        Assert.Contains("error NETSDK", error.Message);
        Assert.DoesNotContain("   at ", error.Message);
        Assert.Null(error.Exception);
        Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.StartsWith("Not run: an earlier step failed", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Message.Contains("push", StringComparison.OrdinalIgnoreCase) && r.Category?.Contains("ContainerRuntime", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ASettingWithAValueItCannotTakeFailsThePublishNamingTheChoices()
    {
        var builder = PublishingBuilder("--PodSuite:Runtime=Podmn");
        builder.AddKubernetesPods("kubernetes");
        builder.AddContainer("app", "example/app");
        var logs = new FakeLogCollector();

        var exitCode = await PublishAsync(builder, logs);

        Assert.Equal(1, exitCode);
        var error = Assert.Single(logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        Assert.StartsWith("A setting under 'PodSuite' has a value it cannot take", error.Message);
        Assert.Contains("Runtime is one of Kubernetes, Podman", error.Message);
    }

    [Theory]
    [InlineData("--PodSuite:Registry=localhost:5055")]
    [InlineData("--PodSuite:Registry=ghcr.io/some-one/team_a")]
    [InlineData("--PodSuite:ImageTag=v1.2.3_rc-1")]
    [InlineData("--PodSuite:AspNetBaseImage=mcr.microsoft.com/dotnet/aspnet:10.0@sha256:d81c783072ab2d978f70792ff8f59a5815b0be448ecef578084d68a60225e961")]
    public async Task AValidImageSettingIsTaken(string setting)
    {
        var builder = PublishingBuilder(setting);
        builder.AddKubernetesPods("kubernetes");
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"));

        Assert.Equal(0, await PublishAsync(builder, new FakeLogCollector()));
    }

    [Theory]
    [InlineData("--PodSuite:Dashboard:Enabled=maybe",
        "A setting under 'PodSuite:Dashboard' has a value it cannot take: String 'maybe' was not recognized as a valid Boolean.")]
    [InlineData("--PodSuite:Dashboard:OtlpPort=18888",
        "The dashboard's FrontendPort and OtlpPort are both 18888: give one of them another port ('PodSuite:Dashboard:OtlpPort'")]
    [InlineData("--PodSuite:Registry=bad registry", "The setting 'PodSuite:Registry' ('bad registry') is not an image registry")]
    [InlineData("--PodSuite:Registry=Registry.example/You", "The setting 'PodSuite:Registry' ('Registry.example/You') is not an image registry")]
    [InlineData("--PodSuite:ImageTag=-bad:tag", "The setting 'PodSuite:ImageTag' ('-bad:tag') is not an image tag")]
    [InlineData("--PodSuite:AspNetBaseImage=Example/ASPNET", "The setting 'PodSuite:AspNetBaseImage' ('Example/ASPNET') is not an image reference")]
    public async Task ASettingItCannotTakeFailsThePublishOnceNamingItAndWritesNothing(string setting, string errorStart)
    {
        var builder = PublishingBuilder(setting);
        builder.AddKubernetesPods("kubernetes");
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"));
        var logs = new FakeLogCollector();

        var exitCode = await PublishAsync(builder, logs);

        Assert.Equal(1, exitCode);
        var error = Assert.Single(logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        Assert.StartsWith(errorStart, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public async Task EveryDashboardSettingSetInCodeReachesTheManifestsWithoutWithDashboard()
    {
        var builder = PublishingBuilder();
        builder.AddKubernetesPods("kubernetes").WithProperties(k =>
        {
            k.Dashboard.Image = "registry.example/aspire-dashboard:1";
            k.Dashboard.FrontendPort = 18890;
            k.Dashboard.OtlpPort = 18891;
            k.Dashboard.ServiceType = PodServiceType.NodePort;
        });
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"));

        Assert.Equal(0, await PublishAsync(builder));

        var deployment = File.ReadAllText(Path.Combine(Output, "aspire-dashboard", "deployment.yaml"));
        Assert.Contains("image: registry.example/aspire-dashboard:1", deployment);
        Assert.Contains("value: http://0.0.0.0:18890", deployment);
        Assert.Contains("value: http://0.0.0.0:18891", deployment);
        Assert.DoesNotContain("18888", deployment);
        var services = File.ReadAllText(Path.Combine(Output, "aspire-dashboard", "service.yaml"));
        Assert.Contains("type: NodePort", services);
        Assert.Contains("value: http://aspire-dashboard-otlp-grpc:18891", File.ReadAllText(Path.Combine(Output, "pod", "deployment.yaml")));
    }

    [Fact]
    public async Task ADashboardTurnedOffInCodeIsNotPublished()
    {
        var builder = PublishingBuilder();
        builder.AddKubernetesPods("kubernetes").WithProperties(k => k.Dashboard.Enabled = false);
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"));

        Assert.Equal(0, await PublishAsync(builder));

        Assert.False(Directory.Exists(Path.Combine(Output, "aspire-dashboard")));
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", File.ReadAllText(Path.Combine(Output, "pod", "deployment.yaml")));
    }

    [Fact]
    public async Task ConfigurationOverridesTheDashboardSettingsInCode()
    {
        var builder = PublishingBuilder("--PodSuite:Dashboard:FrontendPort=18892", "--PodSuite:Dashboard:Enabled=true");
        builder.AddKubernetesPods("kubernetes")
            .WithDashboard(d => d.Enabled = false)
            .WithProperties(k => k.Dashboard.FrontendPort = 18890);
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"));

        Assert.Equal(0, await PublishAsync(builder));

        var deployment = File.ReadAllText(Path.Combine(Output, "aspire-dashboard", "deployment.yaml"));
        Assert.Contains("value: http://0.0.0.0:18892", deployment);
        Assert.DoesNotContain("18890", deployment);
    }

    [Fact]
    public async Task AResourceNamedLikeTheDashboardFailsThePublishAndWritesNothing()
    {
        var builder = PublishingBuilder();
        builder.AddContainer("aspire-dashboard", "example/mine");
        builder.AddKubernetesPods("kubernetes");

        Assert.Equal(1, await PublishAsync(builder));

        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void AnAppHostPublishesThroughOneEnvironment()
    {
        var builder = PublishingBuilder();
        builder.AddKubernetesPods("kubernetes");

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddKubernetesPods("second"));

        Assert.Contains("already publishes its pods to Kubernetes through 'kubernetes'", error.Message);
        Assert.Contains("call AddKubernetesPods once", error.Message);
    }

    [Fact]
    public void ALocalRunAlsoHasOneEnvironment()
    {
        var builder = PodModel.CreateBuilder();
        builder.AddKubernetesPods("kubernetes");

        Assert.Throws<DistributedApplicationException>(() => builder.AddKubernetesPods("second"));
    }

    [Fact]
    public void ALocalRunDoesNotShowTheEnvironment()
    {
        var builder = PodModel.CreateBuilder();

        var environment = builder.AddKubernetesPods("kubernetes").WithProperties(k => k.ImageTag = "1.0");

        Assert.Equal("1.0", environment.Resource.ImageTag);
        Assert.DoesNotContain(environment.Resource, builder.Resources);
    }

    [Fact]
    public void TheExtensionsRefuseNull()
    {
        var builder = PodModel.CreateBuilder();
        var environment = builder.AddKubernetesPods("kubernetes");
        var pod = builder.AddPod("pod");
        var app = builder.AddContainer("app", "example/app");

        Assert.Throws<ArgumentNullException>(() => KubernetesPodsExtensions.AddKubernetesPods(null!, "kubernetes"));
        Assert.Throws<ArgumentNullException>(() => builder.AddKubernetesPods(null!));
        Assert.Throws<ArgumentNullException>(() => environment.WithProperties(null!));
        Assert.Throws<ArgumentNullException>(() => PodPublishingExtensions.PublishWithService(null!, PodServiceType.NodePort));
        Assert.Throws<ArgumentNullException>(() => app.PublishWithContainerResources(null!));
        Assert.Throws<ArgumentNullException>(() => PodPublishingExtensions.PublishAsNativeSidecar<ContainerResource>(null!));
        Assert.Throws<ArgumentNullException>(() => PodPublishingExtensions.PublishEnvironmentFromSecret<ContainerResource>(null!, "A", "s", "k"));
        Assert.Throws<ArgumentException>(() => app.PublishEnvironmentFromSecret("", "s", "k"));
        Assert.NotNull(pod);
    }

    private IDistributedApplicationBuilder PublishingBuilder(params string[] args) =>
        PodModel.CreateBuilder(["--operation", "publish", "--step", "publish", "--output-path", Output, .. args]);

    private static async Task<int> PublishAsync(IDistributedApplicationBuilder builder, FakeLogCollector? logs = null)
    {
        if (logs is not null)
        {
            builder.Services.AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs)));
        }

        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(s_timeout);
        return await app.RunWithExitCodeAsync(timeout.Token);
    }
}
