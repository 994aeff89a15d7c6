namespace Pods.FunctionalTests;

/// <summary>
/// The working directory the pod scripts write to as root (<c>eng/pods/env.sh</c>, sourced by <c>setup.sh</c>) is their
/// user's own: made with mode 0700, and refused when another user owns it or it is a symbolic link, since whoever made it
/// could redirect root's writes. And debootstrap, which builds the base images, takes its mirror from apt's sources.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SetupScriptTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("podsuite-setup-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task ANewWorkingDirectoryIsMadeForItsUserAlone()
    {
        var work = Path.Combine(_root.FullName, "work");

        var (exitCode, output) = await SourceEnvAsync(work);

        Assert.True(exitCode == 0, output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(work));
    }

    [SkippableFact]
    public async Task AWorkingDirectoryAnotherUserOwnsIsRefused()
    {
        Skip.IfNot(Environment.UserName == "root", "only root can give a directory to another user");
        var work = Path.Combine(_root.FullName, "taken");
        Directory.CreateDirectory(work);
        var (chowned, chownOutput) = await TestRepository.RunAsync("chown", ["65534:65534", work], TimeSpan.FromSeconds(30));
        Assert.True(chowned == 0, chownOutput);

        var (exitCode, output) = await SourceEnvAsync(work);

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: the working directory {work} belongs to nobody, not to root, who writes there; remove it (rm -rf {work})", output);
    }

    [Fact]
    public async Task AWorkingDirectoryThatIsASymbolicLinkIsRefused()
    {
        var work = Path.Combine(_root.FullName, "link");
        Directory.CreateSymbolicLink(work, _root.FullName);

        var (exitCode, output) = await SourceEnvAsync(work);

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: the working directory {work} is a symbolic link", output);
    }

    [Theory]
    [InlineData("sources.list.d/debian.sources",
        "Types: deb-src\nURIs: http://src.example/debian\nSuites: bookworm\n\nTypes: deb\nURIs: http://mirror.corp.example/debian http://second.example\nSuites: bookworm bookworm-updates\nComponents: main\n",
        "http://mirror.corp.example/debian")]
    [InlineData("sources.list", "# a comment\ndeb [signed-by=/usr/share/keyrings/x.gpg] http://list.example/debian bookworm main\n", "http://list.example/debian")]
    [InlineData("sources.list", "deb http://list.example/debian bullseye main\n", "http://deb.debian.org/debian")]
    public async Task DebootstrapTakesTheMirrorAptUses(string file, string content, string mirror)
    {
        var apt = Path.Combine(_root.FullName, "apt");
        Directory.CreateDirectory(Path.Combine(apt, "sources.list.d"));
        File.WriteAllText(Path.Combine(apt, file), content);

        var (exitCode, output) = await TestRepository.RunAsync("bash",
            ["-c", $"PODSUITE_APT_ETC='{apt}' '{Path.Combine(TestRepository.Root, "eng", "pods", "debian-mirror.sh")}' bookworm"], TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 0, output);
        Assert.Equal(mirror, output.Trim());
    }

    private static Task<(int ExitCode, string Output)> SourceEnvAsync(string work) => TestRepository.RunAsync("bash",
        ["-c", $"PODSUITE_WORK='{work}' && source '{Path.Combine(TestRepository.Root, "eng", "pods", "env.sh")}' && echo sourced"], TimeSpan.FromMinutes(1));
}
