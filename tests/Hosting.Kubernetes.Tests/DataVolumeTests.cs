using Microsoft.Extensions.Configuration;

namespace Hosting.Kubernetes.Tests;

/// <summary>
/// A member's volumes as the app host has them: a named volume is data, so a PersistentVolumeClaim that destroy keeps;
/// an anonymous one an emptyDir, with a warning; a writable bind mount is refused. The database images Aspire chooses run as
/// their own non-root users, with their volumes given to their group and their writable directories mounted.
/// </summary>
public class DataVolumeTests
{
    [Fact]
    public async Task ANamedVolumeIsAClaimOfTheAppsDataMountedWhereTheModelSaysAndTheDeploymentIsReplacedWhole()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("files", "example/files").InPod(builder.AddPod("web")).WithVolume("files-data", "/srv/files");

        var pod = (await builder.MapAsync()).Pod("web");

        var claim = Assert.Single(pod.Claims!);
        Assert.Equal("files-data", claim.Metadata.Name);
        Assert.Equal("true", claim.Metadata.Labels["podsuite.io/data"]);
        Assert.Equal(("podsuite", "demo"), (claim.Metadata.Labels["app.kubernetes.io/managed-by"], claim.Metadata.Labels["app.kubernetes.io/part-of"]));
        Assert.Equal(["ReadWriteOnce"], claim.Spec.AccessModes);
        Assert.Equal("1Gi", claim.Spec.Resources.Requests["storage"].ToString());
        var volume = Assert.Single(pod.PodSpec.Volumes, v => v.PersistentVolumeClaim is not null);
        Assert.Equal("files-data", volume.PersistentVolumeClaim.ClaimName);
        Assert.Contains(pod.Container("files").VolumeMounts, m => m.Name == volume.Name && m.MountPath == "/srv/files");
        Assert.Equal("Recreate", ((V1Deployment)pod.Workload).Spec.Strategy.Type);
    }

    [Fact]
    public async Task AVolumeNameAspireMakesIsClaimedWithoutTheHashOfTheAppHostsPathSoAnotherCloneFindsTheSameData()
    {
        static async Task<string[]> ClaimsOf(string appHostHash)
        {
            var builder = PodModel.CreateBuilder("--operation", "publish", $"--AppHost:Sha256={appHostHash}");
            builder.AddRedis("cache").WithDataVolume();
            return [.. (await builder.MapAsync()).Pod("cache").Claims!.Select(c => c.Metadata.Name)];
        }

        var here = await ClaimsOf("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        var elsewhere = await ClaimsOf("fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");

        Assert.Equal(here, elsewhere);
        Assert.EndsWith("-cache-data", Assert.Single(here));
        Assert.DoesNotMatch("[0-9a-f]{10}", here[0]);
    }

    [Fact]
    public async Task AnAnonymousVolumeIsAnEmptyDirAndTheWarningSaysItsDataIsLostWithThePod()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("files", "example/files").InPod(builder.AddPod("web")).WithVolume("/var/cache/files");
        var report = new PublishReport();

        var pod = (await builder.MapAsync(report)).Pod("web");

        Assert.Empty(pod.Claims!);
        var mount = Assert.Single(pod.Container("files").VolumeMounts, m => m.MountPath == "/var/cache/files");
        Assert.NotNull(Assert.Single(pod.PodSpec.Volumes, v => v.Name == mount.Name).EmptyDir);
        Assert.Contains(report.Warnings, w => w.StartsWith("'files' has an anonymous volume at '/var/cache/files': it is an emptyDir, lost when the pod is replaced.", StringComparison.Ordinal));
        Assert.Null(((V1Deployment)pod.Workload).Spec.Strategy);
    }

    [Fact]
    public async Task AWritableBindMountIsRefusedNamingTheResourceAndTheAlternatives()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("legacy", "example/legacy").InPod(builder.AddPod("web")).WithBindMount("/srv/legacy", "/etc/legacy");

        var error = await builder.MappingErrorAsync();

        Assert.Contains("'legacy' bind-mounts '/srv/legacy' at '/etc/legacy', a path of this machine that a cluster has no copy of, " +
                        "and writes to it. Give the container its files with WithConfigFile, or its data with a named volume", error);
    }

    [Fact]
    public async Task RedisAndPostgresRunAsTheirImagesUsersWithTheirDataVolumesGivenToTheirGroup()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddRedis("cache");
        builder.AddPostgres("pg").WithDataVolume("pg-data");

        var pods = await builder.MapAsync();

        var redis = pods.Pod("cache");
        Assert.Equal(999, redis.Container("cache").SecurityContext.RunAsUser);
        Assert.True(redis.Container("cache").SecurityContext.ReadOnlyRootFilesystem);
        // Without a volume, redis still writes its snapshots: an emptyDir where it does.
        var data = Assert.Single(redis.Container("cache").VolumeMounts, m => m.MountPath == "/data");
        Assert.NotNull(Assert.Single(redis.PodSpec.Volumes, v => v.Name == data.Name).EmptyDir);
        Assert.Empty(redis.Claims!);

        var pg = pods.Pod("pg");
        Assert.Equal((999L, 999L), (pg.Container("pg").SecurityContext.RunAsUser, pg.PodSpec.SecurityContext.FsGroup));
        var mounts = pg.Container("pg").VolumeMounts.ToDictionary(m => m.MountPath, m => m.Name);
        Assert.Equal("pg-data", Assert.Single(pg.PodSpec.Volumes, v => v.Name == mounts["/var/lib/postgresql"]).PersistentVolumeClaim.ClaimName);
        Assert.NotNull(Assert.Single(pg.PodSpec.Volumes, v => v.Name == mounts["/var/run/postgresql"]).EmptyDir);
        Assert.Equal("pg-data", Assert.Single(pg.Claims!).Metadata.Name);
    }

    [Fact]
    public async Task TheClaimsSizeAccessModeAndStorageClassAreSettingsAndASharedModeAllowsReplicas()
    {
        var options = Bind(new() { ["PodSuite:Volumes:Size"] = "5Gi", ["PodSuite:Volumes:AccessMode"] = "ReadWriteMany", ["PodSuite:Volumes:StorageClass"] = "shared-nfs" });
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("web");
        builder.AddFakeProject("app").InPod(pod).WithReplicas(2);
        builder.AddContainer("files", "example/files").InPod(pod).WithVolume("files-data", "/srv/files");

        var web = (await builder.MapAsync(options)).Pod("web");

        var claim = Assert.Single(web.Claims!);
        Assert.Equal(("5Gi", "ReadWriteMany", "shared-nfs"), (claim.Spec.Resources.Requests["storage"].ToString(), claim.Spec.AccessModes.Single(), claim.Spec.StorageClassName));
        Assert.Equal(2, ((V1Deployment)web.Workload).Spec.Replicas);
    }

    [Fact]
    public async Task VolumesThatAreNotPersistentAreEmptyDirsAsAspiresOwnPublisherMakesThem()
    {
        var options = Bind(new() { ["PodSuite:Volumes:Persistent"] = "false" });
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("files", "example/files").InPod(builder.AddPod("web")).WithVolume("files-data", "/srv/files");

        var web = (await builder.MapAsync(options)).Pod("web");

        Assert.Empty(web.Claims!);
        Assert.NotNull(Assert.Single(web.PodSpec.Volumes, v => v.Name == "files-data").EmptyDir);
        Assert.Null(((V1Deployment)web.Workload).Spec.Strategy);
    }

    [Theory]
    [InlineData("Size", "lots", "'PodSuite:Volumes:Size' is 'lots', not a Kubernetes quantity: give one such as 1Gi or 500Mi.")]
    [InlineData("Size", "0", "'PodSuite:Volumes:Size' is '0': a claim must ask for more than nothing, such as 1Gi.")]
    [InlineData("AccessMode", "Shared", "'PodSuite:Volumes:AccessMode' is 'Shared': give one of ReadWriteOnce, ReadWriteOncePod, ReadWriteMany, ReadOnlyMany.")]
    [InlineData("StorageClass", "Fast_SSD", "'PodSuite:Volumes:StorageClass' 'Fast_SSD'")]
    public void AVolumeSettingAClusterWouldRefuseIsAnErrorNamingIt(string setting, string value, string error)
    {
        var thrown = Assert.Throws<DistributedApplicationException>(() => Bind(new() { [$"PodSuite:Volumes:{setting}"] = value }));

        Assert.StartsWith(error, thrown.Message);
    }

    private static KubernetesPublishOptions Bind(Dictionary<string, string?> settings) => KubernetesPublishOptions.Bind(
        new KubernetesPodsEnvironmentResource("kubernetes") { Registry = "registry.example", ImageTag = "1.2.3", PartOf = "demo" },
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public async Task APodWithoutVolumesHasNoGroupForThem()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web"));

        var pod = (await builder.MapAsync()).Pod("web");

        Assert.Null(pod.PodSpec.SecurityContext.FsGroup);
        Assert.Empty(pod.Claims!);
    }
}
