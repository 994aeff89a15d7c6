namespace Hosting.Kubernetes.Tests;

/// <summary>Publishing for podman kube play (podman 4.3), which lacks Services and runs init containers its own way.</summary>
public class PodmanMappingTests
{
    [Fact]
    public async Task ExternalEndpointsArePublishedOnTheHostAtTheServicePortAndInternalOnesNotAtAll()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var mc3 = builder.AddPod("mc3").PublishWithService(PodServiceType.NodePort);
        builder.AddContainer("webapp", "example/webapp").InPod(mc3).WithHttpEndpoint(targetPort: 5000);
        builder.AddContainer("proxy", "example/proxy").InPod(mc3).WithHttpEndpoint(port: 80, targetPort: 8080).WithExternalHttpEndpoints();

        var pod = (await builder.MapAsync(Publisher.ForPodman)).Pod("mc3");

        Assert.Null(pod.Container("webapp").Ports);
        var published = Assert.Single(pod.Container("proxy").Ports);
        Assert.Equal((8080, 80), (published.ContainerPort, published.HostPort));
        Assert.Empty(pod.Services);
    }

    [Fact]
    public async Task AServingPodIsABarePodRestartedOnlyOnFailureSoItsInitContainersRunOnce()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("myapp-pod");
        var init = builder.AddContainer("init", "example/init").InPod(pod).RunsToCompletion();
        builder.AddContainer("app", "example/app").InPod(pod).WaitForCompletion(init);

        var workload = Assert.IsType<V1Pod>((await builder.MapAsync(Publisher.ForPodman)).Pod("myapp-pod").Workload);

        Assert.Equal("OnFailure", workload.Spec.RestartPolicy);
        Assert.Equal("always", workload.Metadata.Annotations["io.podman.annotations.init.container.type"]);
        Assert.Equal(["init"], workload.Spec.InitContainers.Select(c => c.Name));
    }

    [Fact]
    public async Task TheDownwardApisValuesAndTheVariablesMadeOfThemAreWrittenInSincePodmanResolvesNeither()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddKubernetesPods("kubernetes");
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"));
        var options = Publisher.ForPodman;
        options.Namespace = "demo";

        var pods = await builder.MapAsync(options);

        var app = pods.Pod("pod").Container("app");
        Assert.Equal("pod", app.Env("POD_NAME"));
        Assert.Equal("demo", app.Env("POD_NAMESPACE"));
        Assert.Equal("k8s.pod.name=pod,k8s.namespace.name=demo,k8s.container.name=app", app.Env("OTEL_RESOURCE_ATTRIBUTES"));
        // Only the OTLP key comes from the Secret, as it does on a cluster: podman resolves a secretKeyRef itself.
        Assert.All(app.Env.Where(e => e.Name != "OTEL_EXPORTER_OTLP_HEADERS"), e => Assert.Null(e.ValueFrom));
        Assert.Equal("otlp-headers", Assert.Single(app.Env, e => e.Name == "OTEL_EXPORTER_OTLP_HEADERS").ValueFrom.SecretKeyRef.Key);
        Assert.Equal("http://aspire-dashboard:18889", app.Env("OTEL_EXPORTER_OTLP_ENDPOINT"));
        // Both its ports are ClusterIP: reached only on podman's network, the OTLP port by its callers, the web UI at the pod's address.
        var dashboard = pods.Pod("aspire-dashboard").Container("dashboard");
        Assert.Null(dashboard.Ports);
        Assert.Equal("aspire-dashboard-login", Assert.Single(dashboard.Env, e => e.Name == "DASHBOARD__FRONTEND__BROWSERTOKEN").ValueFrom.SecretKeyRef.Name);
    }

    [Fact]
    public async Task AnHttpLivenessProbeBecomesAHealthCheckThatNeedsOnlyBashSinceTheImagesHaveNoCurl()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddFakeProject("web").InPod(builder.AddPod("pod")).WithHttpEndpoint().WithExternalHttpEndpoints();

        var web = (await builder.MapAsync(Publisher.ForPodman)).Pod("pod").Container("web");
        var plain = (await PlainModel()).Pod("pod").Container("web");

        Assert.Null(web.LivenessProbe.HttpGet);
        // One shell line: podman 4.3 joins the words and runs them with /bin/sh -c.
        Assert.Equal(
            [@"bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf ""GET /alive HTTP/1.0\r\nHost: localhost\r\n\r\n"" >&3 && read -r status <&3 && [[ $status == HTTP/1.?"" ""[23]* ]]'"],
            web.LivenessProbe.Exec.Command);
        Assert.Equal(plain.LivenessProbe.PeriodSeconds, web.LivenessProbe.PeriodSeconds);
        Assert.Equal("/health", web.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/alive", plain.LivenessProbe.HttpGet.Path);

        static Task<IReadOnlyList<PodManifest>> PlainModel()
        {
            var builder = PodModel.CreatePublishingBuilder();
            builder.AddFakeProject("web").InPod(builder.AddPod("pod")).WithHttpEndpoint().WithExternalHttpEndpoints();
            return builder.MapAsync();
        }
    }

    [Fact]
    public async Task AnotherPodIsReachedAtItsNameOnPodmansNetwork()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var proxy = builder.AddContainer("proxy", "example/proxy").InPod(builder.AddPod("mc3")).WithHttpEndpoint(port: 8080, targetPort: 8080).WithExternalHttpEndpoints();
        builder.AddContainer("client", "example/client").InPod(builder.AddPod("other")).WithReference(proxy.GetEndpoint("http"));

        var client = (await builder.MapAsync(Publisher.ForPodman)).Pod("other").Container("client");

        Assert.Equal("http://mc3:8080", client.Env("services__proxy__http__0"));
    }

    [Fact]
    public async Task APodThatRunsToCompletionKeepsItsRestartPolicyAndTheGeneratedReadmeSaysWhichEachPodHas()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var mc2 = builder.AddPod("mc2");
        builder.AddContainer("producer", "example/ipc").InPod(mc2).RunsToCompletion();
        builder.AddContainer("site", "example/site").InPod(builder.AddPod("mc1"));
        var options = Publisher.ForPodman;

        var pods = await builder.MapAsync(options);

        Assert.Equal("Never", Assert.IsType<V1Pod>(pods.Pod("mc2").Workload).Spec.RestartPolicy);
        var readme = ManifestReadme.Render(pods, options);
        Assert.Contains("| `mc2` | Pod, restartPolicy Never |", readme);
        Assert.Contains("| `mc1` | Pod, restartPolicy OnFailure |", readme);
    }

    [Fact]
    public async Task ALivenessCommandsWordsReachTheProgramAsTheyAreThoughPodmanRunsThemWithAShell()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("pod"))
            .PublishWithLivenessCommand("/app/check", "--name", "two words", "$HOME;rm -rf /", "it's");

        var container = (await builder.MapAsync(Publisher.ForPodman)).Pod("pod").Container("app");

        // Podman 4.3 runs: /bin/sh -c "<the words joined with spaces>", which gives the program back these five words.
        Assert.Equal(["/app/check", "--name", "'two words'", "'$HOME;rm -rf /'", "'it'\\''s'"], container.LivenessProbe.Exec.Command);
    }
}
