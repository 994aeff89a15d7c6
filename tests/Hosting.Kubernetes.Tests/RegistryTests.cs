using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Testing;
using PodSuite.Hosting.Kubernetes.Building;

namespace Hosting.Kubernetes.Tests;

/// <summary>
/// What the registry tells the image steps and the deploy, against a stand-in registry that answers the Docker Registry
/// HTTP API v2 as a registry does: an image is current only while its base image is the one it was built on, and a
/// deploy names each pushed image by the digest the registry holds.
/// </summary>
public sealed class RegistryTests : IDisposable
{
    private const string BuiltOn = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Rebuilt = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private const string WebDigest = "sha256:3333333333333333333333333333333333333333333333333333333333333333";

    private readonly StandInRegistry _registry = new();
    private readonly HttpClient _http;

    public RegistryTests() => _http = new HttpClient(_registry);

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task AnImageIsCurrentWhileItsBaseImageNameGivesTheDigestItWasBuiltOn()
    {
        _registry.Manifests["localhost:5055/dotnet/aspnet/10.0"] = (BuiltOn, "application/vnd.oci.image.manifest.v1+json", "{}");
        var labels = Labels("localhost:5055/dotnet/aspnet:10.0", BuiltOn);

        Assert.True(await new ImageRegistry(_http).IsBaseCurrentAsync(labels, CancellationToken.None));

        // setup.sh, or a patch, rebuilt the base under the same name.
        _registry.Manifests["localhost:5055/dotnet/aspnet/10.0"] = (Rebuilt, "application/vnd.oci.image.manifest.v1+json", "{}");
        Assert.False(await new ImageRegistry(_http).IsBaseCurrentAsync(labels, CancellationToken.None));
    }

    [Fact]
    public async Task ABaseImageNamedByAMultiPlatformIndexIsCurrentWhileTheIndexHoldsTheDigestItWasBuiltOn()
    {
        var index = $$$"""{"manifests":[{"digest":"{{{BuiltOn}}}","platform":{"architecture":"amd64","os":"linux"}}]}""";
        _registry.Manifests["mcr.microsoft.com/dotnet/aspnet/10.0"] = (Rebuilt, "application/vnd.oci.image.index.v1+json", index);

        Assert.True(await new ImageRegistry(_http).IsBaseCurrentAsync(Labels("mcr.microsoft.com/dotnet/aspnet:10.0", BuiltOn), CancellationToken.None));
        Assert.False(await new ImageRegistry(_http).IsBaseCurrentAsync(Labels("mcr.microsoft.com/dotnet/aspnet:10.0", WebDigest), CancellationToken.None));
    }

    [Theory]
    [InlineData("nginx:1.27")] // Docker Hub: its registry wants a token, so the image is rebuilt rather than trusted.
    [InlineData("localhost:5055/dotnet/aspnet:9.0")] // a base the registry no longer holds
    public async Task ABaseImageThatCannotBeReadIsNotTrusted(string baseImage)
    {
        Assert.False(await new ImageRegistry(_http).IsBaseCurrentAsync(Labels(baseImage, BuiltOn), CancellationToken.None));
    }

    [Fact]
    public async Task TheLabelsOfAnImageAreReadFromItsConfigurationAtARegistryWithAPath()
    {
        _registry.Manifests["ghcr.io/someone/web/src-1"] = (WebDigest, "application/vnd.oci.image.manifest.v1+json", """{"config":{"digest":"sha256:c0f"}}""");
        _registry.Blobs["ghcr.io/someone/web/sha256:c0f"] = """{"config":{"Labels":{"org.opencontainers.image.base.name":"x"}}}""";

        var labels = await new ImageRegistry(_http).LabelsAsync("ghcr.io/someone", "web", "src-1", CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["org.opencontainers.image.base.name"] = "x" }, labels);
        Assert.Equal(WebDigest, await new ImageRegistry(_http).DigestAsync("ghcr.io/someone", "web", "src-1", CancellationToken.None));
    }

    [Fact]
    public async Task ADeployNamesEachPushedImageByItsDigestAndWarnsOfOneItsRegistryDoesNotGive()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var web = builder.AddFakeProject("web").InPod(builder.AddPod("pod"));
        var api = builder.AddFakeProject("api").InPod(builder.AddPod("other"));
        builder.AddContainer("cache", "example/cache").InPod(builder.AddPod("other2"));
        var options = Publisher.Options;
        options.Registry = "localhost:5055";
        var pods = await builder.MapAsync(options);
        _registry.Manifests["localhost:5055/web/1.2.3"] = (WebDigest, "application/vnd.oci.image.manifest.v1+json", "{}");
        var logs = new FakeLogCollector();

        await PinnedImages.PinAsync(pods, [PodImage.Of(web.Resource, options), PodImage.Of(api.Resource, options)],
            new ImageRegistry(_http), new FakeLogger(logs), CancellationToken.None);

        Assert.Equal($"localhost:5055/web:1.2.3@{WebDigest}", pods.Pod("pod").Container("web").Image);
        Assert.Equal("localhost:5055/api:1.2.3", pods.Pod("other").Container("api").Image);
        Assert.Equal("example/cache:latest", pods.Pod("other2").Container("cache").Image);
        Assert.Contains(logs.GetSnapshot(), r => r.Message.StartsWith("localhost:5055/api:1.2.3: its registry localhost:5055 did not give its digest", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Labels(string baseName, string baseDigest) => new()
    {
        [ImageRegistry.BaseNameLabel] = baseName,
        [ImageRegistry.BaseDigestLabel] = baseDigest,
    };

    // Manifests by "host/repository/tag", blobs by "host/repository/digest"; anything else is 404.
    private sealed class StandInRegistry : HttpMessageHandler
    {
        public Dictionary<string, (string Digest, string MediaType, string Body)> Manifests { get; } = [];

        public Dictionary<string, string> Blobs { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var path = uri.AbsolutePath["/v2/".Length..];
            var key = $"{uri.Authority}/{path.Replace("/manifests/", "/", StringComparison.Ordinal).Replace("/blobs/", "/", StringComparison.Ordinal)}";
            var expectedScheme = uri.Host == "localhost" ? "http" : "https";
            if (uri.Scheme != expectedScheme)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest));
            }

            if (path.Contains("/manifests/", StringComparison.Ordinal) && Manifests.TryGetValue(key, out var manifest))
            {
                var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(manifest.Body, Encoding.UTF8, manifest.MediaType) };
                response.Headers.Add("Docker-Content-Digest", manifest.Digest);
                return Task.FromResult(response);
            }

            return Task.FromResult(path.Contains("/blobs/", StringComparison.Ordinal) && Blobs.TryGetValue(key, out var blob)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(blob) }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}
