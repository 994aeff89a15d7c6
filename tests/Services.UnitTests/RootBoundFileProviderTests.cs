using PodSuite.StaticSite;

namespace Services.UnitTests;

/// <summary>The static site never serves a file whose real path is outside its root, however a link points there.</summary>
public sealed class RootBoundFileProviderTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("podsuite-site-");

    private string Root => Path.Combine(_temp.FullName, "root");

    public RootBoundFileProviderTests()
    {
        Directory.CreateDirectory(Path.Combine(Root, "pages"));
        File.WriteAllText(Path.Combine(Root, "index.html"), "<pre>");
        File.WriteAllText(Path.Combine(_temp.FullName, "outside.txt"), "secret");
        Directory.CreateDirectory(Path.Combine(_temp.FullName, "outside-dir"));
        File.WriteAllText(Path.Combine(_temp.FullName, "outside-dir", "secret.txt"), "secret");
    }

    public void Dispose() => _temp.Delete(recursive: true);

    [Theory]
    [InlineData("environ", "/proc/self/environ")]
    [InlineData("passwd", "/etc/passwd")]
    [InlineData("relative", "../outside.txt")]
    [InlineData("pages/up-twice", "../../outside.txt")]
    [InlineData("chain", "relative")]
    public void AFileLinkLeadingOutOfTheRootIsNotFound(string link, string target)
    {
        if (link == "chain")
        {
            File.CreateSymbolicLink(Path.Combine(Root, "relative"), "../outside.txt");
        }

        File.CreateSymbolicLink(Path.Combine(Root, link), target);
        using var site = new RootBoundFileProvider(Root);

        Assert.False(site.GetFileInfo($"/{link}").Exists);
        Assert.True(site.GetFileInfo("/index.html").Exists);
    }

    [Fact]
    public void ADirectoryLinkLeadingOutOfTheRootHidesEverythingBelowIt()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, "elsewhere"), Path.Combine(_temp.FullName, "outside-dir"));
        using var site = new RootBoundFileProvider(Root);

        Assert.False(site.GetFileInfo("/elsewhere/secret.txt").Exists);
        Assert.False(site.GetDirectoryContents("/elsewhere").Exists);
    }

    [Fact]
    public void ALinkThatStaysWithinTheRootIsServed()
    {
        File.CreateSymbolicLink(Path.Combine(Root, "pages", "home.html"), "../index.html");
        using var site = new RootBoundFileProvider(Root);

        var file = site.GetFileInfo("/pages/home.html");

        Assert.True(file.Exists);
        using var reader = new StreamReader(file.CreateReadStream());
        Assert.Equal("<pre>", reader.ReadToEnd());
    }

    [Fact]
    public void ARootReachedThroughALinkStillServesItsOwnFiles()
    {
        var linkedRoot = Path.Combine(_temp.FullName, "linked-root");
        Directory.CreateSymbolicLink(linkedRoot, Root);
        using var site = new RootBoundFileProvider(linkedRoot);

        Assert.True(site.GetFileInfo("/index.html").Exists);
    }

    [Fact]
    public void ALoopOfLinksIsNotFound()
    {
        File.CreateSymbolicLink(Path.Combine(Root, "a"), "b");
        File.CreateSymbolicLink(Path.Combine(Root, "b"), "a");
        using var site = new RootBoundFileProvider(Root);

        Assert.False(site.GetFileInfo("/a").Exists);
        Assert.Null(RootBoundFileProvider.RealPath(Path.Combine(Root, "a")));
    }
}
