using k8s;
using k8s.Models;

namespace AppHost.FunctionalTests;

/// <summary>
/// The samples app host, shaped like a user's (Aspire's Redis and PostgreSQL, a secret parameter, a project in no pod),
/// published by the real pipeline step as a user runs it, with no terminal to ask in: what it writes is a kustomize base
/// kubectl builds, with the databases' internal endpoints on ClusterIP Services, the connection strings from the app's
/// Secret, the official images Aspire chooses, and the database AddDatabase names created by the server's image.
/// </summary>
public sealed class SamplesPublishTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("podsuite-samples-");

    public void Dispose() => _output.Delete(recursive: true);

    [Fact]
    public async Task TheSamplesPublishAsABaseKubectlBuildsWithTheirDatabasesReachedThroughServicesAndSecrets()
    {
        var (exitCode, output) = await TestRepository.RunAsync("dotnet",
            ["run", "--project", "samples/AppHost", "--no-build", "--", "--operation", "publish", "--step", "publish-kubernetes-pods", "--output-path", _output.FullName],
            TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"publishing the samples failed ({exitCode}):\n{output}");
        var (built, yaml) = await TestRepository.RunAsync("kubectl", ["kustomize", _output.FullName], TimeSpan.FromMinutes(1));
        Assert.True(built == 0, yaml);
        var objects = KubernetesYaml.LoadAllFromString(yaml);

        var cache = Single<V1Service>(objects, "cache");
        Assert.Equal(("ClusterIP", 6379), (cache.Spec.Type, cache.Spec.Ports.Single().Port));
        var cachePolicy = Single<V1NetworkPolicy>(objects, "cache");
        Assert.Equal(["report", "shop"],
            Assert.Single(cachePolicy.Spec.Ingress).FromProperty.Select(p => p.PodSelector.MatchLabels["app.kubernetes.io/name"]).Order());

        Assert.Equal(2, Single<V1Deployment>(objects, "shop").Spec.Replicas);
        var shop = Single<V1Deployment>(objects, "shop").Spec.Template.Spec;
        var visits = Assert.Single(shop.Containers, c => c.Name == "visits");
        Assert.Equal(("samples-secrets", "visits.ConnectionStrings__cache"), SecretOf(visits, "ConnectionStrings__cache"));
        Assert.Equal(("samples-secrets", "visits.ConnectionStrings__appdb"), SecretOf(visits, "ConnectionStrings__appdb"));
        Assert.Equal(("samples-secrets", "api-key"), SecretOf(visits, "Visits__ApiKey"));
        Assert.Contains(shop.InitContainers, c => c.Name == "wait-for-cache");
        Assert.Contains(shop.InitContainers, c => c.Name == "wait-for-pg");
        // The sidecar built from its Dockerfile is named in the registry under its content tag, and its bind-mounted
        // config file is a ConfigMap.
        var banner = Assert.Single(shop.Containers, c => c.Name == "banner");
        Assert.Matches("^localhost:5055/banner:src-[0-9a-f]{12}$", banner.Image);
        Assert.Equal(65534, banner.SecurityContext.RunAsUser);
        Assert.Contains("motd:", Single<V1ConfigMap>(objects, "banner-etc-banner").Data["motd.conf"]);

        var redis = Assert.Single(Single<V1Deployment>(objects, "cache").Spec.Template.Spec.Containers);
        Assert.StartsWith("docker.io/library/redis:", redis.Image);
        Assert.Equal(("samples-secrets", "cache-password"), SecretOf(redis, "REDIS_PASSWORD"));
        var postgres = Assert.Single(Single<V1Deployment>(objects, "pg").Spec.Template.Spec.Containers);
        Assert.StartsWith("docker.io/library/postgres:", postgres.Image);
        Assert.Contains("CREATE DATABASE \"appdb\";", Single<V1ConfigMap>(objects, "pg-initdb").Data["podsuite-create-databases.sql"]);
        // The data volumes are claims named without the hash of this clone's path, and the databases run as their users.
        Assert.Equal(["samples-cache-data", "samples-pg-data"], objects.OfType<V1PersistentVolumeClaim>().Select(c => c.Metadata.Name).Order());
        Assert.Equal((999L, 999L), (postgres.SecurityContext.RunAsUser, Single<V1Deployment>(objects, "pg").Spec.Template.Spec.SecurityContext.FsGroup));

        var report = Assert.Single(Single<V1Deployment>(objects, "report").Spec.Template.Spec.Containers);
        Assert.StartsWith("http://shop:", report.Env.Single(e => e.Name == "services__visits__http__0").Value);
        Assert.DoesNotContain(objects, o => o is V1Secret);
        Assert.Contains("| `visits.ConnectionStrings__appdb` | `Host=pg;Port=5432;Username=postgres;Password=<pg-password>;Database=appdb` |",
            await File.ReadAllTextAsync(Path.Combine(_output.FullName, "README.md")));
    }

    [Fact]
    public async Task AFailedStepEndsAnAppHostThatCallsAspiresPlainRunWithANonZeroExitCode()
    {
        // The samples end with builder.Build().Run(), as Aspire's templates do: Aspire's run alone would end 0 here.
        var file = Path.Combine(_output.FullName, "a-file");
        await File.WriteAllTextAsync(file, "not a directory");

        var (exitCode, output) = await TestRepository.RunAsync("dotnet",
            ["run", "--project", "samples/AppHost", "--no-build", "--", "--operation", "publish", "--step", "publish-kubernetes-pods", "--output-path", file],
            TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.Contains($"The output '{file}' is a file. Publish to a directory, such as 'manifests'.", output);
        Assert.Equal("not a directory", await File.ReadAllTextAsync(file));
    }

    private static T Single<T>(IEnumerable<object> objects, string name) where T : IKubernetesObject<V1ObjectMeta> =>
        Assert.Single(objects.OfType<T>(), o => o.Metadata.Name == name);

    private static (string, string) SecretOf(V1Container container, string variable)
    {
        var reference = Assert.Single(container.Env, e => e.Name == variable).ValueFrom.SecretKeyRef;
        return (reference.Name, reference.Key);
    }
}
