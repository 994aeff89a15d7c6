using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// A member's bind mounts (<c>WithBindMount</c>), which name paths of the app host's machine that a cluster has no copy
/// of. A read-only one of a text file, or of a directory of a few text files, is carried as <see cref="ConfigFiles"/>
/// are: the files in a ConfigMap, mounted as a directory (a file's at the directory it is mounted in, since podman 4.3
/// mounts a ConfigMap's <c>subPath</c> as a directory). Anything else is refused, naming the resource and the alternatives.
/// </summary>
internal static class BindMounts
{
    /// <summary>The most a ConfigMap may hold, less room for its metadata: the API server refuses an object over 1 MiB.</summary>
    public const long MaxBytes = 1_000_000;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A file carried: the directory it is mounted in, its name there, and its text.</summary>
    public sealed record File(string Directory, string Name, string Text);

    public static List<File> FilesOf(IResource member, PublishReport report)
    {
        var files = new List<File>();
        foreach (var mount in member.Annotations.OfType<ContainerMountAnnotation>().Where(m => m.Type == ContainerMountType.BindMount))
        {
            var refusal = $"'{member.Name}' bind-mounts '{mount.Source}' at '{mount.Target}', a path of this machine that a cluster has no copy of";
            var alternatives = $"Give the container its files with {nameof(PodBuilderExtensions.WithConfigFile)}, or its data with a named volume (WithVolume(\"name\", target)).";
            if (!mount.IsReadOnly)
            {
                report.Errors.Add($"{refusal}, and writes to it. {alternatives}");
                continue;
            }

            var found = System.IO.File.Exists(mount.Source) ? [(mount.Source!, Path.GetFileName(mount.Target.TrimEnd('/')), DirectoryOf(mount.Target))]
                : Directory.Exists(mount.Source) ? Directory.GetFiles(mount.Source!).Order(StringComparer.Ordinal).Select(f => (f, Path.GetFileName(f), mount.Target.TrimEnd('/'))).ToList()
                : null;
            if (found is null)
            {
                report.Errors.Add($"{refusal}, and it does not exist. {alternatives}");
                continue;
            }

            if (Directory.Exists(mount.Source) && Directory.EnumerateDirectories(mount.Source!).Any())
            {
                report.Errors.Add($"{refusal}: a ConfigMap holds one directory's files, and this one has directories in it. {alternatives}");
                continue;
            }

            if (found.Sum(f => new FileInfo(f.Item1).Length) > MaxBytes)
            {
                report.Errors.Add($"{refusal}: it holds more than a ConfigMap may ({MaxBytes} bytes). {alternatives}");
                continue;
            }

            if (System.IO.File.Exists(mount.Source) && DirectoryOf(mount.Target) == "/")
            {
                report.Errors.Add($"{refusal}: a file is carried in a ConfigMap mounted as its directory, and this one is '/'. {alternatives}");
                continue;
            }

            if (System.IO.File.Exists(mount.Source))
            {
                report.Warnings.Add(
                    $"'{member.Name}' gets '{mount.Target}' from a ConfigMap mounted as the directory '{DirectoryOf(mount.Target)}', " +
                    "which hides the image's other files there (podman 4.3 cannot mount one file of a ConfigMap).");
            }

            foreach (var (path, name, directory) in found)
            {
                try
                {
                    files.Add(new File(directory, name, s_strictUtf8.GetString(System.IO.File.ReadAllBytes(path))));
                }
                catch (DecoderFallbackException)
                {
                    report.Errors.Add($"{refusal}: '{path}' is not text, which a ConfigMap's data must be. {alternatives}");
                }
            }
        }

        return files;
    }

    private static string DirectoryOf(string target)
    {
        var directory = Path.GetDirectoryName(target.TrimEnd('/'))?.Replace('\\', '/');
        return string.IsNullOrEmpty(directory) ? "/" : directory;
    }
}
