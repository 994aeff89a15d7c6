using System.Text.RegularExpressions;

namespace Pods.FunctionalTests;

/// <summary>
/// What runs is what was built, under real podman: the pods run each image by the digest the registry holds, so an image
/// that changed under the same tag rolls out, where a deploy by tag would find the pod "unchanged" and go on running the
/// old one.
/// </summary>
[Collection(PodRuntimeCollection.Name)]
public partial class RolloutTests(PodRuntime pods)
{
    [SkippableFact]
    public async Task AnImageThatChangedUnderTheSameTagRollsOut()
    {
        pods.SkipUnlessRunning();
        var image = WebAppImage().Match(File.ReadAllText(Path.Combine(TestRepository.Root, "manifests", "mc3", "deployment.yaml"))).Value;
        var (_, original) = await pods.PodmanAsync("image", "inspect", image, "--format", "{{.Id}}");
        var originalId = original.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        var containerfile = Path.Combine(Path.GetTempPath(), $"podsuite-rollout-{Guid.NewGuid():N}");
        File.WriteAllText(containerfile, $"FROM {image}\nLABEL podsuite.test.rollout={Guid.NewGuid():N}\n");
        try
        {
            // Another image under the web app's tag: what a push of changed code under a fixed tag leaves in the registry.
            Assert.Equal(0, (await pods.PodmanAsync("build", "--quiet", "--tag", image, "--file", containerfile)).ExitCode);
            Assert.Equal(0, (await pods.PodmanAsync("push", image)).ExitCode);
            var pushed = await RegistryDigestAsync(image);

            var deployed = await pods.RunStepAsync("deploy-pods");

            Assert.Contains("Pod mc3: replaced (its spec changed)", deployed);
            Assert.Contains("Pod mc1: unchanged, left as it is", deployed);
            Assert.EndsWith($"@{pushed}", (await pods.InspectAsync("mc3-webapp")).GetProperty("ImageName").GetString());
        }
        finally
        {
            File.Delete(containerfile);
            await pods.PodmanAsync("tag", originalId, image);
            await pods.PodmanAsync("push", image);
            await pods.RedeployAsync();
        }
    }

    private static async Task<string> RegistryDigestAsync(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var colon = image.LastIndexOf(':');
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{image[..slash]}/v2/{image[(slash + 1)..colon]}/manifests/{image[(colon + 1)..]}");
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }

    [GeneratedRegex(@"localhost:5055/webapp:src-[0-9a-f]{12}")]
    private static partial Regex WebAppImage();
}
