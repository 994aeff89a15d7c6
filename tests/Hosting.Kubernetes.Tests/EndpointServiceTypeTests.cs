namespace Hosting.Kubernetes.Tests;

/// <summary>
/// An endpoint with a Service type of its own (PublishEndpointAs): an admin port on a ClusterIP Service that the pod's
/// NetworkPolicy admits only from the pods that call it, and podman does not publish on the host.
/// </summary>
public class EndpointServiceTypeTests
{
    [Fact]
    public async Task AClusterIPEndpointGetsAServiceOfItsOwnAndNoPodIsAdmittedToItUnlessItCallsIt()
    {
        var pods = await MyAppPod().MapAsync();

        var myapp = pods.Pod("myapp-pod");
        Assert.Equal(["myapp-pod:NodePort:http:8082", "myapp-pod-admin:ClusterIP:admin:8083"], myapp.Services.Select(Describe));
        var rule = Assert.Single(myapp.NetworkPolicy!.Spec.Ingress);
        Assert.Null(rule.FromProperty);
        Assert.Equal(["8080"], rule.Ports.Select(p => (string)p.Port));
    }

    [Fact]
    public async Task AClusterIPEndpointIsAdmittedFromThePodsThatReferToItAndNoOthers()
    {
        var builder = MyAppPod();
        var admin = Member(builder, "myapp").GetEndpoint("admin");
        builder.AddContainer("backup", "example/backup").InPod(builder.AddPod("ops")).WithEnvironment("ADMIN_URL", admin);
        builder.AddContainer("site", "example/site").InPod(builder.AddPod("mc1"));

        var policy = (await builder.MapAsync()).Pod("myapp-pod").NetworkPolicy!;

        Assert.Equal(2, policy.Spec.Ingress.Count);
        var callers = policy.Spec.Ingress[1];
        Assert.Equal(["8081"], callers.Ports.Select(p => (string)p.Port));
        var caller = Assert.Single(callers.FromProperty);
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "ops", ["app.kubernetes.io/part-of"] = "demo" }, caller.PodSelector.MatchLabels);
    }

    [Fact]
    public async Task AClusterIPEndpointIsAdmittedFromThePodsThatWaitForIt()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var db = builder.AddContainer("db", "example/db").InPod(builder.AddPod("db-pod"))
            .WithEndpoint(port: 5432, targetPort: 5432, name: "tcp", isExternal: true)
            .PublishEndpointAs("tcp", PodServiceType.ClusterIP);
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("app-pod")).WaitFor(db);

        var pods = await builder.MapAsync();

        var rule = Assert.Single(pods.Pod("db-pod").NetworkPolicy!.Spec.Ingress);
        Assert.Equal("app-pod", Assert.Single(rule.FromProperty).PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.Equal(["5432"], rule.Ports.Select(p => (string)p.Port));
        Assert.Equal("ClusterIP", Assert.Single(pods.Pod("db-pod").Services).Spec.Type);
    }

    [Fact]
    public async Task UnderPodmanAClusterIPEndpointNoPodCallsIsNotPublishedOnTheHost()
    {
        var pod = (await MyAppPod().MapAsync(Publisher.ForPodman)).Pod("myapp-pod");

        var published = Assert.Single(pod.Container("myapp").Ports);
        Assert.Equal((8080, 8082), (published.ContainerPort, published.HostPort));
    }

    [Fact]
    public async Task UnderPodmanAClusterIPEndpointAnotherPodCallsIsPublishedOnNoHostAddressAndReachedAtThePodsName()
    {
        var builder = MyAppPod();
        builder.AddContainer("backup", "example/backup").InPod(builder.AddPod("ops")).WithEnvironment("ADMIN_URL", Member(builder, "myapp").GetEndpoint("admin"));

        var pods = await builder.MapAsync(Publisher.ForPodman);

        Assert.Equal([(8080, 8082)], pods.Pod("myapp-pod").Container("myapp").Ports.Select(p => (p.ContainerPort, p.HostPort ?? 0)));
        Assert.Equal("http://myapp-pod:8081", pods.Pod("ops").Container("backup").Env("ADMIN_URL"));
    }

    [Fact]
    public async Task AnEndpointTheMemberDoesNotHaveIsAnErrorNamingItsEndpoints()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("myapp", "example/myapp").InPod(builder.AddPod("myapp-pod"))
            .WithHttpEndpoint(port: 8082, targetPort: 8080).WithExternalHttpEndpoints()
            .PublishEndpointAs("admn", PodServiceType.ClusterIP);

        var error = await builder.MappingErrorAsync();

        Assert.Contains("'myapp' in pod 'myapp-pod' has no endpoint 'admn' to publish as ClusterIP (PublishEndpointAs); its endpoints: 'http'. Name one of them.", error);
    }

    [Fact]
    public async Task AnInternalEndpointHasNoServiceToChooseATypeFor()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("webapp", "example/webapp").InPod(builder.AddPod("mc3"))
            .WithHttpEndpoint(targetPort: 5000)
            .PublishEndpointAs("http", PodServiceType.LoadBalancer);

        var error = await builder.MappingErrorAsync();

        Assert.Contains("Endpoint 'http' of 'webapp' in pod 'mc3' is internal, so it has no Service to publish as LoadBalancer (PublishEndpointAs). Make it external (WithExternalHttpEndpoints) or remove the call.", error);
    }

    [Fact]
    public async Task TheLastChoiceForAnEndpointHolds()
    {
        var builder = MyAppPod();
        Member(builder, "myapp").PublishEndpointAs("admin", PodServiceType.LoadBalancer);

        var services = (await builder.MapAsync()).Pod("myapp-pod").Services;

        Assert.Equal(["myapp-pod:NodePort:http:8082", "myapp-pod-admin:LoadBalancer:admin:8083"], services.Select(Describe));
    }

    private static IDistributedApplicationBuilder MyAppPod()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("myapp-pod").PublishWithService(PodServiceType.NodePort);
        builder.AddContainer("myapp", "example/myapp").InPod(pod)
            .WithHttpEndpoint(port: 8082, targetPort: 8080).WithHttpEndpoint(port: 8083, targetPort: 8081, name: "admin").WithExternalHttpEndpoints()
            .PublishEndpointAs("admin", PodServiceType.ClusterIP);
        return builder;
    }

    private static IResourceBuilder<ContainerResource> Member(IDistributedApplicationBuilder builder, string name) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ContainerResource>().Single(r => r.Name == name));

    private static string Describe(V1Service service) =>
        $"{service.Metadata.Name}:{service.Spec.Type}:{string.Join(",", service.Spec.Ports.Select(p => $"{p.Name}:{p.Port}"))}";
}
