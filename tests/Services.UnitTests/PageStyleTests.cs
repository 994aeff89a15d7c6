using System.Xml.Linq;

namespace Services.UnitTests;

/// <summary>
/// The pages' style has one copy, in services/Pages, which only the page-serving services reference: a change to it
/// changes only their images' content tags.
/// </summary>
public class PageStyleTests
{
    private static readonly string Services = Path.Combine(TestRepository.Root, "services");

    [Fact]
    public void ThePageStyleHasOneCopy()
    {
        var copies = Directory.EnumerateFiles(Services, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("system-ui,sans-serif", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Services, f).Replace('\\', '/'));

        Assert.Equal(["Pages/PageStyle.cs"], copies);
    }

    [Fact]
    public void OnlyThePageServingServicesReferenceIt()
    {
        var referencing = Directory.EnumerateFiles(Services, "*.csproj", SearchOption.AllDirectories)
            .Where(f => XDocument.Load(f).Descendants("ProjectReference")
                .Any(r => ((string?)r.Attribute("Include"))?.Replace('\\', '/').EndsWith("Pages/Pages.csproj", StringComparison.Ordinal) == true))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["Counter", "LogWriter", "MyApp", "WebApp"], referencing);
    }
}
