using System.Text.RegularExpressions;

namespace PodSuite.Hosting;

/// <summary>
/// The OCI distribution grammar for image references (distribution's <c>reference</c> package), as a kubelet checks
/// them: one place for the configured images of the local run and of the publisher.
/// </summary>
internal static partial class ImageReferenceGrammar
{
    private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string Domain = $@"{DomainComponent}(?:\.{DomainComponent})*(?::[0-9]+)?";
    private const string PathComponent = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private const string TagPattern = @"[\w][\w.-]{0,127}";
    private const string DigestPattern = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

    /// <summary>A registry, with an optional path: <c>localhost:5055</c>, <c>ghcr.io/you</c>.</summary>
    [GeneratedRegex($"^{Domain}(?:/{PathComponent})*\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Registry();

    /// <summary>A tag.</summary>
    [GeneratedRegex($"^{TagPattern}\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Tag();

    /// <summary>
    /// <c>[domain/]path[:tag][@digest]</c>, with the groups <c>domain</c>, <c>path</c>, <c>tag</c> and <c>digest</c>. As
    /// Docker reads it, the first part is a registry only when it has a '.' or a ':', or is <c>localhost</c>
    /// (<see cref="Split"/>); otherwise it is the path's first part.
    /// </summary>
    [GeneratedRegex($"^(?:(?<domain>{Domain})/)?(?<path>{PathComponent}(?:/{PathComponent})*)(?::(?<tag>{TagPattern}))?(?:@(?<digest>{DigestPattern}))?\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Image();

    /// <summary>A valid reference's registry (none for a short name such as <c>team/redis</c>), path, tag and digest; null when it is not one.</summary>
    public static (string? Registry, string Path, string? Tag, string? Digest)? Split(string reference)
    {
        var match = Image().Match(reference);
        if (!match.Success)
        {
            return null;
        }

        var domain = match.Groups["domain"] is { Success: true } d ? d.Value : null;
        var isRegistry = domain is not null && (domain.Contains('.') || domain.Contains(':') || domain == "localhost");
        var path = domain is null || isRegistry ? match.Groups["path"].Value : $"{domain}/{match.Groups["path"].Value}";
        return (isRegistry ? domain : null, path,
            match.Groups["tag"] is { Success: true } t ? t.Value : null,
            match.Groups["digest"] is { Success: true } g ? g.Value : null);
    }
}
