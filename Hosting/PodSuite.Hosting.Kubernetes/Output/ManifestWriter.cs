using Aspire.Hosting;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Output;

/// <summary>
/// Writes the pods as a kustomize base into the output directory, owning exactly the files it records in
/// <see cref="OwnedFiles.FileName"/>: it replaces those, removes the ones no longer generated, and keeps everything else
/// (an <c>overlays/</c> folder, a user's notes). It refuses, before writing anything, a directory it does not own
/// unless it is empty, a generated file that was changed by hand, and a user's file where it would write one. Every
/// file is written in full beside its target first and moved into place by rename, so no file is ever half-written.
/// </summary>
internal static class ManifestWriter
{
    private const string StagingPrefix = ".podsuite-staging-";

    /// <returns>The files written, relative to the output directory.</returns>
    public static IReadOnlyCollection<string> Write(string outputDirectory, IReadOnlyList<PodManifest> pods, KubernetesPublishOptions options)
    {
        var output = Path.GetFullPath(outputDirectory);
        var files = ManifestFiles.Of(pods, options);
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

                foreach (var stale in previous.Keys.Where(f => !files.ContainsKey(f)))
                {
                    Remove(output, stale);
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new DistributedApplicationException(
                $"The manifests could not be written to '{output}': {ex.Message} Publish to a directory you can write, such as 'manifests'.", ex);
        }

        return files.Keys;
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
        foreach (var (file, hash) in owned)
        {
            var path = Path.Combine(output, file);
            if (File.Exists(path) && OwnedFiles.HashOfFile(path) != hash)
            {
                refusals.Add($"'{file}' was changed since PodSuite wrote it. Move the change into a kustomize overlay (overlays/), or delete the file.");
            }
        }

        foreach (var file in files.Keys.Where(f => !owned.ContainsKey(f)))
        {
            if (File.Exists(Path.Combine(output, file)) || Directory.Exists(Path.Combine(output, file)))
            {
                refusals.Add($"'{file}' is not PodSuite's, but publishing writes a file there. Move it, or rename the pod it is named after.");
            }
        }

        if (refusals.Count > 0)
        {
            throw new DistributedApplicationException(
                $"The manifests in '{output}' were left as they were:{Environment.NewLine}- " + string.Join($"{Environment.NewLine}- ", refusals));
        }

        return owned;
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

    // A file PodSuite wrote and no longer generates goes, and so do the folders it leaves empty.
    private static void Remove(string output, string file)
    {
        var path = Path.Combine(output, file);
        File.Delete(path);
        for (var folder = Path.GetDirectoryName(path)!; folder != output && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder)!)
        {
            Directory.Delete(folder);
        }
    }
}
