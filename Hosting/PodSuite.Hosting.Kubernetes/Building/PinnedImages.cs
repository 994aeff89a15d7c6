using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// What a deploy applies names each image it pushed by digest (<c>registry/repository:tag@sha256:...</c>): what runs is
/// what was built, a changed image under a fixed tag changes the pod's spec (so it rolls out), and the pods run the same
/// image however often the tag moves. The manifests a publish writes keep their tags alone.
/// </summary>
internal static partial class PinnedImages
{
    /// <summary>Names each of <paramref name="images"/> in <paramref name="pods"/> by the digest its registry holds.</summary>
    public static async Task PinAsync(
        IReadOnlyList<PodManifest> pods, IEnumerable<PodImage> images, ImageRegistry registry, ILogger logger, CancellationToken cancellationToken)
    {
        var pinned = new Dictionary<string, string>();
        foreach (var image in images.DistinctBy(i => i.Name))
        {
            if (await registry.DigestAsync(image.Registry, image.Repository, image.Tag, cancellationToken).ConfigureAwait(false) is { } digest)
            {
                pinned[image.Name] = $"{image.Name}@{digest}";
            }
            else
            {
                LogNotPinned(logger, image.Name, image.Registry);
            }
        }

        foreach (var container in pods.SelectMany(p => (p.PodSpec.InitContainers ?? []).Concat(p.PodSpec.Containers)))
        {
            container.Image = pinned.GetValueOrDefault(container.Image, container.Image);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Image}: its registry {Registry} did not give its digest (does it want a login?), so the pods name it by its tag alone: under a fixed tag, a changed image may not roll out")]
    private static partial void LogNotPinned(ILogger logger, string image, string registry);
}
