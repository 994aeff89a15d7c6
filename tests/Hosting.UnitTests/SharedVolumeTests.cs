using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Hosting.UnitTests;

public class SharedVolumeTests
{
    [Fact]
    public async Task EveryMemberThatMountsAVolumeGetsTheSameFreshHostDirectoryInALocalRun()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var data = pod.AddSharedVolume("data");
        var writer = builder.AddExecutable("writer", "true", ".").InPod(pod).WithSharedVolume(data, "/out", "WRITER_DIR");
        var reader = builder.AddExecutable("reader", "true", ".").InPod(pod).WithSharedVolume(data, "/in", "READER_DIR");

        await using var app = await builder.BuildAndPrepareAsync();
        var writerEnv = await writer.Resource.EnvironmentAsync(DistributedApplicationOperation.Run);
        var readerEnv = await reader.Resource.EnvironmentAsync(DistributedApplicationOperation.Run);

        Assert.Equal(data.LocalPath, writerEnv["WRITER_DIR"]);
        Assert.Equal(data.LocalPath, readerEnv["READER_DIR"]);
        Assert.True(Directory.Exists(data.LocalPath));
        Assert.Empty(Directory.EnumerateFileSystemEntries(data.LocalPath));
    }

    [Fact]
    public async Task TheDirectoryIsCreatedBeforeAnyMemberStartsAndReadingItsPathCreatesNothing()
    {
        var podName = $"pod{Guid.NewGuid():N}"[..12];
        var builder = PodModel.CreateBuilder();
        var volume = builder.AddPod(podName).AddSharedVolume("data");
        Assert.Null(volume.LocalPath);

        await using var app = await builder.BuildAndPrepareAsync();

        // Found on disk without asking the volume: nothing is created by reading LocalPath.
        var created = Assert.Single(Directory.GetDirectories(Path.GetTempPath(), $"podsuite-{podName}-data-*"));
        Assert.Equal(created, volume.LocalPath);
    }

    [Fact]
    public async Task EachRunGetsItsOwnDirectoryAndItIsDeletedWhenTheAppHostStops()
    {
        var first = await PrepareVolumeAsync();
        var second = await PrepareVolumeAsync();
        Assert.NotEqual(first.Volume.LocalPath, second.Volume.LocalPath);

        File.WriteAllText(Path.Combine(first.Volume.LocalPath!, "page.html"), "kept until the pod goes");
        ((ApplicationLifetime)first.App.Services.GetRequiredService<IHostApplicationLifetime>()).NotifyStopped();

        Assert.False(Directory.Exists(first.Volume.LocalPath));
        Assert.True(Directory.Exists(second.Volume.LocalPath));
        ((ApplicationLifetime)second.App.Services.GetRequiredService<IHostApplicationLifetime>()).NotifyStopped();
        Assert.False(Directory.Exists(second.Volume.LocalPath));
        await first.App.DisposeAsync();
        await second.App.DisposeAsync();

        static async Task<(DistributedApplication App, SharedVolume Volume)> PrepareVolumeAsync()
        {
            var builder = PodModel.CreateBuilder();
            var volume = builder.AddPod("pod").AddSharedVolume("data");
            return (await builder.BuildAndPrepareAsync(), volume);
        }
    }

    [Fact]
    public async Task DisposingAnAppHostThatNeverRanDeletesItsDirectoriesToo()
    {
        var builder = PodModel.CreateBuilder();
        var volume = builder.AddPod("pod").AddSharedVolume("data");
        var app = await builder.BuildAndPrepareAsync();
        Assert.True(Directory.Exists(volume.LocalPath));

        await app.DisposeAsync();

        Assert.False(Directory.Exists(volume.LocalPath));
    }

    [Fact]
    public async Task WhenPublishedAMemberIsToldTheMountPath()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var data = pod.AddSharedVolume("data");
        var writer = builder.AddExecutable("writer", "true", ".").InPod(pod).WithSharedVolume(data, "/var/www", "WRITER_DIR");

        var env = await writer.Resource.EnvironmentAsync(DistributedApplicationOperation.Publish);

        Assert.Equal("/var/www", env["WRITER_DIR"]);
    }

    [Fact]
    public async Task AContainerMemberGetsTheHostDirectoryBindMountedAtItsMountPath()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var data = pod.AddSharedVolume("data");
        var site = builder.AddContainer("site", "nginx").InPod(pod).WithSharedVolume(data, "/usr/share/nginx/html", "SITE_DIR");

        await using var app = await builder.BuildAndPrepareAsync();
        var env = await site.Resource.EnvironmentAsync(DistributedApplicationOperation.Run);

        var mount = Assert.Single(site.Resource.Annotations.OfType<ContainerMountAnnotation>());
        Assert.Equal(data.LocalPath, mount.Source);
        Assert.Equal("/usr/share/nginx/html", mount.Target);
        Assert.Equal(ContainerMountType.BindMount, mount.Type);
        Assert.False(mount.IsReadOnly);
        Assert.Equal("/usr/share/nginx/html", env["SITE_DIR"]);
    }
}
