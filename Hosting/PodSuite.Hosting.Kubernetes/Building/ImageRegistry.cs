using System.Net;
using System.Net.Http.Headers;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// Asks an image registry (the Docker Registry HTTP API v2) whether it holds an image: a registry on this machine over
/// HTTP, any other over HTTPS. Anything but a clear yes counts as no: then the image is built.
/// </summary>
internal sealed class ImageRegistry(HttpClient http)
{
    private static readonly string[] s_manifestTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
    ];

    public async Task<bool> HoldsAsync(string registry, string repository, string tag, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"{SchemeOf(registry)}://{registry}/v2/{repository}/manifests/{tag}");
        foreach (var type in s_manifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public static string SchemeOf(string registry) =>
        registry.Split(':')[0] is "localhost" or "127.0.0.1" ? "http" : "https";
}
