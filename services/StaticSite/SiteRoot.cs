namespace PodSuite.StaticSite;

/// <summary>The directory the static site serves: the pod's shared volume.</summary>
public static class SiteRoot
{
    /// <summary>The configuration key (environment variable <c>StaticSite__Root</c>) that holds the directory.</summary>
    public const string Key = "StaticSite:Root";

    public static string From(IConfiguration configuration)
    {
        var root = configuration[Key];
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new InvalidOperationException(
                $"The static site has no directory to serve: set '{Key}' (environment variable StaticSite__Root), " +
                "as the app host does with WithSharedVolume.");
        }

        var fullPath = Path.GetFullPath(root);
        if (!Directory.Exists(fullPath))
        {
            throw new DirectoryNotFoundException($"The static site's directory '{fullPath}' (from '{Key}') does not exist.");
        }

        return fullPath;
    }
}
