using k8s;
using k8s.Models;

namespace AppHost.FunctionalTests;

/// <summary>
/// The ambassador and the adapters as <c>manifests/</c> holds them (kept current by <see cref="PublishedManifestsTests"/>):
/// the ambassador beside the app and an adapter beside each Redis in one pod each; the app's settings naming only
/// localhost; twemproxy's shards and Prometheus's targets the other pods' Services; no secret but by reference.
/// </summary>
public sealed class AmbassadorManifestsTests
{
    private static readonly List<object> s_objects = [.. new[] { "ambassador", "shard-a", "shard-b", "monitoring" }
        .SelectMany(pod => Directory.EnumerateFiles(Path.Combine(TestRepository.Root, "manifests", pod), "*.yaml"))
        .Where(file => Path.GetFileName(file) != "kustomization.yaml")
        .SelectMany(file => KubernetesYaml.LoadAllFromString(File.ReadAllText(file)))];

    [Fact]
    public void TheAmbassadorIsBesideTheAppAndAnAdapterBesideEachRedis()
    {
        Assert.Equal(["counter", "twemproxy"], Containers("ambassador").Select(c => c.Name));
        Assert.Equal(["redis-a", "exporter-a"], Containers("shard-a").Select(c => c.Name));
        Assert.Equal(["redis-b", "exporter-b"], Containers("shard-b").Select(c => c.Name));
        Assert.Equal(["prometheus"], Containers("monitoring").Select(c => c.Name));
        // In the manifests, the image Aspire chooses for Redis; the others are built from their Dockerfiles.
        Assert.StartsWith("docker.io/library/redis:", Containers("shard-a")[0].Image, StringComparison.Ordinal);
        Assert.Matches(@"/twemproxy:src-[0-9a-f]{12}$", Containers("ambassador")[1].Image);
    }

    [Fact]
    public void TheAppsSettingsNameOnlyLocalhostAndTheAmbassadorsTheShardsServices()
    {
        var counter = Containers("ambassador")[0].Env.ToDictionary(e => e.Name);
        var twemproxy = Containers("ambassador")[1].Env.ToDictionary(e => e.Name);

        // The app's connection string holds the password, so it is a key of the app's Secret: published, it is
        // localhost:6379 (the deploy's Secret; SecretEnvironmentTests cover how it is written).
        Assert.Equal("podsuite-secrets", counter["ConnectionStrings__ambassador"].ValueFrom.SecretKeyRef.Name);
        Assert.DoesNotContain(counter.Values, e => e.Value is { } value && (value.Contains("shard-", StringComparison.Ordinal) || value.Contains("redis", StringComparison.Ordinal)));
        Assert.Equal("shard-a=shard-a-tcp:6379 shard-b=shard-b-tcp:6379", twemproxy["TWEMPROXY_SHARDS"].Value);
        Assert.Equal("shards-password", twemproxy["REDIS_AUTH"].ValueFrom.SecretKeyRef.Key);
        Assert.Equal("redis://localhost:6379", Containers("shard-a")[1].Env.Single(e => e.Name == "REDIS_ADDR").Value);
        Assert.Equal("shard-a=shard-a-metrics:9121 shard-b=shard-b-metrics:9121", Containers("monitoring")[0].Env.Single(e => e.Name == "PROMETHEUS_TARGETS").Value);
    }

    [Fact]
    public void OnlyTheAmbassadorMayReachTheShardsRedisAndOnlyPrometheusTheirAdapters()
    {
        var policy = s_objects.OfType<V1NetworkPolicy>().Single(p => p.Metadata.Name == "shard-a");

        var admitted = policy.Spec.Ingress.Select(rule => (From: rule.FromProperty.Single().PodSelector.MatchLabels["app.kubernetes.io/name"], Port: rule.Ports.Single().Port.Value));
        Assert.Equal([("ambassador", "6379"), ("monitoring", "9121")], admitted.Order());
        Assert.Empty(s_objects.OfType<V1ConfigMap>());
    }

    private static IList<V1Container> Containers(string pod) =>
        s_objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == pod).Spec.Template.Spec.Containers;
}
