namespace Hosting.Kubernetes.Tests;

/// <summary>
/// A read-only bind mount of text is carried as a config file is, in a ConfigMap mounted as a directory; any other bind
/// mount is refused, naming the resource, the path and the alternatives.
/// </summary>
public sealed class BindMountTests : IDisposable
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("podsuite-bind-");

    public void Dispose() => _files.Delete(recursive: true);

    [Fact]
    public async Task AReadOnlyFileIsAConfigMapKeyMountedAtItsDirectory()
    {
        var file = Write("legacy.conf", "mode=legacy\n");
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("legacy", "example/legacy").InPod(builder.AddPod("web")).WithBindMount(file, "/etc/legacy/app.conf", isReadOnly: true);

        var pod = (await builder.MapAsync()).Pod("web");

        var configMap = Assert.Single(pod.ConfigMaps);
        Assert.Equal(("legacy-etc-legacy", "mode=legacy\n"), (configMap.Metadata.Name, configMap.Data["app.conf"]));
        var mount = Assert.Single(pod.Container("legacy").VolumeMounts, m => m.MountPath == "/etc/legacy");
        Assert.True(mount.ReadOnlyProperty);
        Assert.Equal("legacy-etc-legacy", Assert.Single(pod.PodSpec.Volumes, v => v.Name == mount.Name).ConfigMap.Name);

        // Under podman the same ConfigMap, named after its pod as podman's volumes are.
        var podmanBuilder = PodModel.CreatePublishingBuilder();
        podmanBuilder.AddContainer("legacy", "example/legacy").InPod(podmanBuilder.AddPod("web")).WithBindMount(file, "/etc/legacy/app.conf", isReadOnly: true);
        var played = (await podmanBuilder.MapAsync(Publisher.ForPodman)).Pod("web");
        Assert.Equal(("web-legacy-etc-legacy", "mode=legacy\n"), (Assert.Single(played.ConfigMaps).Metadata.Name, played.ConfigMaps[0].Data["app.conf"]));
    }

    [Fact]
    public async Task AReadOnlyDirectoryOfTextFilesIsAConfigMapMountedThere()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_files.FullName, "conf.d")).FullName;
        File.WriteAllText(Path.Combine(directory, "a.conf"), "a=1\n");
        File.WriteAllText(Path.Combine(directory, "b.conf"), "b=2\n");
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("legacy", "example/legacy").InPod(builder.AddPod("web")).WithBindMount(directory, "/etc/legacy/conf.d", isReadOnly: true);

        var pod = (await builder.MapAsync()).Pod("web");

        var configMap = Assert.Single(pod.ConfigMaps);
        Assert.Equal(new Dictionary<string, string> { ["a.conf"] = "a=1\n", ["b.conf"] = "b=2\n" }, configMap.Data);
        Assert.Contains(pod.Container("legacy").VolumeMounts, m => m.MountPath == "/etc/legacy/conf.d" && m.ReadOnlyProperty == true);
    }

    [Fact]
    public async Task ABindMountAConfigMapCannotHoldIsRefusedSayingWhy()
    {
        var nested = Directory.CreateDirectory(Path.Combine(_files.FullName, "nested", "deeper")).Parent!.FullName;
        var binary = Path.Combine(_files.FullName, "logo.png");
        File.WriteAllBytes(binary, [0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]);
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("legacy", "example/legacy").InPod(builder.AddPod("web"))
            .WithBindMount(nested, "/etc/nested", isReadOnly: true)
            .WithBindMount(binary, "/srv/logo.png", isReadOnly: true)
            .WithBindMount(Path.Combine(_files.FullName, "missing"), "/etc/missing", isReadOnly: true);

        var error = await builder.MappingErrorAsync();

        Assert.Contains($"'legacy' bind-mounts '{nested}' at '/etc/nested', a path of this machine that a cluster has no copy of: a ConfigMap holds one directory's files, and this one has directories in it.", error);
        Assert.Contains($"'{binary}' is not text, which a ConfigMap's data must be.", error);
        Assert.Contains("at '/etc/missing', a path of this machine that a cluster has no copy of, and it does not exist.", error);
    }

    [Fact]
    public async Task AFileIsMountedAsItsDirectoryWithAWarningAndNeverAtTheRoot()
    {
        var file = Write("app.conf", "a=1\n");
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("legacy", "example/legacy").InPod(builder.AddPod("web")).WithBindMount(file, "/etc/legacy/app.conf", isReadOnly: true);
        var report = new PublishReport();

        await builder.MapAsync(report);

        Assert.Contains("'legacy' gets '/etc/legacy/app.conf' from a ConfigMap mounted as the directory '/etc/legacy', which hides the " +
                        "image's other files there (podman 4.3 cannot mount one file of a ConfigMap).", report.Warnings);

        var atRoot = PodModel.CreatePublishingBuilder();
        atRoot.AddContainer("legacy", "example/legacy").WithBindMount(file, "/app.conf", isReadOnly: true);
        Assert.Contains("a file is carried in a ConfigMap mounted as its directory, and this one is '/'.", await atRoot.MappingErrorAsync());
    }

    [Fact]
    public async Task TwoVolumesAtOnePathAreAnErrorNamingBoth()
    {
        var file = Write("app.conf", "a=1\n");
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("legacy", "example/legacy").InPod(builder.AddPod("web"))
            .WithBindMount(file, "/etc/legacy/app.conf", isReadOnly: true)
            .WithVolume("legacy-data", "/etc/legacy");

        var error = await builder.MappingErrorAsync();

        Assert.Contains("container 'legacy' mounts 'legacy-etc-legacy' and 'legacy-data' at one path, '/etc/legacy'; give each its own directory.", error);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_files.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
