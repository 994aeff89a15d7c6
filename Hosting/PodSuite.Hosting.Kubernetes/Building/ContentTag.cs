using System.Security.Cryptography;
using System.Text;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// An immutable image tag from what the image is built from: the project's input files (<see cref="ProjectInputs"/>)
/// and the base image, or a Dockerfile's build context. The same sources give the same tag on any machine and any clone; any change gives another, so a
/// deploy never runs a stale image, and an unchanged project needs no new build.
/// </summary>
internal static class ContentTag
{
    private const string Prefix = "src-";
    private const int HexLength = 12;

    public static string Of(string projectPath, string? baseImage)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, $"base:{baseImage}");
        foreach (var (relative, entry) in ProjectInputs.Of(projectPath))
        {
            Append(hash, relative);
            hash.AppendData(SHA256.HashData(Content(entry)));
        }

        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset())[..HexLength];
    }

    /// <summary>
    /// The tag of an image built from a Dockerfile: every file of its build context (but <c>.git</c>), by its path
    /// there, and the Dockerfile, wherever it is. Its base image is the Dockerfile's to name, so a changed base under
    /// the same name is built again only with a change here, or a configured tag.
    /// </summary>
    public static string OfBuildContext(string contextPath, string dockerfilePath)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var context = new DirectoryInfo(Path.GetFullPath(contextPath));
        Append(hash, "dockerfile:");
        hash.AppendData(SHA256.HashData(Content(new FileInfo(Path.GetFullPath(dockerfilePath, context.FullName)))));
        foreach (var entry in BuildContext(context).OrderBy(e => Path.GetRelativePath(context.FullName, e.FullName), StringComparer.Ordinal))
        {
            Append(hash, Path.GetRelativePath(context.FullName, entry.FullName).Replace('\\', '/'));
            hash.AppendData(SHA256.HashData(Content(entry)));
        }

        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset())[..HexLength];
    }

    // Files and links under the context; a link to a directory is an entry, not followed.
    private static IEnumerable<FileSystemInfo> BuildContext(DirectoryInfo directory)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo child && entry.LinkTarget is null)
            {
                if (child.Name != ".git")
                {
                    foreach (var inner in BuildContext(child))
                    {
                        yield return inner;
                    }
                }
            }
            else
            {
                yield return entry;
            }
        }
    }

    // A link counts by where it points. A file with no length is not opened: an empty file's content is nothing, and a
    // FIFO, socket or device (which show no length) would block or never end.
    private static byte[] Content(FileSystemInfo entry) =>
        entry.LinkTarget is { } target ? Encoding.UTF8.GetBytes($"link:{target}")
        : entry is FileInfo { Length: > 0 } file ? File.ReadAllBytes(file.FullName)
        : [];

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
}
