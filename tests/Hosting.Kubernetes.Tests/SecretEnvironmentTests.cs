namespace Hosting.Kubernetes.Tests;

/// <summary>A value a member takes from a Kubernetes Secret of the user's own, never written into a manifest.</summary>
public class SecretEnvironmentTests
{
    [Fact]
    public async Task AVariableFromASecretOfYourOwnIsASecretKeyRefAndNoValue()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("api", "example/api").InPod(builder.AddPod("pod"))
            .PublishEnvironmentFromSecret("Api__Key", "api-secrets", "key")
            .PublishEnvironmentFromSecret("Api__Extra", "api-secrets", "extra", optional: true);

        var api = (await builder.MapAsync()).Pod("pod").Container("api");

        var key = Assert.Single(api.Env, e => e.Name == "Api__Key");
        Assert.Null(key.Value);
        Assert.Equal(("api-secrets", "key", (bool?)null), (key.ValueFrom.SecretKeyRef.Name, key.ValueFrom.SecretKeyRef.Key, key.ValueFrom.SecretKeyRef.Optional));
        Assert.True(Assert.Single(api.Env, e => e.Name == "Api__Extra").ValueFrom.SecretKeyRef.Optional);
    }

    [Fact]
    public void ASecretNameKubernetesRefusesIsAnErrorNamingTheMember()
    {
        var api = PodModel.CreatePublishingBuilder().AddContainer("api", "example/api");

        var error = Assert.Throws<DistributedApplicationException>(() => api.PublishEnvironmentFromSecret("Api__Key", "Api_Secrets", "key"));

        Assert.StartsWith("'api' (PublishEnvironmentFromSecret): Secret name 'Api_Secrets' breaks Kubernetes' rule for an RFC 1123 subdomain", error.Message);
    }

    [Fact]
    public async Task ASecretParameterIsAKeyOfTheAppsSecretAndItsValueIsInNoManifest()
    {
        var builder = PodModel.CreateBuilder(["--operation", "publish", "--Parameters:api-key=hidden"]);
        var apiKey = builder.AddParameter("api-key", secret: true);
        builder.AddContainer("api", "example/api").InPod(builder.AddPod("pod")).WithEnvironment("Api__Key", apiKey);

        var pods = await builder.MapAsync();

        var key = Assert.Single(pods.Pod("pod").Container("api").Env, e => e.Name == "Api__Key").ValueFrom.SecretKeyRef;
        Assert.Equal(("demo-secrets", "api-key", null), (key.Name, key.Key, key.Optional));
        Assert.DoesNotContain("hidden", pods.Yaml());
    }
}
