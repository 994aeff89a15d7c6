using System.Text.RegularExpressions;
using Aspire.Hosting;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Output;

/// <summary>What a publish did to the output directory.</summary>
/// <param name="Written">The files written, relative to the output directory.</param>
/// <param name="Removed">The files PodSuite had written before and no longer generates, now removed.</param>
internal sealed record ManifestChanges(IReadOnlyCollection<string> Written, IReadOnlyList<string> Removed);

/// <summary>
/// Writes the pods as a kustomize base into the output directory, owning exactly the files it records in
/// <see cref="OwnedFiles.FileName"/>: it replaces those, removes the ones no longer generated, and keeps everything else
/// (an <c>overlays/</c> folder, a user's notes). It refuses, before writing anything, a directory it does not own
/// unless it is empty, a generated file that was changed by hand, and a user's file where it would write one. Every
/// file is written in full beside its target first and moved into place by rename, so no file is ever half-written; a
/// publish interrupted between two renames is completed by the next one, which finds those files already as it
/// would write them. It writes and deletes nothing through a folder that is a symbolic link, and one writer at a time
/// holds an output.
/// </summary>
internal static partial class ManifestWriter
{
    private const string StagingPrefix = ".podsuite-staging-";

    public static ManifestChanges Write(string outputDirectory, IReadOnlyList<PodManifest> pods, KubernetesPublishOptions options)
    {
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        var files = ManifestFiles.Of(pods, options);
        var removed = new List<string>();
        using var writing = Lock(output);
        try
        {
            var previous = OwnedBefore(output, files);
            Directory.CreateDirectory(output);
            var staging = Path.Combine(output, $"{StagingPrefix}{Guid.NewGuid():N}");
            try
            {
                foreach (var (file, text) in files)
                {
                    WriteFile(Path.Combine(staging, file), text);
                }

                WriteFile(Path.Combine(staging, OwnedFiles.FileName), OwnedFiles.Render(files));
                foreach (var file in files.Keys)
                {
                    MoveIntoPlace(staging, output, file);
                }

                foreach (var stale in previous.Keys.Where(f => !files.ContainsKey(f)).Order(StringComparer.Ordinal))
                {
                    if (Remove(output, stale))
                    {
                        removed.Add(stale);
                    }
                }

                MoveIntoPlace(staging, output, OwnedFiles.FileName);
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DistributedApplicationException(
                $"The manifests could not be written to '{output}': {ex.Message} Publish to a directory you can write, such as 'manifests'.", ex);
        }

        return new ManifestChanges(files.Keys, removed);
    }

    /// <summary>
    /// Holds the output for one writer: a second publish or deploy into it fails at once, naming it, rather than racing
    /// the first (each would delete the other's staging folder). The lock is a file in the temporary directory, named
    /// after the output, so the output holds nothing of it.
    /// </summary>
    public static IDisposable Lock(string output)
    {
        var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(output)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"podsuite-output-{name}.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new DistributedApplicationException(
                $"Another publish or deploy is writing '{output}' now (it holds {path}): wait until it ends, or publish elsewhere.", ex);
        }
    }

    /// <summary>The files PodSuite owns in <paramref name="output"/> now; throws, listing every reason, where it may not write.</summary>
    private static Dictionary<string, string> OwnedBefore(string output, IReadOnlyDictionary<string, string> files)
    {
        if (File.Exists(output))
        {
            throw new DistributedApplicationException($"The output '{output}' is a file. Publish to a directory, such as 'manifests'.");
        }

        if (!Directory.Exists(output))
        {
            return [];
        }

        RemoveLeftStaging(output);
        var owned = OwnedFiles.Read(output);
        if (owned is null)
        {
            if (Directory.EnumerateFileSystemEntries(output).Any())
            {
                throw new DistributedApplicationException(
                    $"'{output}' holds files that PodSuite did not write, and no record of PodSuite's own ({OwnedFiles.FileName}). " +
                    "Publish to an empty or new directory, such as 'manifests', or move those files out.");
            }

            return [];
        }

        var refusals = new List<string>();
        // A folder that is a link would take a write or a delete out of the output.
        foreach (var folder in owned.Keys.Concat(files.Keys).SelectMany(FoldersOf).Distinct(StringComparer.Ordinal)
            .Where(f => new DirectoryInfo(Path.Combine(output, f)).LinkTarget is not null))
        {
            refusals.Add($"'{folder}' is a symbolic link, and PodSuite writes and deletes only inside the output. Replace it with a folder.");
        }

        foreach (var (file, hash) in owned)
        {
            var path = Path.Combine(output, file);
            if (Directory.Exists(path))
            {
                refusals.Add($"'{file}', which PodSuite wrote, is now a directory. Move it.");
            }
            else if (File.Exists(path) && OwnedFiles.HashOfFile(path) is var now && now != hash && !IsAsGenerated(now, file, files))
            {
                refusals.Add($"'{file}' was changed since PodSuite wrote it. Move the change into a kustomize overlay (overlays/), or delete the file.");
            }
        }

        foreach (var file in files.Keys.Where(f => !owned.ContainsKey(f)))
        {
            var path = Path.Combine(output, file);
            if (Directory.Exists(path) || (File.Exists(path) && !IsAsGenerated(OwnedFiles.HashOfFile(path), file, files)))
            {
                refusals.Add($"'{file}' is not PodSuite's, but publishing writes a file there. Move it, or rename the pod it is named after.");
            }

            for (var folder = Path.GetDirectoryName(path)!; folder.Length > output.Length; folder = Path.GetDirectoryName(folder)!)
            {
                if (File.Exists(folder))
                {
                    refusals.Add($"'{Path.GetRelativePath(output, folder)}' is a file of yours where publishing needs a folder. Move it.");
                }
            }
        }

        if (refusals.Count > 0)
        {
            throw new DistributedApplicationException(
                $"The manifests in '{output}' were left as they were:{Environment.NewLine}- " + string.Join($"{Environment.NewLine}- ", refusals.Distinct()));
        }

        return owned;
    }

    // The folders a file's path goes through inside the output: "a/b/c.yaml" gives "a" and "a/b".
    private static IEnumerable<string> FoldersOf(string file)
    {
        for (var folder = Path.GetDirectoryName(file); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            yield return folder;
        }
    }

    // A file that already holds what this publish writes: left there by a publish that was interrupted.
    private static bool IsAsGenerated(string hash, string file, IReadOnlyDictionary<string, string> files) =>
        files.TryGetValue(file, out var text) && OwnedFiles.Hash(text) == hash;

    // Staging folders are PodSuite's by their name; one is left only when a publish was killed.
    private static void RemoveLeftStaging(string output)
    {
        foreach (var folder in Directory.EnumerateDirectories(output, $"{StagingPrefix}*").Where(f => StagingName().IsMatch(Path.GetFileName(f))))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteFile(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static void MoveIntoPlace(string staging, string output, string file)
    {
        var target = Path.Combine(output, file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(Path.Combine(staging, file), target, overwrite: true);
    }

    // A file PodSuite wrote and no longer generates goes, and so do the folders it leaves empty, never above the output.
    private static bool Remove(string output, string file)
    {
        var path = Path.GetFullPath(Path.Combine(output, file));
        var relative = Path.GetRelativePath(output, path);
        if (Path.IsPathRooted(relative) || relative.StartsWith("..", StringComparison.Ordinal) || !File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        for (var folder = Path.GetDirectoryName(path)!; folder.Length > output.Length && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder)!)
        {
            Directory.Delete(folder);
        }

        return true;
    }

    [GeneratedRegex(@"^\.podsuite-staging-[0-9a-f]{32}\z")]
    private static partial Regex StagingName();
}
