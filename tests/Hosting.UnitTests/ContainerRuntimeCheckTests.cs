using Microsoft.Extensions.Configuration;

namespace Hosting.UnitTests;

public sealed class ContainerRuntimeCheckTests : IDisposable
{
    private readonly DirectoryInfo _bin = Directory.CreateTempSubdirectory("podsuite-path-");

    public void Dispose() => _bin.Delete(recursive: true);

    [Fact]
    public void DockerOrPodmanOnPathIsARuntimeAndNeitherIsNone()
    {
        Assert.Null(ContainerRuntimeCheck.Find(Configuration()));

        File.WriteAllText(Path.Combine(_bin.FullName, "podman"), "");

        Assert.Equal("podman", ContainerRuntimeCheck.Find(Configuration()));
    }

    [Fact]
    public void TheRuntimeAspireIsToldToUseIsTheOnlyOneLookedFor()
    {
        File.WriteAllText(Path.Combine(_bin.FullName, "podman"), "");

        Assert.Null(ContainerRuntimeCheck.Find(Configuration(("ASPIRE_CONTAINER_RUNTIME", "docker"))));
        Assert.Equal("podman", ContainerRuntimeCheck.Find(Configuration(("DOTNET_ASPIRE_CONTAINER_RUNTIME", "podman"))));
    }

    private IConfiguration Configuration(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))
            .Append(KeyValuePair.Create("PATH", (string?)_bin.FullName)))
        .Build();
}
