namespace Hosting.UnitTests;

public sealed class ConfigFileTests : IDisposable
{
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("podsuite-config-").FullName, "routes.json");

    public ConfigFileTests() => File.WriteAllText(_file, "{}");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);

    [Fact]
    public async Task InALocalRunAMemberIsToldWhereTheFileIsOnTheHost()
    {
        var builder = PodModel.CreateBuilder();
        var proxy = builder.AddExecutable("proxy", "true", ".").InPod(builder.AddPod("pod")).WithConfigFile(_file, "/etc/proxy", "ROUTES");

        await using var app = await builder.BuildAndPrepareAsync();
        var env = await proxy.Resource.EnvironmentAsync(DistributedApplicationOperation.Run);

        Assert.Equal(_file, env["ROUTES"]);
    }

    [Fact]
    public async Task WhenPublishedAMemberIsToldTheFilesPathInTheMountedDirectory()
    {
        var builder = PodModel.CreateBuilder();
        var proxy = builder.AddExecutable("proxy", "true", ".").InPod(builder.AddPod("pod")).WithConfigFile(_file, "/etc/proxy/", "ROUTES");

        var env = await proxy.Resource.EnvironmentAsync(DistributedApplicationOperation.Publish);

        Assert.Equal("/etc/proxy/routes.json", env["ROUTES"]);
        var file = Assert.Single(proxy.Resource.Annotations.OfType<ConfigFileAnnotation>());
        Assert.Equal("/etc/proxy/", file.MountDirectory);
    }

    [Fact]
    public void ARelativePathStartsAtTheAppHostDirectory()
    {
        var builder = PodModel.CreateBuilder();
        var proxy = builder.AddExecutable("proxy", "true", ".").WithConfigFile("pods/routes.json", "/etc/proxy", "ROUTES");

        var file = Assert.Single(proxy.Resource.Annotations.OfType<ConfigFileAnnotation>());
        Assert.Equal(Path.Combine(builder.AppHostDirectory, "pods", "routes.json"), file.SourcePath);
    }

    [Fact]
    public void AContainerMemberGetsTheFileBindMountedReadOnlyInALocalRun()
    {
        var builder = PodModel.CreateBuilder();
        var proxy = builder.AddContainer("proxy", "nginx").InPod(builder.AddPod("pod")).WithConfigFile(_file, "/etc/nginx/conf.d", "ROUTES");

        var mount = Assert.Single(proxy.Resource.Annotations.OfType<ContainerMountAnnotation>());
        Assert.Equal(_file, mount.Source);
        Assert.Equal("/etc/nginx/conf.d/routes.json", mount.Target);
        Assert.True(mount.IsReadOnly);
    }
}
