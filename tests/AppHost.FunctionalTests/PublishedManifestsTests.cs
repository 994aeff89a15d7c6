namespace AppHost.FunctionalTests;

/// <summary>The committed <c>manifests/</c> are what the documented publish command writes today.</summary>
public sealed class PublishedManifestsTests : IDisposable
{
    public const string RegenerateCommand = "dotnet run --project AppHost -- --operation publish --step publish --output-path ../manifests";

    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("podsuite-publish-");

    public void Dispose() => _output.Delete(recursive: true);

    [Fact]
    public async Task PublishingWritesExactlyTheCommittedManifests()
    {
        var repository = TestRepository.Root;
        var target = Path.Combine(_output.FullName, "manifests");

        var (exitCode, output) = await PublishAsync(target);

        Assert.True(exitCode == 0, $"publishing failed ({exitCode}):\n{output}");
        var committed = Files(Path.Combine(repository, "manifests"));
        var published = Files(target);
        Assert.True(committed.Keys.SequenceEqual(published.Keys),
            $"manifests/ has [{string.Join(", ", committed.Keys)}] but publishing writes [{string.Join(", ", published.Keys)}]; regenerate: {RegenerateCommand}");
        var stale = published.Where(f => committed[f.Key] != f.Value)
            .Select(f => $"manifests/{f.Key} (- committed, + published now):\n{Snapshot.Diff(committed[f.Key], f.Value)}")
            .ToList();
        Assert.True(stale.Count == 0, $"{string.Join("\n", stale)}regenerate: {RegenerateCommand}");
    }

    [Fact]
    public async Task AFailedPublishExitsNonZeroWithOneMessageAndNoStackTrace()
    {
        var target = Path.Combine(_output.FullName, "not-a-directory");
        await File.WriteAllTextAsync(target, "a file");

        var (exitCode, output) = await PublishAsync(target);

        Assert.Equal(1, exitCode);
        Assert.Single(output.Split('\n'), l => l.Contains("is a file. Publish to a directory"));
        Assert.DoesNotContain("   at ", output);
        Assert.Equal("a file", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task AUsersOverlayInTheOutputSurvivesAPublish()
    {
        var target = Path.Combine(_output.FullName, "manifests");
        Assert.Equal(0, (await PublishAsync(target)).ExitCode);
        var overlay = Path.Combine(target, "overlays", "prod", "kustomization.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(overlay)!);
        await File.WriteAllTextAsync(overlay, "resources:\n- ../..\nnamespace: prod\n");

        var (exitCode, output) = await PublishAsync(target);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Wrote 9 pods (", output);
        Assert.Equal("resources:\n- ../..\nnamespace: prod\n", await File.ReadAllTextAsync(overlay));
    }

    [Fact]
    public void TheCommittedManifestsHoldOnePodPerDemoPodAndTheDashboard()
    {
        var manifests = Path.Combine(TestRepository.Root, "manifests");

        Assert.Equal(["ambassador", "aspire-dashboard", "mc1", "mc2", "mc3", "monitoring", "myapp-pod", "shard-a", "shard-b"], Directory.EnumerateDirectories(manifests).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("kind: Pod", File.ReadAllText(Path.Combine(manifests, "mc2", "pod.yaml")));
        Assert.Contains("restartPolicy: Never", File.ReadAllText(Path.Combine(manifests, "mc2", "pod.yaml")));
    }

    private static Task<(int ExitCode, string Output)> PublishAsync(string target) =>
        TestRepository.RunAsync("dotnet",
            ["run", "--project", "AppHost", "--no-build", "--", "--operation", "publish", "--step", "publish", "--output-path", target],
            TimeSpan.FromMinutes(3));

    private static SortedDictionary<string, string> Files(string directory) => new(
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText),
        StringComparer.Ordinal);
}
