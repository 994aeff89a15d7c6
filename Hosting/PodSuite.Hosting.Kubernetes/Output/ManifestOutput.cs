using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Output;

/// <summary>Writes the pods' manifests (<see cref="ManifestWriter"/>) and says what changed.</summary>
internal static partial class ManifestOutput
{
    public static void Write(ILogger logger, string output, IReadOnlyList<PodManifest> pods, KubernetesPublishOptions options)
    {
        var changes = ManifestWriter.Write(output, pods, options);
        foreach (var file in changes.Removed)
        {
            LogRemoved(logger, file);
        }

        LogWritten(logger, pods.Count, changes.Written.Count, options.Runtime, Path.GetFullPath(output));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {File}, which PodSuite wrote before and no longer generates")]
    private static partial void LogRemoved(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Count} pods ({Files} files) as Kubernetes manifests for {Runtime} to {Output}")]
    private static partial void LogWritten(ILogger logger, int count, int files, Aspire.Hosting.ApplicationModel.PodRuntime runtime, string output);
}
