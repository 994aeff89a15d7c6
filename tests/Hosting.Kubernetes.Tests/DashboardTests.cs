using Microsoft.Extensions.Configuration;

namespace Hosting.Kubernetes.Tests;

/// <summary>The Aspire dashboard published with the pods, and every container reporting to it.</summary>
public class DashboardTests
{
    [Fact]
    public async Task TheDashboardIsAPodOfItsOwnWhoseLoginComesFromASecret()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddKubernetesPods("kubernetes");

        var dashboard = (await builder.MapAsync()).Pod("aspire-dashboard");

        var container = dashboard.Container("dashboard");
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspire-dashboard:13\.\d+$", container.Image);
        Assert.Equal([18888, 18889], container.Ports.Select(p => p.ContainerPort));
        Assert.Equal("http://0.0.0.0:18888", container.Env("ASPNETCORE_URLS"));
        Assert.Equal("http://0.0.0.0:18889", container.Env("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"));
        Assert.Equal("BrowserToken", container.Env("DASHBOARD__FRONTEND__AUTHMODE"));
        var token = Assert.Single(container.Env, e => e.Name == "DASHBOARD__FRONTEND__BROWSERTOKEN").ValueFrom.SecretKeyRef;
        Assert.Equal(("aspire-dashboard-login", "browser-token", true), (token.Name, token.Key, token.Optional));
        Assert.Equal("api-key", Assert.Single(container.Env, e => e.Name == "DASHBOARD__API__PRIMARYAPIKEY").ValueFrom.SecretKeyRef.Key);
        // Telemetry only with the key: required, so without the Secret the container waits, naming it, rather than start open.
        Assert.Equal("ApiKey", container.Env("DASHBOARD__OTLP__AUTHMODE"));
        var otlpKey = Assert.Single(container.Env, e => e.Name == "DASHBOARD__OTLP__PRIMARYAPIKEY").ValueFrom.SecretKeyRef;
        Assert.Equal(("aspire-dashboard-login", "otlp-api-key", null), (otlpKey.Name, otlpKey.Key, otlpKey.Optional));
        Assert.DoesNotContain(container.Env, e => e.Name == "OTEL_EXPORTER_OTLP_HEADERS");
        Assert.Equal(1654, container.SecurityContext.RunAsUser);
        Assert.Equal("512Mi", container.Resources.Limits["memory"].ToString());
        var service = Assert.Single(dashboard.Services);
        Assert.Equal(("aspire-dashboard", "ClusterIP"), (service.Metadata.Name, service.Spec.Type));
        Assert.Equal([18888, 18889], service.Spec.Ports.Select(p => p.Port));
    }

    [Fact]
    public async Task TheDashboardIsReadyWhenItsHealthEndpointAnswersOnItsWebPort()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddKubernetesPods("kubernetes");
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"));

        var container = (await builder.MapAsync()).Pod("aspire-dashboard").Container("dashboard");

        Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("18888", container.ReadinessProbe.HttpGet.Port.Value);
        // Kubernetes' defaults, not the zeros of an annotation made without them.
        Assert.Equal((null, null, null), (container.ReadinessProbe.PeriodSeconds, container.ReadinessProbe.FailureThreshold, container.ReadinessProbe.TimeoutSeconds));
    }

    [Fact]
    public void ConfigurationOverridesThePublishsSettingsAndLeavesTheModelsAsTheCodeSetThem()
    {
        var environment = new KubernetesPodsEnvironmentResource("kubernetes");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PodSuite:Registry"] = "registry.example",
            ["PodSuite:Dashboard:FrontendPort"] = "28888",
        }).Build();

        var options = KubernetesPublishOptions.Bind(environment, configuration, "demo");

        Assert.Equal(("registry.example", 28888, "demo"), (options.Registry, options.Dashboard.FrontendPort, options.PartOf));
        Assert.Equal(("localhost:5055", 18888), (environment.Registry, environment.Dashboard.FrontendPort));
    }

    [Fact]
    public void TheDefaultImageIsTaggedWithTheMajorAndMinorOfTheAspireThisAppHostRuns()
    {
        Assert.Matches(@"^13\.\d+\.\d+(-[0-9A-Za-z.]+)?$", KubernetesPodsDashboard.AspireVersion);
        var majorMinor = string.Join('.', KubernetesPodsDashboard.AspireVersion.Split('.', '-').Take(2));

        Assert.Equal($"mcr.microsoft.com/dotnet/aspire-dashboard:{majorMinor}", KubernetesPodsDashboard.DefaultImage);
    }

    [Fact]
    public async Task EveryMemberReportsToTheDashboardThroughItsServiceWithThePodsIdentity()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddKubernetesPods("kubernetes");
        var pod = builder.AddPod("pod");
        var init = builder.AddContainer("init", "example/init").InPod(pod).RunsToCompletion();
        builder.AddContainer("app", "example/app").InPod(pod).WaitForCompletion(init);

        var pods = await builder.MapAsync();

        foreach (var name in new[] { "init", "app" })
        {
            var container = pods.Pod("pod").Container(name);
            Assert.Equal("http://aspire-dashboard:18889", container.Env("OTEL_EXPORTER_OTLP_ENDPOINT"));
            Assert.Equal("grpc", container.Env("OTEL_EXPORTER_OTLP_PROTOCOL"));
            Assert.Equal(name, container.Env("OTEL_SERVICE_NAME"));
            Assert.Equal("metadata.name", Assert.Single(container.Env, e => e.Name == "POD_NAME").ValueFrom.FieldRef.FieldPath);
            Assert.Equal("metadata.namespace", Assert.Single(container.Env, e => e.Name == "POD_NAMESPACE").ValueFrom.FieldRef.FieldPath);
            Assert.Equal($"k8s.pod.name=$(POD_NAME),k8s.namespace.name=$(POD_NAMESPACE),k8s.container.name={name}", container.Env("OTEL_RESOURCE_ATTRIBUTES"));
            // The key, from the Secret and never in a manifest; optional, so that a member starts without it.
            var headers = Assert.Single(container.Env, e => e.Name == "OTEL_EXPORTER_OTLP_HEADERS");
            Assert.Null(headers.Value);
            Assert.Equal(("aspire-dashboard-login", "otlp-headers", true), (headers.ValueFrom.SecretKeyRef.Name, headers.ValueFrom.SecretKeyRef.Key, headers.ValueFrom.SecretKeyRef.Optional));
            var names = container.Env.Select(e => e.Name).ToList();
            Assert.True(names.IndexOf("POD_NAME") < names.IndexOf("OTEL_RESOURCE_ATTRIBUTES"), "Kubernetes expands $(POD_NAME) only from a variable before it");
        }

        var otlp = Assert.Single(pods.Pod("aspire-dashboard").NetworkPolicy!.Spec.Ingress, rule => rule.Ports.Any(p => p.Port.Value == "18889"));
        Assert.Equal("pod", Assert.Single(otlp.FromProperty).PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.DoesNotContain(pods.Pod("aspire-dashboard").NetworkPolicy!.Spec.Ingress, rule => rule.Ports.Any(p => p.Port.Value == "18888"));
    }

    [Fact]
    public async Task AMembersOwnTelemetrySettingsWin()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddKubernetesPods("kubernetes");
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"))
            .WithEnvironment("OTEL_SERVICE_NAME", "storefront")
            .WithEnvironment("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=test");
        builder.AddContainer("collector-client", "example/app").InPod(builder.AddPod("other"))
            .PublishEnvironmentFromSecret("OTEL_EXPORTER_OTLP_HEADERS", "collector", "headers");
        builder.AddContainer("plain-headers", "example/app").InPod(builder.AddPod("third"))
            .WithEnvironment("OTEL_EXPORTER_OTLP_HEADERS", "authorization=none");

        var pods = await builder.MapAsync();
        var app = pods.Pod("pod").Container("app");

        Assert.Equal("storefront", app.Env("OTEL_SERVICE_NAME"));
        Assert.Equal("k8s.pod.name=$(POD_NAME),k8s.namespace.name=$(POD_NAMESPACE),k8s.container.name=app,deployment.environment=test", app.Env("OTEL_RESOURCE_ATTRIBUTES"));
        Assert.Single(app.Env, e => e.Name == "OTEL_RESOURCE_ATTRIBUTES");
        Assert.Equal("collector", Assert.Single(pods.Pod("other").Container("collector-client").Env, e => e.Name == "OTEL_EXPORTER_OTLP_HEADERS").ValueFrom.SecretKeyRef.Name);
        Assert.Equal("authorization=none", Assert.Single(pods.Pod("third").Container("plain-headers").Env, e => e.Name == "OTEL_EXPORTER_OTLP_HEADERS").Value);
    }

    [Fact]
    public async Task TheDashboardCanBeTurnedOffInTheModelOrByConfiguration()
    {
        var inCode = PodModel.CreatePublishingBuilder();
        inCode.AddKubernetesPods("kubernetes").WithDashboard(d => d.Enabled = false);
        inCode.AddContainer("app", "example/app").InPod(inCode.AddPod("pod"));
        var byConfiguration = PodModel.CreateBuilder(["--operation", "publish", "--PodSuite:Dashboard:Enabled=false"]);
        byConfiguration.AddKubernetesPods("kubernetes");
        byConfiguration.AddContainer("app", "example/app").InPod(byConfiguration.AddPod("pod"));

        foreach (var builder in new[] { inCode, byConfiguration })
        {
            var pods = await builder.MapAsync();

            Assert.Equal(["pod"], pods.Select(p => p.Name));
            Assert.DoesNotContain(pods.Pod("pod").Container("app").Env ?? [], e => e.Name.StartsWith("OTEL_EXPORTER", StringComparison.Ordinal) || e.Name == "POD_NAME");
        }
    }

    [Theory]
    [InlineData("aspire-dashboard", "pod")]
    [InlineData("Dashboard", "container")]
    public async Task AResourceOfTheAppsNamedLikeTheDashboardIsKeptAndTheClashIsOneErrorNamingIt(string name, string part)
    {
        var builder = PodModel.CreatePublishingBuilder();
        var mine = builder.AddContainer(name, "example/mine");
        builder.AddKubernetesPods("kubernetes");

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => builder.MapAsync());

        Assert.StartsWith($"The app host has a resource named '{name}', which is the name of the Aspire dashboard's {part}", error.Message);
        Assert.Contains("WithDashboard(d => d.Enabled = false)", error.Message);
        Assert.Contains(mine.Resource, builder.Resources);
    }

    [Fact]
    public async Task TheDashboardIsTheFirstPodWhereverTheAppHostOptsIn()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"));
        builder.AddKubernetesPods("kubernetes");

        var pods = await builder.MapAsync();

        Assert.Equal(["aspire-dashboard", "pod"], pods.Select(p => p.Name));
    }

    [Fact]
    public async Task TheDashboardIsAddedOnceWhateverHowOftenItsSettingsChange()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var environment = builder.AddKubernetesPods("kubernetes").WithDashboard(d => d.FrontendPort = 28888);
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"));
        environment.WithDashboard(d => d.OtlpPort = 28889).WithProperties(k => k.Dashboard.Image = "registry.example/dashboard:1");

        var pods = await builder.MapAsync();

        Assert.Single(builder.Resources, r => r.Name == "aspire-dashboard");
        var dashboard = pods.Pod("aspire-dashboard").Container("dashboard");
        Assert.Equal(("registry.example/dashboard:1", "http://0.0.0.0:28888", "http://0.0.0.0:28889"),
            (dashboard.Image, dashboard.Env("ASPNETCORE_URLS"), dashboard.Env("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL")));
    }

    [Fact]
    public async Task ItsImagePortsAndServiceTypeAreSettingsAndUnsecuredIsAskedFor()
    {
        var builder = PodModel.CreateBuilder(["--operation", "publish", "--PodSuite:Dashboard:Unsecured=true"]);
        builder.AddKubernetesPods("kubernetes").WithDashboard(d =>
        {
            d.Image = "registry.example/aspire-dashboard:13.6.5";
            d.FrontendPort = 28888;
            d.OtlpPort = 28889;
            d.ServiceType = PodServiceType.NodePort;
        });
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"));

        var pods = await builder.MapAsync();

        var dashboard = pods.Pod("aspire-dashboard");
        var container = dashboard.Container("dashboard");
        Assert.Equal("registry.example/aspire-dashboard:13.6.5", container.Image);
        Assert.Equal("true", container.Env("ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"));
        Assert.DoesNotContain(container.Env, e => e.ValueFrom?.SecretKeyRef is not null);
        Assert.Equal("Unsecured", container.Env("DASHBOARD__OTLP__AUTHMODE"));
        Assert.DoesNotContain(pods.Pod("pod").Container("app").Env, e => e.Name == "OTEL_EXPORTER_OTLP_HEADERS");
        Assert.Equal("http://0.0.0.0:28888", container.Env("ASPNETCORE_URLS"));
        Assert.Contains(dashboard.Services, s => s.Spec.Type == "NodePort" && s.Spec.Ports.Single().Port == 28888);
        Assert.Equal("http://aspire-dashboard-otlp-grpc:28889", pods.Pod("pod").Container("app").Env("OTEL_EXPORTER_OTLP_ENDPOINT"));
    }
}
