using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Validation;

namespace PodSuite.Hosting;

/// <summary>
/// Container images replaced by configuration, <c>PodSuite:Images:&lt;resource&gt;=registry/repository:tag</c>: for a
/// machine that cannot reach the registry the app host's integrations name (a mirror, an air-gapped site, the images
/// <c>eng/pods/setup.sh</c> builds), without a change to the app host's code. Applied before the app starts, so the
/// local run and the published manifests both use the replacement.
/// </summary>
internal static partial class ImageOverrides
{
    public const string Section = "PodSuite:Images";

    public static void Apply(DistributedApplicationModel model, IConfiguration configuration, ILogger logger)
    {
        var errors = new ModelErrors();
        foreach (var setting in configuration.GetSection(Section).GetChildren())
        {
            var key = $"{Section}:{setting.Key}";
            var resource = model.Resources.FirstOrDefault(r => string.Equals(r.Name, setting.Key, StringComparison.OrdinalIgnoreCase));
            if (resource?.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault() is not { } annotation)
            {
                errors.Add(resource is null
                    ? $"'{key}' names no resource of this app host; remove the setting or correct the name."
                    : $"'{key}' names '{resource.Name}', which has no container image to replace; remove the setting.");
                continue;
            }

            if (resource.Annotations.OfType<DockerfileBuildAnnotation>().Any())
            {
                errors.Add($"'{key}' names '{resource.Name}', which is built from its Dockerfile, so an image given here would not be used; " +
                           "remove the setting, or replace the Dockerfile build with WithImage.");
                continue;
            }

            // Aspire's annotation holds a sha256 digest by its hex alone.
            if (ImageReferenceGrammar.Split(setting.Value ?? "") is not var (registry, path, tag, digest)
                || (digest is not null && !digest.StartsWith(Sha256, StringComparison.Ordinal)))
            {
                errors.Add($"'{key}' is '{setting.Value}', not an image reference; give one like 'registry.example/team/redis:7.0'.");
                continue;
            }

            var before = Describe(annotation);
            annotation.Registry = registry;
            annotation.Image = path;
            // The annotation holds a tag or a digest: setting one clears the other, so the one given is set last.
            annotation.SHA256 = null;
            annotation.Tag = tag;
            if (digest is not null)
            {
                annotation.SHA256 = digest[Sha256.Length..];
            }

            LogReplaced(logger, resource.Name, Describe(annotation), before, key);
        }

        errors.ThrowIfAny("The images configured under 'PodSuite:Images' cannot be used:");
    }

    private static string Describe(ContainerImageAnnotation image) =>
        (image.Registry is { } registry ? registry + "/" : "") + image.Image +
        (image.SHA256 is { } digest ? "@sha256:" + digest : image.Tag is { } tag ? ":" + tag : "");

    private const string Sha256 = "sha256:";

    [LoggerMessage(Level = LogLevel.Information, Message = "'{Resource}' uses the image {Image} instead of {Before} ({Key}).")]
    private static partial void LogReplaced(ILogger logger, string resource, string image, string before, string key);
}
