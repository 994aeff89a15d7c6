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
            ["README.md", "kustomization.yaml", "mc1/deployment.yaml", "mc1/kustomization.yaml", "mc1/networkpolicy.yaml", "mc1/service.yaml", "mc2/kustomization.yaml", "mc2/networkpolicy.yaml", "mc2/pod.yaml", OwnedFiles.FileName],
            Files(Output));
        Assert.Equal(
            ManifestFiles.Header + "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- mc1\n- mc2\n",
            File.ReadAllText(Path.Combine(Output, "kustomization.yaml")));
        Assert.EndsWith("resources:\n- deployment.yaml\n- service.yaml\n- networkpolicy.yaml\n", File.ReadAllText(Path.Combine(Output, "mc1", "kustomization.yaml")));
        Assert.Contains("| `mc2` | Pod, restartPolicy Never | - | `producer`, `consumer` |", File.ReadAllText(Path.Combine(Output, "README.md")));
    }

    [Fact]
    public async Task RegeneratingReplacesWhatWasThereWithNothingLeftOver()
    {
        ManifestWriter.Write(Output, await DemoPodsAsync(), Publisher.Options);
        var pods = await DemoPodsAsync();

        ManifestWriter.Write(Output, [.. pods.Where(p => p.Name == "mc2")], Publisher.Options);

        Assert.Equal(["README.md", "kustomization.yaml", "mc2/kustomization.yaml", "mc2/networkpolicy.yaml", "mc2/pod.yaml", OwnedFiles.FileName], Files(Output));
        Assert.Equal(["manifests"], _root.EnumerateFileSystemInfos().Select(i => i.Name));
        Assert.False(Directory.Exists(Path.Combine(Output, "mc1")));
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
        Assert.Equal(["notes.txt"], Files(Output));
    }

    [Fact]
    public async Task TheRecordListsEveryFilePodSuiteWroteWithItsHashInSha256sumFormat()
    {
        ManifestWriter.Write(Output, await DemoPodsAsync(), Publisher.Options);

        var owned = OwnedFiles.Read(Output)!;

        Assert.Equal(Files(Output).Where(f => f != OwnedFiles.FileName), owned.Keys.Order(StringComparer.Ordinal));
        Assert.All(owned, f => Assert.Equal(f.Value, OwnedFiles.HashOfFile(Path.Combine(Output, f.Key))));
        Assert.Contains($"{owned["mc2/pod.yaml"]}  mc2/pod.yaml\n", File.ReadAllText(Path.Combine(Output, OwnedFiles.FileName)));
    }

    [Fact]
    public async Task AUsersOverlayAndNotesSurviveAPublishEvenInAPodsFolderThatGoes()
    {
        ManifestWriter.Write(Output, await DemoPodsAsync(), Publisher.Options);
        var overlay = Path.Combine(Output, "overlays", "prod", "kustomization.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(overlay)!);
        File.WriteAllText(overlay, ManifestFiles.Header + "resources:\n- ../..\n");
        File.WriteAllText(Path.Combine(Output, "mc1", "NOTES.md"), "mine");
        var pods = await DemoPodsAsync();

        ManifestWriter.Write(Output, [.. pods.Where(p => p.Name == "mc2")], Publisher.Options);

        Assert.Equal(ManifestFiles.Header + "resources:\n- ../..\n", File.ReadAllText(overlay));
        Assert.Equal(["NOTES.md"], Files(Path.Combine(Output, "mc1")));
        Assert.DoesNotContain("overlays/prod/kustomization.yaml", OwnedFiles.Read(Output)!.Keys);
    }

    [Fact]
    public async Task AGeneratedFileChangedByHandIsNotOverwrittenAndNothingIsWritten()
    {
        ManifestWriter.Write(Output, await DemoPodsAsync(), Publisher.Options);
        var deployment = Path.Combine(Output, "mc1", "deployment.yaml");
        File.AppendAllText(deployment, "# my change\n");
        var before = Snapshot(Output);
        var pods = await DemoPodsAsync();

        var error = Assert.Throws<DistributedApplicationException>(() => ManifestWriter.Write(Output, [.. pods.Where(p => p.Name == "mc2")], Publisher.Options));

        Assert.Contains("'mc1/deployment.yaml' was changed since PodSuite wrote it", error.Message);
        Assert.Equal(before, Snapshot(Output));
    }

    [Fact]
    public async Task AUsersFileWherePodSuiteWouldWriteIsRefused()
    {
        ManifestWriter.Write(Output, [.. (await DemoPodsAsync()).Where(p => p.Name == "mc2")], Publisher.Options);
        Directory.CreateDirectory(Path.Combine(Output, "mc1"));
        File.WriteAllText(Path.Combine(Output, "mc1", "deployment.yaml"), "mine");
        var pods = await DemoPodsAsync();

        var error = Assert.Throws<DistributedApplicationException>(() => ManifestWriter.Write(Output, pods, Publisher.Options));

        Assert.Contains("'mc1/deployment.yaml' is not PodSuite's, but publishing writes a file there", error.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Output, "mc1", "deployment.yaml")));
    }

    [Fact]
    public async Task AnOutputThatIsAFileOrCannotBeCreatedFailsWithAClearMessage()
    {
        File.WriteAllText(Output, "a file");
        var pods = await DemoPodsAsync();

        var file = Assert.Throws<DistributedApplicationException>(() => ManifestWriter.Write(Output, pods, Publisher.Options));
        var below = Assert.Throws<DistributedApplicationException>(() => ManifestWriter.Write(Path.Combine(Output, "manifests"), pods, Publisher.Options));

        Assert.Contains("is a file. Publish to a directory", file.Message);
        Assert.StartsWith($"The manifests could not be written to '{Path.Combine(Output, "manifests")}'", below.Message);
        Assert.Equal("a file", File.ReadAllText(Output));
    }

    [Fact]
    public async Task ARecordNamingAFileOutsideTheOutputIsRefusedAndNothingIsDeleted()
    {
        ManifestWriter.Write(Output, await DemoPodsAsync(), Publisher.Options);
        var outside = Path.Combine(_root.FullName, "keep.txt");
        File.WriteAllText(outside, "mine");
        var record = Path.Combine(Output, OwnedFiles.FileName);
        File.AppendAllText(record, $"{OwnedFiles.Hash("mine")}  ../keep.txt\n");
        var before = Snapshot(Output);
        var pods = await DemoPodsAsync();

        var error = Assert.Throws<DistributedApplicationException>(() => ManifestWriter.Write(Output, [.. pods.Where(p => p.Name == "mc2")], Publisher.Options));

        Assert.Contains("has a line PodSuite never writes", error.Message);
        Assert.Equal("mine", File.ReadAllText(outside));
        Assert.Equal(before, Snapshot(Output));
    }

    [Fact]
    public async Task APublishInterruptedBetweenRenamesIsCompletedByTheNext()
    {
        var pods = await DemoPodsAsync();
        ManifestWriter.Write(Output, [.. pods.Where(p => p.Name == "mc2")], Publisher.Options);
        var record = File.ReadAllText(Path.Combine(Output, OwnedFiles.FileName));
        ManifestWriter.Write(Output, pods, Publisher.Options);
        var complete = Snapshot(Output);
        // As if killed after moving the new files in, before the record: new files under the old record, and a staging folder.
        File.WriteAllText(Path.Combine(Output, OwnedFiles.FileName), record);
        Directory.CreateDirectory(Path.Combine(Output, $".podsuite-staging-{Guid.NewGuid():N}", "mc1"));

        var changes = ManifestWriter.Write(Output, pods, Publisher.Options);

        Assert.Equal(complete, Snapshot(Output));
        Assert.Empty(changes.Removed);
        Assert.DoesNotContain(Directory.EnumerateDirectories(Output), d => Path.GetFileName(d).StartsWith(".podsuite-staging-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFilesOfAPodThatIsGoneAreRemovedAndSaid()
    {
        var pods = await DemoPodsAsync();
        ManifestWriter.Write(Output, pods, Publisher.Options);

        var changes = ManifestWriter.Write(Output, [.. pods.Where(p => p.Name == "mc2")], Publisher.Options);

        Assert.Equal(["mc1/deployment.yaml", "mc1/kustomization.yaml", "mc1/networkpolicy.yaml", "mc1/service.yaml"], changes.Removed);
    }

    [Fact]
    public async Task AUsersFileWhereAPodsFolderGoesIsRefused()
    {
        var pods = await DemoPodsAsync();
        ManifestWriter.Write(Output, [.. pods.Where(p => p.Name == "mc2")], Publisher.Options);
        File.WriteAllText(Path.Combine(Output, "mc1"), "mine");
        var before = Snapshot(Output);

        var error = Assert.Throws<DistributedApplicationException>(() => ManifestWriter.Write(Output, pods, Publisher.Options));

        Assert.Contains("'mc1' is a file of yours where publishing needs a folder", error.Message);
        Assert.Equal(before, Snapshot(Output));
    }

    [Fact]
    public async Task APodsFolderThatIsASymbolicLinkOutOfTheOutputIsRefusedAndNothingThereIsDeleted()
    {
        ManifestWriter.Write(Output, await DemoPodsAsync(), Publisher.Options);
        var elsewhere = Path.Combine(_root.FullName, "elsewhere");
        Directory.Move(Path.Combine(Output, "mc1"), elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(Output, "mc1"), elsewhere);
        var before = Snapshot(elsewhere);
        var pods = await DemoPodsAsync();

        // mc1 is gone from the model: its files would be removed, through the link.
        var error = Assert.Throws<DistributedApplicationException>(() => ManifestWriter.Write(Output, [.. pods.Where(p => p.Name == "mc2")], Publisher.Options));

        Assert.Contains("'mc1' is a symbolic link", error.Message);
        Assert.Equal(before, Snapshot(elsewhere));
    }

    [Fact]
    public async Task ASecondWriterOfTheSameOutputFailsAtOnceNamingTheOneInProgress()
    {
        var pods = await DemoPodsAsync();
        using (ManifestWriter.Lock(Path.GetFullPath(Output)))
        {
            var error = Assert.Throws<DistributedApplicationException>(() => ManifestWriter.Write(Output, pods, Publisher.Options));

            Assert.StartsWith($"Another publish or deploy is writing '{Path.GetFullPath(Output)}' now", error.Message);
            Assert.False(Directory.Exists(Output));
        }

        ManifestWriter.Write(Output, pods, Publisher.Options);
        Assert.True(File.Exists(Path.Combine(Output, "kustomization.yaml")));
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
