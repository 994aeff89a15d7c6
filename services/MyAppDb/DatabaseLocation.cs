namespace PodSuite.MyAppDb;

/// <summary>Where the database lives: <see cref="AppDatabase.FileName"/> in the directory <c>MyDb:Directory</c> names.</summary>
public static class DatabaseLocation
{
    public const string DirectoryKey = "MyDb:Directory";

    /// <param name="directory">The value of <see cref="DirectoryKey"/>.</param>
    public static AppDatabase In(string? directory)
    {
        if (string.IsNullOrWhiteSpace(directory) || !System.IO.Directory.Exists(directory))
        {
            throw new InvalidOperationException(
                $"'{DirectoryKey}' (environment variable MyDb__Directory) must name an existing directory, the pod's shared volume; it is '{directory}'.");
        }

        return new AppDatabase(Path.Combine(directory, AppDatabase.FileName));
    }
}
