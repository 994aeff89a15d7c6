using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// Asks an image registry (the Docker Registry HTTP API v2) what it holds: a registry on this machine over HTTP, any
/// other over HTTPS. Anything but a clear answer counts as none: then the image is built, and a deploy says it could not
/// pin it.
/// </summary>
internal sealed class ImageRegistry(HttpClient http)
{
    /// <summary>The label the .NET SDK's container build gives an image: the base image it was built on, by name.</summary>
    public const string BaseNameLabel = "org.opencontainers.image.base.name";

    /// <summary>The label the .NET SDK's container build gives an image: the digest of the base image it was built on.</summary>
    public const string BaseDigestLabel = "org.opencontainers.image.base.digest";

    private const string ImageIndex = "application/vnd.oci.image.index.v1+json";
    private const string ManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    private static readonly string[] s_manifestTypes =
    [
        ImageIndex,
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        ManifestList,
    ];

    /// <summary>The digest of what the registry holds under the tag; <see langword="null"/> unless it says.</summary>
    public async Task<string?> DigestAsync(string registry, string repository, string tag, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Head, registry, $"{repository}/manifests/{tag}", cancellationToken).ConfigureAwait(false);
        return response?.Headers.TryGetValues("Docker-Content-Digest", out var digests) == true ? digests.FirstOrDefault() : null;
    }

    /// <summary>The labels of an image's configuration; <see langword="null"/> unless the registry holds it.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> LabelsAsync(string registry, string repository, string tag, CancellationToken cancellationToken)
    {
        using var manifest = await JsonAsync(registry, $"{repository}/manifests/{tag}", cancellationToken).ConfigureAwait(false);
        if (manifest?.RootElement.TryGetProperty("config", out var config) != true || config.GetProperty("digest").GetString() is not { } digest)
        {
            return null;
        }

        using var configuration = await JsonAsync(registry, $"{repository}/blobs/{digest}", cancellationToken).ConfigureAwait(false);
        return configuration?.RootElement.TryGetProperty("config", out var settings) == true
            && settings.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
            ? labels.EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetString() ?? "")
            : new Dictionary<string, string>();
    }

    /// <summary>
    /// Whether the base image an image's labels name is still the one it was built on: its name gives the same digest,
    /// or an index that holds it. <see langword="false"/> when the labels or the base's registry do not say.
    /// </summary>
    public async Task<bool> IsBaseCurrentAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        if (!labels.TryGetValue(BaseNameLabel, out var name) || !labels.TryGetValue(BaseDigestLabel, out var built)
            || ImageReference.Parse(name) is not { } reference)
        {
            return false;
        }

        if (reference.Digest is { } pinned)
        {
            return pinned == built;
        }

        using var response = await SendAsync(HttpMethod.Get, reference.Registry, $"{reference.Repository}/manifests/{reference.Tag}", cancellationToken).ConfigureAwait(false);
        if (response?.Headers.TryGetValues("Docker-Content-Digest", out var digests) != true)
        {
            return false;
        }

        if (digests!.FirstOrDefault() == built)
        {
            return true;
        }

        if (response.Content.Headers.ContentType?.MediaType is not (ImageIndex or ManifestList))
        {
            return false;
        }

        using var index = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return index.RootElement.TryGetProperty("manifests", out var manifests)
            && manifests.EnumerateArray().Any(m => m.TryGetProperty("digest", out var d) && d.GetString() == built);
    }

    /// <summary>HTTP for a registry on this machine, HTTPS for any other.</summary>
    public static string SchemeOf(string registry) =>
        registry.Split(':')[0] is "localhost" or "127.0.0.1" ? "http" : "https";

    private async Task<JsonDocument?> JsonAsync(string registry, string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, registry, path, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The response when it is 200 OK; null for any other answer, or none. A registry with a path (ghcr.io/you) serves
    // the API at its host, with the path as the start of the repository.
    private async Task<HttpResponseMessage?> SendAsync(HttpMethod method, string registry, string path, CancellationToken cancellationToken)
    {
        var slash = registry.IndexOf('/', StringComparison.Ordinal);
        var (host, prefix) = slash < 0 ? (registry, "") : (registry[..slash], registry[(slash + 1)..].TrimEnd('/') + "/");
        using var request = new HttpRequestMessage(method, $"{SchemeOf(host)}://{host}/v2/{prefix}{path}");
        foreach (var type in s_manifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        try
        {
            var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return response;
            }

            response.Dispose();
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
