using System.Text;
using k8s;

namespace Hosting.Kubernetes.Tests;

/// <summary>
/// One small app model per mapping rule, its whole output for each target compared with a reviewable YAML file in
/// <c>Snapshots/</c>: <c>&lt;scenario&gt;.kubernetes.yaml</c> (plain Kubernetes) and <c>&lt;scenario&gt;.podman.yaml</c>
/// (after the podman adapter). A mismatch fails with a diff; <c>PODSUITE_UPDATE_SNAPSHOTS=1</c> rewrites the files.
/// </summary>
public class MappingSnapshotTests
{
    private const string Directory = "tests/Hosting.Kubernetes.Tests/Snapshots";

    [Fact]
    public Task APodIsADeploymentWithEveryMemberAsAContainerAndALoneResourceIsAPodOfItsOwn() => MatchesSnapshotsAsync("pod", builder =>
    {
        var pod = builder.AddPod("web");
        builder.AddContainer("app", "example/app", "2.0").InPod(pod);
        builder.AddContainer("sidecar", "example/sidecar", "1.0").InPod(pod);
        builder.AddContainer("alone", "example/alone", "1.0");
    });

    [Fact]
    public Task APodWhoseMembersAllRunToCompletionIsABarePodThatIsNotRestarted() => MatchesSnapshotsAsync("runs-to-completion", builder =>
    {
        var mc2 = builder.AddPod("mc2");
        var key = mc2.AddIpcKey("queue", publishedKey: 42);
        builder.AddContainer("producer", "example/ipc").WithArgs("produce").InPod(mc2).RunsToCompletion().WithIpcKey(key, "QUEUE_KEY");
        builder.AddContainer("consumer", "example/ipc").WithArgs("consume").InPod(mc2).RunsToCompletion().WithIpcKey(key, "QUEUE_KEY");
    });

    [Fact]
    public Task APodThatRunsToCompletionCanBePublishedAsAJobAndPodmanRunsItsPod() => MatchesSnapshotsAsync("job", builder =>
    {
        var mc2 = builder.AddPod("mc2").PublishAsJob(backoffLimit: 2, ttlSecondsAfterFinished: 600);
        builder.AddContainer("producer", "example/ipc").WithArgs("produce").InPod(mc2).RunsToCompletion();
        builder.AddContainer("consumer", "example/ipc").WithArgs("consume").InPod(mc2).RunsToCompletion();
    });

    [Fact]
    public Task ASharedVolumeIsAnEmptyDirMountedInEachMemberAtItsOwnPath() => MatchesSnapshotsAsync("shared-volume", builder =>
    {
        var mc1 = builder.AddPod("mc1");
        var html = mc1.AddSharedVolume("html");
        mc1.AddSharedVolume("unused");
        builder.AddContainer("writer", "example/writer").InPod(mc1).WithSharedVolume(html, "/var/writer/html", "WRITER_DIRECTORY");
        builder.AddContainer("site", "example/site").InPod(mc1).WithSharedVolume(html, "/srv/site", "SITE_ROOT");
    });

    [Fact]
    public Task AConfigFileIsAConfigMapMountedAsADirectory() => MatchesSnapshotsAsync("config-file", builder =>
    {
        var routes = Path.Combine(TestRepository.Root, Directory, "routes.json");
        builder.AddContainer("proxy", "example/proxy").InPod(builder.AddPod("mc3")).WithConfigFile(routes, "/etc/proxy", "ROUTES_FILE");
    });

    [Fact]
    public Task AMemberOfTheSamePodIsReachedOnLocalhostAndAnotherPodThroughItsService() => MatchesSnapshotsAsync("references", builder =>
    {
        var mc3 = builder.AddPod("mc3");
        var webapp = builder.AddContainer("webapp", "example/webapp").InPod(mc3).WithHttpEndpoint(targetPort: 5000);
        var proxy = builder.AddContainer("proxy", "example/proxy").InPod(mc3)
            .WithHttpEndpoint(port: 80, targetPort: 8080).WithExternalHttpEndpoints().WithReference(webapp.GetEndpoint("http"));
        builder.AddContainer("client", "example/client").InPod(builder.AddPod("other"))
            .WithReference(proxy.GetEndpoint("http"))
            .WithEnvironment("PROXY_HOST", proxy.GetEndpoint("http").Property(EndpointProperty.HostAndPort));
    });

    [Fact]
    public Task MembersGetTheirOwnContainerPortsExplicitOrFrom8080UpWithTheMatchingHttpPorts() => MatchesSnapshotsAsync("container-ports", builder =>
    {
        var pod = builder.AddPod("pod");
        builder.AddFakeProject("first").InPod(pod).WithHttpEndpoint();
        builder.AddFakeProject("second").InPod(pod).WithHttpEndpoint();
        builder.AddFakeProject("third").InPod(pod).WithHttpEndpoint().PublishWithContainerPort(8081);
    });

    [Fact]
    public Task ExternalEndpointsArePortsOfOneServiceOfThePodsType() => MatchesSnapshotsAsync("one-service", builder =>
    {
        var pod = builder.AddPod("myapp-pod").PublishWithService(PodServiceType.NodePort);
        builder.AddContainer("myapp", "example/myapp").InPod(pod)
            .WithHttpEndpoint(port: 8082, targetPort: 8080).WithHttpEndpoint(port: 8083, targetPort: 8081, name: "admin").WithExternalHttpEndpoints();
        builder.AddContainer("cache", "example/cache").InPod(pod).WithEndpoint(targetPort: 6379, name: "tcp");
    });

    [Fact]
    public Task ExternalEndpointsCanHaveAServiceEach() => MatchesSnapshotsAsync("service-per-port", builder =>
    {
        var pod = builder.AddPod("myapp-pod").PublishWithService(PodServiceType.LoadBalancer, PodServicePorts.ServicePerPort);
        builder.AddContainer("myapp", "example/myapp").InPod(pod)
            .WithHttpEndpoint(port: 8082, targetPort: 8080).WithHttpEndpoint(port: 8083, targetPort: 8081, name: "admin").WithExternalHttpEndpoints();
    });

    [Fact]
    public Task CompletionWaitsWithinAPodAreInitContainersInDependencyOrder() => MatchesSnapshotsAsync("init-steps", builder =>
    {
        var pod = builder.AddPod("myapp-pod");
        var app = builder.AddContainer("myapp", "example/myapp").InPod(pod);
        var second = builder.AddContainer("init-mydb", "example/db").InPod(pod).RunsToCompletion();
        var first = builder.AddContainer("init-myservice", "example/wait").InPod(pod).RunsToCompletion();
        app.WaitForCompletion(second);
        second.WaitForCompletion(first);
    });

    [Fact]
    public Task AnEndpointCanHaveAServiceTypeOfItsOwnAndAClusterIPPortIsAdmittedOnlyFromItsCallers() => MatchesSnapshotsAsync("endpoint-service-type", builder =>
    {
        var pod = builder.AddPod("myapp-pod").PublishWithService(PodServiceType.NodePort);
        var myapp = builder.AddContainer("myapp", "example/myapp").InPod(pod)
            .WithHttpEndpoint(port: 8082, targetPort: 8080).WithHttpEndpoint(port: 8083, targetPort: 8081, name: "admin").WithExternalHttpEndpoints()
            .WithHttpEndpoint(port: 8084, targetPort: 8082, name: "metrics").WithExternalHttpEndpoints()
            .PublishEndpointAs("admin", PodServiceType.ClusterIP)
            .PublishEndpointAs("metrics", PodServiceType.ClusterIP);
        builder.AddContainer("scraper", "example/scraper").InPod(builder.AddPod("monitoring")).WithEnvironment("TARGET", myapp.GetEndpoint("metrics"));
    });

    [Fact]
    public Task AWaitForAnotherPodIsAnInitContainerWaitingForItsService() => MatchesSnapshotsAsync("wait-for-another-pod", builder =>
    {
        var mc3 = builder.AddPod("mc3").PublishWithService(PodServiceType.NodePort, PodServicePorts.ServicePerPort);
        var proxy = builder.AddContainer("proxy", "example/proxy").InPod(mc3)
            .WithHttpEndpoint(port: 80, targetPort: 8080).WithExternalHttpEndpoints();
        builder.AddContainer("client", "example/client").InPod(builder.AddPod("client-pod")).WaitFor(proxy);
    });

    [Fact]
    public Task AWaitForAMemberOfTheSamePodIsANativeSidecarWhenAskedForAndOtherwiseAWarning() => MatchesSnapshotsAsync("wait-in-pod", builder =>
    {
        var pod = builder.AddPod("pod");
        var cache = builder.AddContainer("cache", "example/cache").InPod(pod).WithEndpoint(targetPort: 6379, name: "tcp").PublishAsNativeSidecar();
        var api = builder.AddFakeProject("api").InPod(pod).WithHttpEndpoint().PublishAsNativeSidecar();
        var helper = builder.AddContainer("helper", "example/helper").InPod(pod).WithEndpoint(targetPort: 7000, name: "tcp");
        builder.AddContainer("app", "example/app").InPod(pod).WaitFor(cache).WaitFor(api).WaitFor(helper);
    });

    [Fact]
    public Task AProjectIsAnImageOfTheRegistryRunAsTheDotNetUserAndProbedOnServiceDefaultsEndpoints() => MatchesSnapshotsAsync("project", builder =>
    {
        var pod = builder.AddPod("pod");
        builder.AddFakeProject("web").InPod(pod).WithHttpEndpoint().PublishWithContainerPort(5000).WithExternalHttpEndpoints();
        builder.AddFakeProject("worker").InPod(pod).WithArgs("work", "--hard");
    });

    [Fact]
    public Task ALongRunningMemberWithoutAnHttpEndpointCanBeProbedByACommand() => MatchesSnapshotsAsync("liveness-command", builder =>
        builder.AddFakeProject("writer").InPod(builder.AddPod("mc1")).PublishWithLivenessCommand("/app/Writer", "--check"));

    [Fact]
    public Task RequestsAndLimitsCanBeChosenPerContainer() => MatchesSnapshotsAsync("container-resources", builder =>
        builder.AddContainer("app", "example/app").PublishWithContainerResources(new ContainerResources("100m", "32Mi", "1", "64Mi")));

    [Fact]
    public Task ANamespaceIsSetOnEveryObject() => MatchesSnapshotsAsync("namespace", builder =>
    {
        var pod = builder.AddPod("mc3");
        builder.AddContainer("proxy", "example/proxy").InPod(pod).WithHttpEndpoint(port: 8080, targetPort: 8080).WithExternalHttpEndpoints();
        builder.AddContainer("job", "example/job").InPod(builder.AddPod("mc2")).RunsToCompletion();
    }, options => options.Namespace = "demo-apps");

    [Fact]
    public Task WhatThePublisherDecidesOnItsOwnIsSaidInWarnings() => MatchesSnapshotsAsync("silent-decisions", builder =>
    {
        var pod = builder.AddPod("pod");
        builder.AddContainer("app", "example/app").InPod(pod).WithHttpEndpoint(targetPort: 9000, name: "metrics-for-prometheus");
        builder.AddContainer("tool", "example/tool").InPod(builder.AddPod("tools")).ExcludeFromManifest();
        builder.AddPod("empty");
    });

    [Fact]
    public Task ADatabasesDataVolumeIsAClaimAndItsImageRunsAsItsOwnUser() => MatchesSnapshotsAsync("data-volumes", builder =>
    {
        var cache = builder.AddRedis("cache").WithDataVolume("cache-data");
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web")).WithReference(cache).WithVolume("/var/cache/app");
    });

    [Fact]
    public Task APodsReplicasComeFromItsMembers() => MatchesSnapshotsAsync("replicas", builder =>
    {
        var pod = builder.AddPod("web");
        builder.AddContainer("app", "example/app").InPod(pod).WithAnnotation(new ReplicaAnnotation(2));
        builder.AddContainer("sidecar", "example/sidecar").InPod(pod);
    });

    private static async Task MatchesSnapshotsAsync(
        string scenario, Action<IDistributedApplicationBuilder> model, Action<KubernetesPublishOptions>? configure = null)
    {
        foreach (var (target, options) in new[] { ("kubernetes", Publisher.Options), ("podman", Publisher.ForPodman) })
        {
            configure?.Invoke(options);
            var builder = PodModel.CreatePublishingBuilder();
            model(builder);
            var report = new PublishReport();
            var pods = await builder.MapAsync(report, options);
            Snapshot.Match($"{Directory}/{scenario}.{target}.yaml", Render(pods, report.Warnings));
        }
    }

    private static string Render(IReadOnlyList<PodManifest> pods, IReadOnlyList<string> warnings)
    {
        var text = new StringBuilder();
        foreach (var warning in warnings)
        {
            text.Append("# warning: ").Append(warning).Append('\n');
        }

        text.Append(string.Join("---\n", pods.Select(p => KubernetesYaml.SerializeAll(p.Objects).ReplaceLineEndings("\n"))));
        return text.ToString();
    }
}
