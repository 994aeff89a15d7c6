#pragma warning disable ASPIREPROBES001 // Aspire's probe annotations are experimental in 13.x.
namespace Hosting.Kubernetes.Tests;

public class KubernetesMappingTests
{
    [Fact]
    public async Task APodIsOneWorkloadWithEveryMemberAsAContainer()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("web");
        builder.AddContainer("app", "example/app", "2.0").InPod(pod);
        builder.AddContainer("sidecar", "example/sidecar", "1.0").InPod(pod);
        builder.AddContainer("alone", "example/alone", "1.0");

        var pods = await builder.MapAsync();

        Assert.Equal(["web", "alone"], pods.Select(p => p.Name));
        var web = Assert.IsType<V1Deployment>(pods.Pod("web").Workload);
        Assert.Equal(["app", "sidecar"], web.Spec.Template.Spec.Containers.Select(c => c.Name));
        Assert.Equal("example/app:2.0", web.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal(["alone"], pods.Pod("alone").PodSpec.Containers.Select(c => c.Name));
    }

    [Fact]
    public async Task AContainersEntrypointIsItsCommandAndItsArgumentsItsArgs()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("writer", "example/shell").WithEntrypoint("sh").WithArgs("-c", "date").InPod(builder.AddPod("worker"));

        var container = (await builder.MapAsync(Publisher.Options)).Pod("worker").Container("writer");

        Assert.Equal(["sh"], container.Command);
        Assert.Equal(["-c", "date"], container.Args);
    }

    [Fact]
    public async Task AProbeDeclaredWithAspiresWithHttpProbeIsTheContainersProbeOnItsEndpointsPort()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("api", "example/api").WithHttpEndpoint(targetPort: 9000, name: "http")
            .WithHttpProbe(ProbeType.Readiness, "/ready", periodSeconds: 7, endpointName: "http")
            .WithHttpProbe(ProbeType.Liveness, "/live", failureThreshold: 4, endpointName: "http")
            .InPod(builder.AddPod("api-pod"));

        var container = (await builder.MapAsync(Publisher.Options)).Pod("api-pod").Container("api");

        Assert.Equal(("/ready", "9000", 7), (container.ReadinessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Port.Value, container.ReadinessProbe.PeriodSeconds));
        Assert.Equal(("/live", "9000", 4), (container.LivenessProbe.HttpGet.Path, container.LivenessProbe.HttpGet.Port.Value, container.LivenessProbe.FailureThreshold));
    }

    [Fact]
    public async Task ASharedVolumeIsOneEmptyDirMountedAtEachMembersOwnPath()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("mc1");
        var html = pod.AddSharedVolume("html");
        builder.AddContainer("writer", "example/writer").InPod(pod).WithSharedVolume(html, "/out", "OUT");
        builder.AddContainer("site", "example/site").InPod(pod).WithSharedVolume(html, "/usr/share/nginx/html", "SITE");

        var mc1 = (await builder.MapAsync()).Pod("mc1");

        var volume = Assert.Single(mc1.PodSpec.Volumes, v => v.Name != ScratchDirectory.VolumeName);
        Assert.Equal("html", volume.Name);
        Assert.Equal("256Mi", volume.EmptyDir.SizeLimit.ToString());
        Assert.Equal("/out", Assert.Single(mc1.Container("writer").VolumeMounts, m => m.Name == "html").MountPath);
        Assert.Equal("/usr/share/nginx/html", Assert.Single(mc1.Container("site").VolumeMounts, m => m.Name == "html").MountPath);
        Assert.Equal("/usr/share/nginx/html", mc1.Container("site").Env("SITE"));
    }

    [Fact]
    public async Task AUnixSocketIsItsVolumesEmptyDirMountedInBothMembersWithThePathInEachAndNoPortOrService()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("web");
        var socket = pod.AddSharedVolume("sockets").AddUnixSocket("app.sock");
        builder.AddContainer("app", "example/app").InPod(pod).ListensOnUnixSocket(socket, "/run/app", "APP_SOCKET");
        builder.AddContainer("front", "example/front").InPod(pod).ConnectsToUnixSocket(socket, "/var/run/front", "UPSTREAM_SOCKET");

        var web = (await builder.MapAsync()).Pod("web");

        var volume = Assert.Single(web.PodSpec.Volumes, v => v.Name != ScratchDirectory.VolumeName);
        Assert.Equal("sockets", volume.Name);
        Assert.NotNull(volume.EmptyDir);
        Assert.Equal("/run/app", Assert.Single(web.Container("app").VolumeMounts, m => m.Name == "sockets").MountPath);
        Assert.Equal("/var/run/front", Assert.Single(web.Container("front").VolumeMounts, m => m.Name == "sockets").MountPath);
        Assert.Equal("/run/app/app.sock", web.Container("app").Env("APP_SOCKET"));
        Assert.Equal("/var/run/front/app.sock", web.Container("front").Env("UPSTREAM_SOCKET"));
        Assert.All(web.PodSpec.Containers, c => Assert.Null(c.Ports));
        Assert.Empty(web.Services);
    }

    [Fact]
    public async Task AConfigFileIsAConfigMapMountedAsADirectory()
    {
        var directory = Directory.CreateTempSubdirectory("podsuite-config-");
        var file = Path.Combine(directory.FullName, "routes.json");
        await File.WriteAllTextAsync(file, """{ "routes": [] }""");
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("proxy", "example/proxy").InPod(builder.AddPod("mc3")).WithConfigFile(file, "/etc/proxy", "ROUTES");

        var mc3 = (await builder.MapAsync()).Pod("mc3");

        var configMap = Assert.Single(mc3.ConfigMaps);
        Assert.Equal("proxy-etc-proxy", configMap.Metadata.Name);
        Assert.Equal("""{ "routes": [] }""", configMap.Data["routes.json"]);
        var mount = Assert.Single(mc3.Container("proxy").VolumeMounts, m => m.Name != ScratchDirectory.VolumeName);
        Assert.Equal(("/etc/proxy", true, null), (mount.MountPath, mount.ReadOnlyProperty, mount.SubPath));
        Assert.Equal("proxy-etc-proxy", Assert.Single(mc3.PodSpec.Volumes, v => v.Name == mount.Name).ConfigMap.Name);
        Assert.Equal("/etc/proxy/routes.json", mc3.Container("proxy").Env("ROUTES"));
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task AReferenceToAMemberOfTheSamePodIsLocalhostAndToAnotherPodItsService()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var mc3 = builder.AddPod("mc3");
        var webapp = builder.AddContainer("webapp", "example/webapp").InPod(mc3).WithHttpEndpoint(targetPort: 5000);
        var proxy = builder.AddContainer("proxy", "example/proxy").InPod(mc3).WithHttpEndpoint(port: 80, targetPort: 8080).WithExternalHttpEndpoints()
            .WithReference(webapp.GetEndpoint("http"));
        builder.AddContainer("client", "example/client").InPod(builder.AddPod("other")).WithReference(proxy.GetEndpoint("http"));

        var pods = await builder.MapAsync();

        Assert.Equal("http://localhost:5000", pods.Pod("mc3").Container("proxy").Env("services__webapp__http__0"));
        Assert.Equal("http://mc3:80", pods.Pod("other").Container("client").Env("services__proxy__http__0"));
    }

    [Fact]
    public async Task ProjectsThatWouldAllListenOn8080GetDistinctPortsAndTheMatchingHttpPorts()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("pod");
        builder.AddFakeProject("first").InPod(pod).WithHttpEndpoint();
        builder.AddFakeProject("second").InPod(pod).WithHttpEndpoint();
        builder.AddFakeProject("third").InPod(pod).WithHttpEndpoint().PublishWithContainerPort(8081);

        var manifest = (await builder.MapAsync()).Pod("pod");

        Assert.Equal(8080, Assert.Single(manifest.Container("first").Ports).ContainerPort);
        Assert.Equal(8082, Assert.Single(manifest.Container("second").Ports).ContainerPort);
        Assert.Equal(8081, Assert.Single(manifest.Container("third").Ports).ContainerPort);
        Assert.Equal("8082", manifest.Container("second").Env("ASPNETCORE_HTTP_PORTS"));
        Assert.Equal("8082", manifest.Container("second").Env("HTTP_PORTS"));
    }

    [Fact]
    public async Task AProjectIsAnImageFromTheChosenRegistryAndTagRunningAsTheDotNetAppUser()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddFakeProject("webapp").WithArgs("serve");

        var webapp = (await builder.MapAsync()).Pod("webapp").Container("webapp");

        Assert.Equal("registry.example/webapp:1.2.3", webapp.Image);
        Assert.Equal("IfNotPresent", webapp.ImagePullPolicy);
        Assert.Equal(["serve"], webapp.Args);
        Assert.Equal(SecurityDefaults.DotNetAppUser, webapp.SecurityContext.RunAsUser);
    }

    [Fact]
    public async Task ServicesCarryOnlyExternalEndpointsWithTheTypeTheModelChose()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("mc3").PublishWithService(PodServiceType.NodePort);
        builder.AddContainer("webapp", "example/webapp").InPod(pod).WithHttpEndpoint(targetPort: 5000);
        builder.AddContainer("proxy", "example/proxy").InPod(pod).WithHttpEndpoint(port: 8080, targetPort: 8080).WithExternalHttpEndpoints();

        var service = Assert.Single((await builder.MapAsync()).Pod("mc3").Services);

        Assert.Equal("mc3", service.Metadata.Name);
        Assert.Equal("NodePort", service.Spec.Type);
        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal(("http", 8080, "8080"), (port.Name, port.Port, (string)port.TargetPort));
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "mc3", ["app.kubernetes.io/part-of"] = "demo" }, service.Spec.Selector);
    }

    [Fact]
    public async Task APodWithNoExternalEndpointHasNoService()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("worker", "example/worker").InPod(builder.AddPod("pod")).WithHttpEndpoint(targetPort: 9000);

        Assert.Empty((await builder.MapAsync()).Pod("pod").Services);
    }

    [Theory]
    [InlineData(PodServicePorts.OneService, new[] { "myapp-pod:http:8082,admin:8083" })]
    [InlineData(PodServicePorts.ServicePerPort, new[] { "myapp-pod-http:http:8082", "myapp-pod-admin:admin:8083" })]
    public async Task SeveralPortsShareOneServiceOrGetOneEachAsTheModelSays(PodServicePorts layout, string[] expected)
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("myapp-pod").PublishWithService(PodServiceType.NodePort, layout);
        builder.AddContainer("myapp", "example/myapp").InPod(pod)
            .WithHttpEndpoint(port: 8082, targetPort: 8080).WithHttpEndpoint(port: 8083, targetPort: 8081, name: "admin").WithExternalHttpEndpoints();

        var services = (await builder.MapAsync()).Pod("myapp-pod").Services;

        Assert.Equal(expected, services.Select(s => $"{s.Metadata.Name}:{string.Join(",", s.Spec.Ports.Select(p => $"{p.Name}:{p.Port}"))}"));
        Assert.All(services, s => Assert.Equal("NodePort", s.Spec.Type));
    }

    [Fact]
    public async Task CompletionWaitsWithinAPodBecomeInitContainersInDependencyOrder()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("myapp-pod");
        var app = builder.AddContainer("myapp", "example/myapp").InPod(pod);
        var second = builder.AddContainer("init-mydb", "example/db").InPod(pod).RunsToCompletion();
        var first = builder.AddContainer("init-myservice", "example/wait").InPod(pod).RunsToCompletion();
        app.WaitForCompletion(second);
        second.WaitForCompletion(first);

        var spec = (await builder.MapAsync()).Pod("myapp-pod").PodSpec;

        Assert.Equal(["init-myservice", "init-mydb"], spec.InitContainers.Select(c => c.Name));
        Assert.Equal(["myapp"], spec.Containers.Select(c => c.Name));
        Assert.All(spec.InitContainers, c => Assert.Null(c.RestartPolicy));
    }

    [Fact]
    public async Task AWaitForAnotherPodIsAnInitContainerWaitingForItsService()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var proxy = builder.AddContainer("proxy", "example/proxy").InPod(builder.AddPod("mc3"))
            .WithHttpEndpoint(port: 8080, targetPort: 8080).WithExternalHttpEndpoints();
        builder.AddContainer("client", "example/client").InPod(builder.AddPod("client-pod")).WaitFor(proxy);

        var init = Assert.Single((await builder.MapAsync()).Pod("client-pod").PodSpec.InitContainers);

        Assert.Equal("wait-for-proxy", init.Name);
        Assert.Equal(new KubernetesPodsEnvironmentResource("kubernetes").WaitImage, init.Image);
        Assert.Contains("until nc -z -w 2 mc3 8080", init.Command[2]);
    }

    [Fact]
    public async Task AWaitForAMemberOfTheSamePodIsANativeSidecarOnlyWhenAskedFor()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("pod");
        var cache = builder.AddContainer("cache", "example/cache").InPod(pod).WithEndpoint(targetPort: 6379, name: "tcp").PublishAsNativeSidecar();
        var retrying = builder.AddContainer("helper", "example/helper").InPod(pod).WithEndpoint(targetPort: 7000, name: "tcp");
        builder.AddContainer("app", "example/app").InPod(pod).WaitFor(cache).WaitFor(retrying);

        var spec = (await builder.MapAsync()).Pod("pod").PodSpec;

        var sidecar = Assert.Single(spec.InitContainers);
        Assert.Equal(("cache", "Always"), (sidecar.Name, sidecar.RestartPolicy));
        Assert.Equal("6379", (string)sidecar.StartupProbe.TcpSocket.Port);
        Assert.Equal(["helper", "app"], spec.Containers.Select(c => c.Name));
    }

    [Fact]
    public async Task APodWhoseContainersAllRunToCompletionIsABarePodThatIsNotRestarted()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("mc2");
        builder.AddContainer("producer", "example/ipc").InPod(pod).RunsToCompletion();
        builder.AddContainer("consumer", "example/ipc").InPod(pod).RunsToCompletion();

        var workload = Assert.IsType<V1Pod>((await builder.MapAsync()).Pod("mc2").Workload);

        Assert.Equal(("v1", "Pod", "Never"), (workload.ApiVersion, workload.Kind, workload.Spec.RestartPolicy));
    }

    [Fact]
    public async Task AContainerBuiltFromADockerfileIsNamedInTheRegistryWithATagOfItsBuildContext()
    {
        var context = Directory.CreateTempSubdirectory("podsuite-dockerfile-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), "FROM scratch\nCOPY banner.txt /\n");
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "banner.txt"), "hello\n");
            var options = Publisher.Options;
            options.ImageTag = null;

            async Task<string> ImageAsync()
            {
                var builder = PodModel.CreatePublishingBuilder();
                builder.AddDockerfile("legacy", context.FullName).InPod(builder.AddPod("web"));
                return (await builder.MapAsync(options)).Pod("web").Container("legacy").Image;
            }

            var first = await ImageAsync();
            Assert.Matches("^registry.example/legacy:src-[0-9a-f]{12}$", first);
            Assert.Equal(first, await ImageAsync());
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "banner.txt"), "hello again\n");
            Assert.NotEqual(first, await ImageAsync());
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task APodOfPodSuitesOwnImagesIsRestrictedByDefault()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddFakeProject("app").InPod(builder.AddPod("pod"));

        var spec = (await builder.MapAsync()).Pod("pod").PodSpec;

        Assert.False(spec.AutomountServiceAccountToken);
        Assert.True(spec.SecurityContext.RunAsNonRoot);
        Assert.Equal("RuntimeDefault", spec.SecurityContext.SeccompProfile.Type);
        var container = Assert.Single(spec.Containers);
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        var scratch = Assert.Single(container.VolumeMounts);
        Assert.Equal(("/tmp", "podsuite-tmp"), (scratch.MountPath, scratch.Name));
        Assert.Equal("64Mi", Assert.Single(spec.Volumes, v => v.Name == scratch.Name).EmptyDir.SizeLimit.ToString());
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.Equal(["50m", "64Mi"], new[] { container.Resources.Requests["cpu"].ToString(), container.Resources.Requests["memory"].ToString() });
        Assert.Equal(["500m", "256Mi"], new[] { container.Resources.Limits["cpu"].ToString(), container.Resources.Limits["memory"].ToString() });
    }

    [Fact]
    public async Task AMemberThatMountsAVolumeAtTmpKeepsItsOwnAndGetsNoScratchDirectory()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("pod");
        var work = pod.AddSharedVolume("work");
        builder.AddContainer("app", "example/app").InPod(pod).WithSharedVolume(work, "/tmp", "WORK");

        var container = (await builder.MapAsync()).Pod("pod").Container("app");

        Assert.Equal([("work", "/tmp")], container.VolumeMounts.Select(m => (m.Name, m.MountPath)));
    }

    [Fact]
    public async Task APodsNetworkPolicyAdmitsOnlyThePortsItsNodePortServicesExposeAndPodmanHasNone()
    {
        static IDistributedApplicationBuilder Model()
        {
            var builder = PodModel.CreatePublishingBuilder();
            var mc3 = builder.AddPod("mc3").PublishWithService(PodServiceType.NodePort);
            builder.AddContainer("webapp", "example/webapp").InPod(mc3).WithHttpEndpoint(targetPort: 5000);
            builder.AddContainer("proxy", "example/proxy").InPod(mc3).WithHttpEndpoint(port: 80, targetPort: 8080).WithExternalHttpEndpoints();
            builder.AddContainer("job", "example/job").InPod(builder.AddPod("mc2")).RunsToCompletion();
            builder.AddContainer("api", "example/api").InPod(builder.AddPod("internal")).WithHttpEndpoint(port: 80, targetPort: 8080).WithExternalHttpEndpoints();
            return builder;
        }

        var pods = await Model().MapAsync();
        var podman = await Model().MapAsync(Publisher.ForPodman);

        var mc3 = pods.Pod("mc3").NetworkPolicy!;
        Assert.Equal(["Ingress"], mc3.Spec.PolicyTypes);
        Assert.Equal(pods.Pod("mc3").Services[0].Spec.Selector, mc3.Spec.PodSelector.MatchLabels);
        Assert.Equal(["8080"], Assert.Single(mc3.Spec.Ingress).Ports.Select(p => (string)p.Port));
        Assert.Null(pods.Pod("mc2").NetworkPolicy!.Spec.Ingress);
        Assert.Equal("ClusterIP", Assert.Single(pods.Pod("internal").Services).Spec.Type);
        Assert.Null(pods.Pod("internal").NetworkPolicy!.Spec.Ingress);   // a ClusterIP port no pod calls
        Assert.All(podman, p => Assert.Null(p.NetworkPolicy));
    }

    [Fact]
    public async Task AJobIsWrittenAsJobYamlAndAServingPodCannotBeOne()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var mc2 = builder.AddPod("mc2").PublishAsJob();
        builder.AddContainer("job", "example/job").InPod(mc2).RunsToCompletion();
        var pods = await builder.MapAsync();
        var serving = PodModel.CreatePublishingBuilder();
        serving.AddContainer("site", "example/site").InPod(serving.AddPod("web").PublishAsJob());

        var job = Assert.IsType<V1Job>(pods.Pod("mc2").Workload);
        var files = ManifestFiles.Of(pods, Publisher.Options);
        var message = await serving.MappingErrorAsync();

        Assert.Equal((0, 3600, "Never"), (job.Spec.BackoffLimit, job.Spec.TtlSecondsAfterFinished, job.Spec.Template.Spec.RestartPolicy));
        Assert.Contains("mc2/job.yaml", files.Keys);
        Assert.Contains("| `mc2` | Job, backoffLimit 0 |", files["README.md"]);
        Assert.Contains("Pod 'web' is published as a Job (PublishAsJob), but 'site' serves rather than running to completion", message);
    }

    [Fact]
    public async Task RequestsAndLimitsCanBeChosenPerContainer()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app").PublishWithContainerResources(new ContainerResources("100m", "32Mi", "1", "64Mi"));

        var resources = Assert.Single((await builder.MapAsync()).Pod("app").PodSpec.Containers).Resources;

        Assert.Equal("32Mi", resources.Requests["memory"].ToString());
        Assert.Equal("1", resources.Limits["cpu"].ToString());
    }

    [Fact]
    public async Task ServiceDefaultsHealthEndpointsAreTheReadinessAndLivenessProbesOfWebProjects()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("pod");
        builder.AddFakeProject("web").InPod(pod).WithHttpEndpoint().PublishWithContainerPort(5000);
        builder.AddFakeProject("worker").InPod(pod);

        var manifest = (await builder.MapAsync()).Pod("pod");

        var web = manifest.Container("web");
        Assert.Equal(("/health", "5000"), (web.ReadinessProbe.HttpGet.Path, (string)web.ReadinessProbe.HttpGet.Port));
        Assert.Equal(("/alive", "5000"), (web.LivenessProbe.HttpGet.Path, (string)web.LivenessProbe.HttpGet.Port));
        Assert.Null(manifest.Container("worker").ReadinessProbe);
    }

    [Fact]
    public async Task TheSameModelGivesTheSameYaml()
    {
        static async Task<string> PublishAsync()
        {
            var builder = PodModel.CreatePublishingBuilder();
            var pod = builder.AddPod("pod").PublishWithService(PodServiceType.NodePort);
            var data = pod.AddSharedVolume("data");
            var key = pod.AddIpcKey("queue");
            builder.AddContainer("a", "example/a").InPod(pod).WithSharedVolume(data, "/data", "DATA").WithIpcKey(key, "KEY")
                .WithHttpEndpoint(port: 80).WithExternalHttpEndpoints();
            builder.AddContainer("b", "example/b").InPod(pod).WithSharedVolume(data, "/data", "DATA").WithIpcKey(key, "KEY");
            return (await builder.MapAsync()).Yaml();
        }

        Assert.Equal(await PublishAsync(), await PublishAsync());
    }

    [Fact]
    public async Task WaitingForCompletionAcrossPodsIsAnError()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var migrate = builder.AddContainer("migrate", "example/migrate").InPod(builder.AddPod("db")).RunsToCompletion();
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web")).WaitForCompletion(migrate);

        var message = await builder.MappingErrorAsync();

        Assert.Contains("'app' in pod 'web' waits for the completion of 'migrate' in pod 'db'; Kubernetes can only order containers within one pod", message);
    }

    [Fact]
    public async Task WaitingForAPodWithNoServiceIsAnError()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var worker = builder.AddContainer("worker", "example/worker").InPod(builder.AddPod("back"));
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web")).WaitFor(worker);

        var message = await builder.MappingErrorAsync();

        Assert.Contains("'app' in pod 'web' waits for 'worker' in pod 'back', which has no endpoint, so nothing a pod can wait for in a cluster", message);
    }

    [Fact]
    public async Task WaitingForAnInternalEndpointOfAnotherPodWaitsForItsClusterIPService()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var cache = builder.AddContainer("cache", "example/redis").WithEndpoint(targetPort: 6379, name: "tcp", scheme: "tcp");
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web")).WaitFor(cache);

        var pods = await builder.MapAsync();

        var service = Assert.Single(pods.Pod("cache").Services);
        Assert.Equal(("cache", "ClusterIP", 6379, "6379"), (service.Metadata.Name, service.Spec.Type, service.Spec.Ports.Single().Port, service.Spec.Ports.Single().TargetPort.Value));
        Assert.Contains("until nc -z -w 2 cache 6379", pods.Pod("web").Container("wait-for-cache").Command[2]);
        var rule = Assert.Single(pods.Pod("cache").NetworkPolicy!.Spec.Ingress);
        Assert.Equal("web", Assert.Single(rule.FromProperty).PodSelector.MatchLabels["app.kubernetes.io/name"]);
    }

    [Fact]
    public async Task AnInternalEndpointAnotherPodRefersToGetsAClusterIPServiceThatAdmitsOnlyThatPod()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var mc3 = builder.AddPod("mc3");
        var webapp = builder.AddContainer("webapp", "example/webapp").InPod(mc3).WithHttpEndpoint(targetPort: 5000);
        builder.AddContainer("proxy", "example/proxy").InPod(mc3).WithReference(webapp.GetEndpoint("http"));
        builder.AddContainer("client", "example/client").InPod(builder.AddPod("other")).WithReference(webapp.GetEndpoint("http"));
        builder.AddContainer("bystander", "example/client").InPod(builder.AddPod("third"));

        var pods = await builder.MapAsync();

        Assert.Equal("http://mc3:5000", pods.Pod("other").Container("client").Env("WEBAPP_HTTP"));
        Assert.Equal("http://localhost:5000", pods.Pod("mc3").Container("proxy").Env("WEBAPP_HTTP"));
        var service = Assert.Single(pods.Pod("mc3").Services);
        Assert.Equal(("mc3", "ClusterIP", 5000), (service.Metadata.Name, service.Spec.Type, service.Spec.Ports.Single().Port));
        var rule = Assert.Single(pods.Pod("mc3").NetworkPolicy!.Spec.Ingress);
        Assert.Equal(["other"], rule.FromProperty.Select(p => p.PodSelector.MatchLabels["app.kubernetes.io/name"]));
    }

    [Fact]
    public async Task AnInternalEndpointOnlyItsOwnPodUsesHasNoService()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var mc3 = builder.AddPod("mc3");
        var webapp = builder.AddContainer("webapp", "example/webapp").InPod(mc3).WithHttpEndpoint(targetPort: 5000);
        builder.AddContainer("proxy", "example/proxy").InPod(mc3).WithReference(webapp.GetEndpoint("http")).WaitFor(webapp);

        var pods = await builder.MapAsync();

        Assert.Empty(pods.Pod("mc3").Services);
        Assert.Null(pods.Pod("mc3").NetworkPolicy!.Spec.Ingress);
    }

    [Fact]
    public async Task AServingPodWithAMemberThatRunsToCompletionIsAnError()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("pod");
        builder.AddContainer("job", "example/job").InPod(pod).RunsToCompletion();
        builder.AddContainer("web", "example/web").InPod(pod);

        var message = await builder.MappingErrorAsync();

        Assert.Contains("'job' in pod 'pod' runs to completion but 'web' serves", message);
    }

    [Fact]
    public async Task AnExecutableHasNoImageToPublish()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddExecutable("script", "bash", ".").InPod(builder.AddPod("pod"));

        var message = await builder.MappingErrorAsync();

        Assert.Contains("Resource 'script' is a ExecutableResource, which has no container image to publish", message);
    }

    [Fact]
    public async Task AValueAspireCannotGiveIsAnErrorReportedWithTheOthers()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod")).WithEnvironment("API_KEY", builder.AddParameter("api-key"));
        builder.AddContainer("other", "example/other").WithEnvironment("PASSWORD", builder.AddParameter("password"));

        var message = await builder.MappingErrorAsync();

        Assert.Contains("'app': Parameter 'api-key' has no value", message);
        Assert.Contains("'other': Parameter 'password' has no value", message);
    }
}
