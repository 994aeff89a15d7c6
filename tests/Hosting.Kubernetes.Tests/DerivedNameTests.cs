namespace Hosting.Kubernetes.Tests;

/// <summary>
/// Names PodSuite derives from the model's names are checked against Kubernetes' rules before anything is written, and
/// the error says which model names they came from and how to shorten them.
/// </summary>
public class DerivedNameTests
{
    private static readonly string s_longPod = new('p', 60);

    [Fact]
    public async Task AServicePerPortNamedAfterALongPodIsRefusedNamingThePodAndThePort()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod(s_longPod).PublishWithService(PodServiceType.NodePort, PodServicePorts.ServicePerPort);
        builder.AddContainer("app", "example/app").InPod(pod)
            .WithHttpEndpoint(port: 8082, targetPort: 8080).WithHttpEndpoint(port: 8083, targetPort: 8081, name: "admin").WithExternalHttpEndpoints();

        var message = await builder.MappingErrorAsync();

        Assert.Contains($"Service name '{s_longPod}-http' of endpoint 'http' of 'app' in pod '{s_longPod}' breaks Kubernetes' rule for an RFC 1035 label (a Service name)", message);
        Assert.Contains($"'{s_longPod}-admin'", message);
        Assert.Contains($"shorten pod '{s_longPod}' or port 'admin', or use one Service for the pod (OneService)", message);
    }

    [Fact]
    public async Task ASharedVolumeNameThatIsNoVolumeNameIsRefused()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("mc1");
        var volume = pod.AddSharedVolume("Data_Vol");
        builder.AddContainer("app", "example/app").InPod(pod).WithSharedVolume(volume, "/data", "DATA");

        var message = await builder.MappingErrorAsync();

        Assert.Contains("Shared volume 'Data_Vol' of pod 'mc1', a volume name, breaks Kubernetes' rule for an RFC 1123 label", message);
        Assert.Contains("Rename it where AddSharedVolume adds it.", message);
    }

    [Fact]
    public async Task AConfigMapNamedAfterALongMemberAndDirectoryIsRefused()
    {
        var file = Path.Combine(TestRepository.Root, "tests/Hosting.Kubernetes.Tests/Snapshots/routes.json");
        var builder = PodModel.CreatePublishingBuilder();
        var member = new string('m', 40);
        builder.AddContainer(member, "example/proxy").InPod(builder.AddPod("mc3")).WithConfigFile(file, "/etc/a-rather-long-proxy-directory", "ROUTES");

        var message = await builder.MappingErrorAsync();

        Assert.Contains($"ConfigMap name '{member}-etc-a-rather-long-proxy-directory', of '{member}' for directory '/etc/a-rather-long-proxy-directory' and also a volume name, breaks", message);
        Assert.Contains("; it has 74.", message);
        Assert.Contains("shorten the name of", message);
    }

    [Fact]
    public async Task AnEnvironmentVariableKubernetesRefusesIsAnError()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app").WithEnvironment("1_BAD NAME", "x");

        var message = await builder.MappingErrorAsync();

        Assert.Contains("Environment variable '1_BAD NAME' of 'app' breaks Kubernetes' rule for an environment variable name", message);
    }

    [Fact]
    public async Task ANamespaceKubernetesRefusesIsAnError()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app");
        var options = Publisher.Options;
        options.Namespace = "Team_A";

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => builder.MapAsync(options));

        Assert.Contains("Namespace 'Team_A' breaks Kubernetes' rule for an RFC 1123 label", error.Message);
        Assert.Contains("--PodSuite:Namespace=", error.Message);
    }

    [Fact]
    public async Task EveryNameErrorIsReportedAtOnce()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("mc1");
        var volume = pod.AddSharedVolume("Data_Vol");
        builder.AddContainer("app", "example/app").InPod(pod).WithSharedVolume(volume, "/data", "DATA");
        builder.AddContainer("site", "example/site").InPod(builder.AddPod(s_longPod).PublishWithService(PodServiceType.NodePort, PodServicePorts.ServicePerPort))
            .WithHttpEndpoint(port: 80, targetPort: 8080).WithExternalHttpEndpoints();

        var message = await builder.MappingErrorAsync();

        Assert.Contains("'Data_Vol'", message);
        Assert.Contains($"Service name '{s_longPod}-http'", message);
    }

    [Fact]
    public async Task AServicePortNameIsALabelSoItMayBeLongerThanAContainerPortName()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("mc1")).WithHttpEndpoint(targetPort: 80, name: "administration-port").WithExternalHttpEndpoints();
        var report = new PublishReport();

        var service = Assert.Single((await builder.MapAsync(report)).Pod("mc1").Services);

        Assert.Equal("administration-port", Assert.Single(service.Spec.Ports).Name);
        Assert.Contains(report.Warnings, w => w.StartsWith("The container port of endpoint 'administration-port' of 'app' in pod 'mc1' is left unnamed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoObjectsThatWouldHaveOneNameAreRefused()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var perPort = builder.AddPod("web").PublishWithService(PodServiceType.NodePort, PodServicePorts.ServicePerPort);
        builder.AddContainer("app", "example/app").InPod(perPort).WithHttpEndpoint(port: 80, targetPort: 8080, name: "api").WithExternalHttpEndpoints();
        builder.AddContainer("other", "example/other").InPod(builder.AddPod("web-api")).WithHttpEndpoint(port: 81, targetPort: 8081).WithExternalHttpEndpoints();

        var message = await builder.MappingErrorAsync();

        Assert.Contains("Service 'web-api' is written 2 times; each object needs its own name.", message);
    }

    [Fact]
    public async Task APodCannotTakeTheFolderOfTheUsersOverlays()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("overlays"));

        var message = await builder.MappingErrorAsync();

        Assert.Contains("'overlays' cannot be published as a pod: its folder in the output is where your kustomize overlays go", message);
    }
}
