using System.Diagnostics;

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
        var repository = RepositoryRoot();
        var target = Path.Combine(_output.FullName, "manifests");

        var (exitCode, output) = await RunAsync(repository,
            "run", "--project", "AppHost", "--no-build", "--", "--operation", "publish", "--step", "publish", "--output-path", target);

        Assert.True(exitCode == 0, $"publishing failed ({exitCode}):\n{output}");
        var committed = Files(Path.Combine(repository, "manifests"));
        var published = Files(target);
        Assert.True(committed.Keys.SequenceEqual(published.Keys),
            $"manifests/ has [{string.Join(", ", committed.Keys)}] but publishing writes [{string.Join(", ", published.Keys)}]; regenerate: {RegenerateCommand}");
        foreach (var (file, text) in published)
        {
            Assert.True(committed[file] == text, $"manifests/{file} is stale; regenerate: {RegenerateCommand}");
        }
    }

    [Fact]
    public void TheCommittedManifestsHoldOnePodPerDemoPod()
    {
        var manifests = Path.Combine(RepositoryRoot(), "manifests");

        Assert.Equal(["mc1", "mc2", "mc3", "myapp-pod"], Directory.EnumerateDirectories(manifests).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("kind: Pod", File.ReadAllText(Path.Combine(manifests, "mc2", "pod.yaml")));
        Assert.Contains("restartPolicy: Never", File.ReadAllText(Path.Combine(manifests, "mc2", "pod.yaml")));
    }

    private static SortedDictionary<string, string> Files(string directory) => new(
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText),
        StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PodSuite.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the PodSuite repository.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
