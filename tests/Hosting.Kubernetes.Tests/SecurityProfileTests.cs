namespace Hosting.Kubernetes.Tests;

/// <summary>
/// How each container runs: PodSuite's own images restricted; an image PodSuite does not know as the image says, with a
/// warning, so a pod never fails at start for a default it was not told about; the app host's choice over both.
/// </summary>
public class SecurityProfileTests
{
    [Fact]
    public async Task AnImagePodSuiteDoesNotKnowRunsAsTheImageSaysAndTheWarningSaysHowToRestrictIt()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pod = builder.AddPod("web");
        builder.AddFakeProject("app").InPod(pod);
        builder.AddContainer("edge", "docker.io/envoyproxy/envoy", "v1.31").InPod(pod);
        var report = new PublishReport();

        var web = (await builder.MapAsync(report)).Pod("web");

        var edge = web.Container("edge");
        Assert.False(edge.SecurityContext.AllowPrivilegeEscalation);
        Assert.Equal((null, null, null, null), (edge.SecurityContext.ReadOnlyRootFilesystem, edge.SecurityContext.RunAsUser,
            edge.SecurityContext.RunAsNonRoot, edge.SecurityContext.Capabilities));
        Assert.DoesNotContain(edge.VolumeMounts ?? [], m => m.MountPath == "/tmp");
        // The pod cannot say non-root for all; the restricted member says it for itself.
        Assert.Null(web.PodSpec.SecurityContext.RunAsNonRoot);
        Assert.Equal("RuntimeDefault", web.PodSpec.SecurityContext.SeccompProfile.Type);
        var app = web.Container("app");
        Assert.Equal((true, true, 1654L), (app.SecurityContext.RunAsNonRoot!.Value, app.SecurityContext.ReadOnlyRootFilesystem!.Value, app.SecurityContext.RunAsUser!.Value));
        var warning = Assert.Single(report.Warnings, w => w.StartsWith("'edge' runs as docker.io/envoyproxy/envoy:v1.31 says", StringComparison.Ordinal));
        Assert.Contains("PublishWithSecurityProfile(ContainerSecurityProfile.Restricted(user, group, \"/dir\", ...))", warning);
    }

    [Fact]
    public async Task ARestrictedProfileGivesTheUserItsDirectoriesAndItsVolumesGroup()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("web", "docker.io/nginxinc/nginx-unprivileged", "1.27").InPod(builder.AddPod("site"))
            .WithVolume("site-data", "/usr/share/nginx/html")
            .PublishWithSecurityProfile(ContainerSecurityProfile.Restricted(101, 101, "/var/cache/nginx"));
        var report = new PublishReport();

        var site = (await builder.MapAsync(report)).Pod("site");

        var web = site.Container("web");
        Assert.Equal((101L, true), (web.SecurityContext.RunAsUser!.Value, web.SecurityContext.ReadOnlyRootFilesystem!.Value));
        Assert.True(site.PodSpec.SecurityContext.RunAsNonRoot);
        Assert.Equal(101, site.PodSpec.SecurityContext.FsGroup);
        var cache = Assert.Single(web.VolumeMounts, m => m.MountPath == "/var/cache/nginx");
        Assert.NotNull(Assert.Single(site.PodSpec.Volumes, v => v.Name == cache.Name).EmptyDir);
        Assert.Contains(web.VolumeMounts, m => m.MountPath == "/tmp");
        Assert.DoesNotContain(report.Warnings, w => w.Contains("'web' runs as", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImageDefaultsChosenByTheAppHostAreNotWarnedAbout()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("edge", "docker.io/envoyproxy/envoy", "v1.31").PublishWithSecurityProfile(ContainerSecurityProfile.ImageDefaults);
        var report = new PublishReport();

        var edge = (await builder.MapAsync(report)).Pod("edge").Container("edge");

        Assert.Null(edge.SecurityContext.ReadOnlyRootFilesystem);
        Assert.DoesNotContain(report.Warnings, w => w.Contains("'edge' runs as", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0L, new string[0], "user")]
    [InlineData(101L, new[] { "var/cache" }, "writableDirectories")]
    public void ARestrictedProfileNeedsANonRootUserAndAbsoluteDirectories(long user, string[] directories, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => ContainerSecurityProfile.Restricted(user, null, directories));

        Assert.Equal(parameter, error.ParamName);
    }
}
