using System.Text.RegularExpressions;

namespace PodSuite.Hosting.Kubernetes.Validation;

/// <summary>
/// The OCI distribution grammar for image references (distribution's <c>reference</c> package), as a kubelet checks
/// them: the settings that name a registry, a tag or a whole image are checked against it before anything is written.
/// </summary>
internal static partial class ImageReferences
{
    /// <summary>The settings' problems, each naming the setting and what it must be; none when all are valid.</summary>
    public static IEnumerable<string> Problems(KubernetesPublishOptions options)
    {
        if (!Registry().IsMatch(options.Registry))
        {
            yield return Problem(nameof(options.Registry), options.Registry,
                "an image registry: a host name or address with an optional :port and /path, such as 'localhost:5055' or 'ghcr.io/you'");
        }

        if (options.ImageTag is { } tag && !Tag().IsMatch(tag))
        {
            yield return Problem(nameof(options.ImageTag), tag,
                "an image tag: at most 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'");
        }

        foreach (var (setting, image) in new[]
        {
            (nameof(options.RuntimeDepsBaseImage), options.RuntimeDepsBaseImage),
            (nameof(options.AspNetBaseImage), options.AspNetBaseImage),
            (nameof(options.WaitImage), options.WaitImage),
            ($"{nameof(options.Dashboard)}:{nameof(options.Dashboard.Image)}", options.Dashboard.Image),
        })
        {
            if (image is not null && !Image().IsMatch(image))
            {
                yield return Problem(setting, image,
                    "an image reference: [registry/]repository[:tag][@digest], with a lower-case repository, such as 'mcr.microsoft.com/dotnet/aspnet:10.0'");
            }
        }
    }

    private static string Problem(string setting, string value, string what) =>
        $"The setting '{KubernetesPublishOptions.Section}:{setting}' ('{value}') is not {what}. Set another with --{KubernetesPublishOptions.Section}:{setting}=... or in the app host's code.";

    private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string Domain = $@"{DomainComponent}(?:\.{DomainComponent})*(?::[0-9]+)?";
    private const string PathComponent = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private const string TagPattern = @"[\w][\w.-]{0,127}";
    private const string DigestPattern = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

    [GeneratedRegex($"^{Domain}(?:/{PathComponent})*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Registry();

    [GeneratedRegex($"^{TagPattern}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex($"^(?:{Domain}/)?{PathComponent}(?:/{PathComponent})*(?::{TagPattern})?(?:@{DigestPattern})?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Image();
}
