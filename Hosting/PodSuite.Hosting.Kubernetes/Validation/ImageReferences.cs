namespace PodSuite.Hosting.Kubernetes.Validation;

/// <summary>
/// The settings that name a registry, a tag or a whole image, checked against the OCI grammar
/// (<see cref="ImageReferenceGrammar"/>) before anything is written.
/// </summary>
internal static class ImageReferences
{
    /// <summary>The settings' problems, each naming the setting and what it must be; none when all are valid.</summary>
    public static IEnumerable<string> Problems(KubernetesPublishOptions options)
    {
        if (!ImageReferenceGrammar.Registry().IsMatch(options.Registry))
        {
            yield return Problem(nameof(options.Registry), options.Registry,
                "an image registry: a host name or address with an optional :port and /path, such as 'localhost:5055' or 'ghcr.io/you'");
        }

        if (options.ImageTag is { } tag && !ImageReferenceGrammar.Tag().IsMatch(tag))
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
            if (image is not null && !ImageReferenceGrammar.Image().IsMatch(image))
            {
                yield return Problem(setting, image,
                    "an image reference: [registry/]repository[:tag][@digest], with a lower-case repository, such as 'mcr.microsoft.com/dotnet/aspnet:10.0'");
            }
        }
    }

    private static string Problem(string setting, string value, string what) =>
        $"The setting '{KubernetesPublishOptions.Section}:{setting}' ('{value}') is not {what}. Set another with --{KubernetesPublishOptions.Section}:{setting}=... or in the app host's code.";
}
