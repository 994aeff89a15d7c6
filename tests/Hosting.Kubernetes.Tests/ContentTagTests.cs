using System.Diagnostics;
using PodSuite.Hosting.Kubernetes.Building;

namespace Hosting.Kubernetes.Tests;

/// <summary>
/// Images are tagged from what they are built from: the same sources give the same tag in any clone, and a change to
/// anything the build reads gives another.
/// </summary>
public sealed class ContentTagTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("podsuite-content-tag-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void TheSameSourcesGiveTheSameTagWhereverTheRepositoryIsCloned()
    {
        var first = Repository("first");
        var second = Repository("second");

        var tag = ContentTag.Of(Path.Combine(first, "services", "App", "App.csproj"), null);

        Assert.Equal(tag, ContentTag.Of(Path.Combine(second, "services", "App", "App.csproj"), null));
        Assert.Matches("^src-[0-9a-f]{12}$", tag);
    }

    [Theory]
    [InlineData("services/App/Program.cs")]
    [InlineData("services/App/wwwroot/site.css")]
    [InlineData("services/Shared/Shared.cs")]
    [InlineData("services/Sidecar.props")]
    [InlineData("Directory.Build.props")]
    [InlineData("global.json")]
    public void AChangeToAnythingTheBuildReadsGivesAnotherTag(string file)
    {
        var repository = Repository("repo");
        var project = Path.Combine(repository, "services", "App", "App.csproj");
        var before = ContentTag.Of(project, null);

        File.AppendAllText(Path.Combine(repository, file), "\n");

        Assert.NotEqual(before, ContentTag.Of(project, null));
    }

    [Theory]
    [InlineData("services/App/bin/Debug/App.dll")]
    [InlineData("services/App/obj/project.assets.json")]
    [InlineData("services/App/.vs/state")]
    [InlineData("services/Other/Other.cs")]
    [InlineData("tests/Tests.cs")]
    public void BuildOutputAndFilesTheProjectDoesNotReadLeaveTheTagAlone(string file)
    {
        var repository = Repository("repo");
        var project = Path.Combine(repository, "services", "App", "App.csproj");
        var before = ContentTag.Of(project, null);

        Write(repository, file, "changed");

        Assert.Equal(before, ContentTag.Of(project, null));
    }

    [Fact]
    public void AnotherBaseImageGivesAnotherTag()
    {
        var project = Path.Combine(Repository("repo"), "services", "App", "App.csproj");

        Assert.NotEqual(ContentTag.Of(project, "registry.example/runtime-deps:10.0"), ContentTag.Of(project, null));
    }

    [Fact]
    public async Task ASymlinkLoopInTheProjectIsNotFollowed()
    {
        var repository = Repository("repo");
        Directory.CreateSymbolicLink(Path.Combine(repository, "services", "App", "loop"), Path.Combine(repository, "services", "App"));

        var tag = await Task.Run(() => ContentTag.Of(Path.Combine(repository, "services", "App", "App.csproj"), null)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Matches("^src-[0-9a-f]{12}$", tag);
    }

    [Fact]
    public async Task AFifoInTheProjectIsNotReadSoTheWalkNeverHangs()
    {
        var repository = Repository("repo");
        var project = Path.Combine(repository, "services", "App", "App.csproj");
        var before = ContentTag.Of(project, null);
        File.WriteAllText(Path.Combine(repository, "services", "App", "debug.pipe"), "");
        var withEmptyFile = ContentTag.Of(project, null);
        File.Delete(Path.Combine(repository, "services", "App", "debug.pipe"));
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(repository, "services", "App", "debug.pipe")]))
        {
            await mkfifo.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Bounded: a walk that opened the FIFO would wait for a writer for ever.
        var withFifo = await Task.Run(() => ContentTag.Of(project, null)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.NotEqual(before, withFifo);
        Assert.Equal(withEmptyFile, withFifo);
    }

    [Fact]
    public void ASymlinkedFileCountsByWhereItPointsNotByWhatItReadsOutsideTheProject()
    {
        var repository = Repository("repo");
        var outside = Path.Combine(_root.FullName, "outside.txt");
        File.WriteAllText(outside, "one");
        var link = Path.Combine(repository, "services", "App", "linked.txt");
        File.CreateSymbolicLink(link, outside);
        var project = Path.Combine(repository, "services", "App", "App.csproj");
        var tag = ContentTag.Of(project, null);

        File.WriteAllText(outside, "two");
        Assert.Equal(tag, ContentTag.Of(project, null));

        File.Delete(link);
        File.CreateSymbolicLink(link, Path.Combine(_root.FullName, "elsewhere.txt"));
        Assert.NotEqual(tag, ContentTag.Of(project, null));
    }

    // A small repository: an app project referencing a shared one, build files above them, and files it does not read.
    private string Repository(string name)
    {
        var root = Path.Combine(_root.FullName, name);
        Write(root, "global.json", """{ "sdk": { "version": "10.0.100" } }""");
        Write(root, "Directory.Build.props", "<Project />");
        Write(root, "services/Sidecar.props", "<Project />");
        Write(root, "services/App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="..\Shared\Shared.csproj" /></ItemGroup></Project>""");
        Write(root, "services/App/Program.cs", "return 0;");
        Write(root, "services/App/wwwroot/site.css", "body {}");
        Write(root, "services/Shared/Shared.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");
        Write(root, "services/Shared/Shared.cs", "class Shared;");
        Write(root, "services/Other/Other.cs", "class Other;");
        Write(root, "tests/Tests.cs", "class Tests;");
        return root;
    }

    [Fact]
    public void OutsideAnyRepositoryOrSolutionTheTagIsOfTheAppsOwnTreeWhereverItLies()
    {
        // Two copies of an app with no .git, global.json or solution above it, at different depths: build files
        // above the app (here, a Directory.Build.props of someone else's) are not inputs, nor is where the app lies.
        var first = Path.Combine(_root.FullName, "first");
        var second = Path.Combine(_root.FullName, "elsewhere", "deeper", "second");
        foreach (var app in new[] { first, second })
        {
            Write(app, "App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="..\Shared\Shared.csproj" /></ItemGroup></Project>""");
            Write(app, "App/Program.cs", "return 0;");
            Write(app, "Shared/Shared.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");
        }

        Write(_root.FullName, "elsewhere/Directory.Build.props", "<Project />");
        var tag = ContentTag.Of(Path.Combine(first, "App", "App.csproj"), null);

        Assert.Equal(tag, ContentTag.Of(Path.Combine(second, "App", "App.csproj"), null));
        Write(second, "Shared/Shared.cs", "class Shared;");
        Assert.NotEqual(tag, ContentTag.Of(Path.Combine(second, "App", "App.csproj"), null));
    }

    private static void Write(string root, string file, string text)
    {
        var path = Path.Combine(root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
