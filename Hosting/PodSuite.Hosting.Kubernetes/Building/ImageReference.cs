namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// An image reference with its registry named (<c>registry[:port]/repository[:tag][@digest]</c>), as the SDK's container
/// build records a base image. One without a registry (Docker Hub's short names) is not read: its registry wants a token.
/// </summary>
/// <param name="Registry">The registry's host and port.</param>
/// <param name="Repository">The repository.</param>
/// <param name="Tag">The tag; <c>latest</c> when none is given.</param>
/// <param name="Digest">The digest, when the reference pins one.</param>
internal sealed record ImageReference(string Registry, string Repository, string Tag, string? Digest)
{
    public static ImageReference? Parse(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var (named, digest) = at < 0 ? (reference, null) : (reference[..at], reference[(at + 1)..]);
        var slash = named.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || named[..slash] is not { } registry || !(registry.Contains('.') || registry.Contains(':') || registry == "localhost"))
        {
            return null;
        }

        var path = named[(slash + 1)..];
        var colon = path.LastIndexOf(':');
        return colon < 0 ? new(registry, path, "latest", digest) : new(registry, path[..colon], path[(colon + 1)..], digest);
    }
}
