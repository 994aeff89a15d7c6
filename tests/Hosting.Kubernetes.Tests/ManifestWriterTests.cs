namespace Hosting.Kubernetes.Tests;

public sealed class ManifestWriterTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("podsuite-manifests-");

    private string Output => Path.Combine(_root.FullName, "manifests");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task TheManifestsAreAKustomizeBaseWithAFolderPerPod()
    {
        ManifestWriter.Write(Output, await DemoPodsAsync(), Publisher.Options);

        Assert.Equal(
            ["README.md", "kustomization.yaml", "mc1/deployment.yaml", "mc1/kustomization.yaml", "mc1/service.yaml", "mc2/kustomization.yaml", "mc2/pod.yaml"],
            Files(Output));
        Assert.Equal(
            ManifestWriter.Header + "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- mc1\n- mc2\n",
            File.ReadAllText(Path.Combine(Output, "kustomization.yaml")));
        Assert.EndsWith("resources:\n- deployment.yaml\n- service.yaml\n", File.ReadAllText(Path.Combine(Output, "mc1", "kustomization.yaml")));
        Assert.Contains("| `mc2` | Pod, restartPolicy Never | - | `producer`, `consumer` |", File.ReadAllText(Path.Combine(Output, "README.md")));
    }

    [Fact]
    public async Task RegeneratingReplacesWhatWasThereWithNothingLeftOver()
    {
        ManifestWriter.Write(Output, await DemoPodsAsync(), Publisher.Options);
        var pods = await DemoPodsAsync();

        ManifestWriter.Write(Output, [.. pods.Where(p => p.Name == "mc2")], Publisher.Options);

        Assert.Equal(["README.md", "kustomization.yaml", "mc2/kustomization.yaml", "mc2/pod.yaml"], Files(Output));
        Assert.Equal(["manifests"], _root.EnumerateFileSystemInfos().Select(i => i.Name));
    }

    [Fact]
    public async Task AFailureWhileWritingLeavesThePreviousManifestsUntouched()
    {
        ManifestWriter.Write(Output, await DemoPodsAsync(), Publisher.Options);
        var before = Snapshot(Output);
        var pods = await DemoPodsAsync();
        var broken = pods[0] with { Name = "bad\0name" };

        Assert.ThrowsAny<ArgumentException>(() => ManifestWriter.Write(Output, [pods[1], broken], Publisher.Options));

        Assert.Equal(before, Snapshot(Output));
        Assert.Equal(["manifests"], _root.EnumerateFileSystemInfos().Select(i => i.Name));
    }

    [Fact]
    public async Task ADirectoryWithFilesPodSuiteDidNotWriteIsNotReplaced()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "notes.txt"), "mine");

        var pods = await DemoPodsAsync();

        var error = Assert.Throws<DistributedApplicationException>(() => ManifestWriter.Write(Output, pods, Publisher.Options));

        Assert.Contains("holds files that PodSuite did not write", error.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Output, "notes.txt")));
    }

    private static async Task<IReadOnlyList<PodManifest>> DemoPodsAsync()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var mc1 = builder.AddPod("mc1");
        builder.AddContainer("site", "example/site").InPod(mc1).WithHttpEndpoint(port: 8081).WithExternalHttpEndpoints();
        var mc2 = builder.AddPod("mc2");
        builder.AddContainer("producer", "example/ipc").InPod(mc2).RunsToCompletion();
        builder.AddContainer("consumer", "example/ipc").InPod(mc2).RunsToCompletion();
        return await builder.MapAsync();
    }

    private static List<string> Files(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static Dictionary<string, string> Snapshot(string directory) =>
        Files(directory).ToDictionary(f => f, f => File.ReadAllText(Path.Combine(directory, f)));
}
