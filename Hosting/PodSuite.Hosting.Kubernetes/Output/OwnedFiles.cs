using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PodSuite.Hosting.Kubernetes.Output;

/// <summary>
/// The record, kept in the output directory, of the files PodSuite wrote there and their SHA-256 hashes, in
/// <c>sha256sum</c>'s format. PodSuite replaces and removes only these; every other file is the user's.
/// </summary>
internal static class OwnedFiles
{
    public const string FileName = "podsuite-owned-files.sha256";

    private const string Comment =
        "# The files PodSuite wrote here, replaced or removed on every publish. Everything else in this directory is yours\n" +
        "# and is kept (put kustomize overlays in overlays/). Check them with: sha256sum -c " + FileName + "\n";

    /// <summary>The owned files and their hashes, or <see langword="null"/> when the directory has no record.</summary>
    public static Dictionary<string, string>? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var owned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var separator = line.IndexOf("  ", StringComparison.Ordinal);
            if (separator != 64 || line.Length == separator + 2)
            {
                throw new InvalidDataException($"'{path}' has a line that is not '<sha256>  <file>': '{line}'.");
            }

            owned[line[(separator + 2)..]] = line[..separator];
        }

        return owned;
    }

    public static string Render(IReadOnlyDictionary<string, string> files)
    {
        var text = new StringBuilder(Comment);
        foreach (var (file, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{Hash(content)}  {file}\n");
        }

        return text.ToString();
    }

    public static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public static string HashOfFile(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
