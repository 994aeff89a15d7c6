namespace PodSuite.Proxy;

/// <summary>
/// The proxy's routes and clusters live in a file given to it by the pod model (a ConfigMap in Kubernetes),
/// not in the program, so the same image proxies any app.
/// </summary>
public static class RoutesFile
{
    /// <summary>The configuration key (environment variable <c>Proxy__RoutesFile</c>) that holds the file's path.</summary>
    public const string PathKey = "Proxy:RoutesFile";

    /// <summary>Adds the routes file named by <see cref="PathKey"/>, reloading it when it changes.</summary>
    public static IConfigurationBuilder AddRoutesFile(this IConfigurationManager configuration)
    {
        var path = configuration[PathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException(
                $"The proxy has no routes file: set '{PathKey}' (environment variable Proxy__RoutesFile) to the path of " +
                "a JSON file with a 'ReverseProxy' section, as the app host does with WithConfigFile.");
        }

        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException(
                $"The proxy's routes file '{fullPath}' (from '{PathKey}') does not exist; check the path or the mounted ConfigMap.",
                fullPath);
        }

        // Kubernetes updates a ConfigMap directory by swapping a symlink, which polling notices and inotify may not.
        return configuration.AddJsonFile(new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(fullPath)!)
        {
            UsePollingFileWatcher = true,
            UseActivePolling = true,
        }, Path.GetFileName(fullPath), optional: false, reloadOnChange: true);
    }
}
