using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Aspire.Hosting;

namespace PodSuite.Hosting.Kubernetes.Output;

/// <summary>
/// The record, kept in the output directory, of the files PodSuite wrote there and their SHA-256 hashes, in
/// <c>sha256sum</c>'s format. PodSuite replaces and removes only these; every other file is the user's.
/// </summary>
internal static partial class OwnedFiles
{
    public const string FileName = "podsuite-owned-files.sha256";

    private const string Comment =
        "# The files PodSuite wrote here, replaced or removed on every publish. Everything else in this directory is yours\n" +
        "# and is kept (put kustomize overlays in overlays/). Check them with: sha256sum -c " + FileName + "\n";

    /// <summary>The owned files and their hashes, or <see langword="null"/> when the directory has no record.</summary>
    /// <exception cref="DistributedApplicationException">A line names something PodSuite never writes.</exception>
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
            var match = RecordLine().Match(line);
            if (!match.Success)
            {
                // Never act on a path PodSuite could not have written: the record decides what a publish deletes.
                throw new DistributedApplicationException(
                    $"'{path}' has a line PodSuite never writes: '{line}'. Each line is '<sha256>  <file>', the file one PodSuite " +
                    "generates, below the output directory. Restore the record from version control, or publish to an empty directory.");
            }

            owned[match.Groups["file"].Value] = match.Groups["hash"].Value;
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

    // The files PodSuite generates: README.md and kustomization.yaml at the root, and a pod's own files in its folder.
    [GeneratedRegex(@"^(?<hash>[0-9a-f]{64})  (?<file>(README\.md|kustomization\.yaml)|[a-z0-9]([-a-z0-9]*[a-z0-9])?/(kustomization|deployment|pod|job|service|configmaps|networkpolicy|persistentvolumeclaims)\.yaml)\z")]
    private static partial Regex RecordLine();
}
