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

        Assert.Contains($"The Service of endpoint 'http' of 'app' would be named '{s_longPod}-http' breaks Kubernetes' rule for an RFC 1035 label (a Service name)", message);
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

        Assert.Contains("Shared volume 'Data_Vol' of pod 'mc1' is a volume name, and the name 'Data_Vol' breaks Kubernetes' rule for an RFC 1123 label", message);
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

        Assert.Contains($"The ConfigMap of '{member}' for directory '/etc/a-rather-long-proxy-directory' would be named '{member}-etc-a-rather-long-proxy-directory'", message);
        Assert.Contains("; it has 74.", message);
        Assert.Contains("shorten the name of", message);
    }

    [Fact]
    public async Task AnEnvironmentVariableKubernetesRefusesIsAnError()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app").WithEnvironment("1_BAD NAME", "x");

        var message = await builder.MappingErrorAsync();

        Assert.Contains("The environment variable of 'app' '1_BAD NAME' breaks Kubernetes' rule for an environment variable name", message);
    }

    [Fact]
    public async Task ANamespaceKubernetesRefusesIsAnError()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app");
        var options = Publisher.Options;
        options.Namespace = "Team_A";

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => builder.MapAsync(options));

        Assert.Contains("The namespace 'Team_A' breaks Kubernetes' rule for an RFC 1123 label", error.Message);
        Assert.Contains("--PodSuite:Namespace=", error.Message);
    }

    [Fact]
    public async Task EveryNameErrorIsReportedAtOnce()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("mc1");
        var volume = pod.AddSharedVolume("Data_Vol");
        builder.AddContainer("app", "example/app").InPod(pod).WithSharedVolume(volume, "/data", "DATA").WithHttpEndpoint(targetPort: 80, name: "administration-port").WithExternalHttpEndpoints();

        var message = await builder.MappingErrorAsync();

        Assert.Contains("'Data_Vol'", message);
        Assert.Contains("Endpoint 'administration-port' of 'app' in pod 'mc1' is a Service port", message);
    }
}
