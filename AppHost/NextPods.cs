/// <summary>
/// The ambassador and the adapter: an app that knows Redis only at localhost, with twemproxy beside it sharding its
/// keys over two Redis servers in pods of their own; beside each Redis server an exporter in Prometheus's format; and
/// Prometheus scraping them, for the app's page. The images of twemproxy, the exporter and Prometheus are built from
/// Debian's packages (pods/next/*/Dockerfile).
/// </summary>
internal static class NextPods
{
    public static void AddAmbassadorAndAdapters(this IDistributedApplicationBuilder builder)
    {
        // The Dockerfiles' base image: the Debian one eng/pods/setup.sh puts in the local registry (Docker Hub cannot be
        // reached here); left unset, Debian's from Docker Hub.
        var debian = builder.Configuration["Demo:DebianImage"] ?? "docker.io/library/debian:bookworm-slim";
        // Locally and under podman, Redis from the image eng/pods/setup.sh builds from Debian's redis-server; in the
        // manifests for a cluster, the image Aspire chooses.
        var localRedis = builder.ExecutionContext.IsRunMode || builder.Configuration["PodSuite:Runtime"] == "Podman"
            ? builder.Configuration["Demo:LocalRedisImage"]
            : null;

        // twemproxy takes one password for its whole pool, and asks the app for the same one: the shards share it.
        var shardsPassword = builder.AddParameter("shards-password",
            new GenerateParameterDefault { MinLength = 22, Special = false }, secret: true, persist: true);

        var shards = new[] { "a", "b" }.Select(letter =>
        {
            var pod = builder.AddPod($"shard-{letter}");
            if (localRedis is not null)
            {
                builder.Configuration[$"PodSuite:Images:redis-{letter}"] ??= localRedis;
            }

            // Plain RESP on the shard's port, as twemproxy and the exporter speak it: with a development certificate,
            // Aspire's local run would put Redis's port behind TLS.
#pragma warning disable ASPIRECERTIFICATES001   // experimental in Aspire 13.6
            var redis = builder.AddRedis($"redis-{letter}", password: shardsPassword)
                .WithoutHttpsCertificate()
                .InPod(pod);
#pragma warning restore ASPIRECERTIFICATES001
            var tcp = redis.GetEndpoint("tcp");
            // The adapter reaches its Redis over the pod's localhost, and presents its state on :9121/metrics.
            var exporter = builder.AddDockerfile($"exporter-{letter}", "pods/next/redis-exporter")
                .WithBuildArg("BASE_IMAGE", debian)
                .InPod(pod)
                .WithHttpEndpoint(targetPort: 9121, name: "metrics")
                .WithEnvironment("REDIS_ADDR", ReferenceExpression.Create($"redis://{tcp.Property(EndpointProperty.HostAndPort)}"))
                .WithEnvironment("REDIS_PASSWORD", shardsPassword)
                .PublishWithSecurityProfile(ContainerSecurityProfile.Restricted(65534));
            return (Name: pod.Resource.Name, Redis: redis, Tcp: tcp, Metrics: exporter.GetEndpoint("metrics"));
        }).ToList();
        var (a, b) = (shards[0], shards[1]);

        var monitoring = builder.AddPod("monitoring");
        var prometheus = builder.AddDockerfile("prometheus", "pods/next/prometheus")
            .WithBuildArg("BASE_IMAGE", debian)
            .InPod(monitoring)
            .WithHttpEndpoint(targetPort: 9090)
            .WithEnvironment("PROMETHEUS_TARGETS", ReferenceExpression.Create(
                $"{a.Name}={a.Metrics.Property(EndpointProperty.HostAndPort)} {b.Name}={b.Metrics.Property(EndpointProperty.HostAndPort)}"))
            .PublishWithSecurityProfile(ContainerSecurityProfile.Restricted(65534, 65534, "/prometheus"));

        var ambassadorPod = builder.AddPod("ambassador");
        var counter = builder.AddProject<Projects.Counter>("counter")
            .InPod(ambassadorPod)
            .WithEnvironment("Counter__Prometheus", prometheus.GetEndpoint("http"))
            .WithHttpEndpoint(port: 8084)
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health");
        var twemproxy = builder.AddDockerfile("twemproxy", "pods/next/twemproxy")
            .WithBuildArg("BASE_IMAGE", debian)
            .InPod(ambassadorPod)
            .WithEndpoint(targetPort: 6379, name: "tcp", scheme: "tcp")
            .WithEnvironment("TWEMPROXY_SHARDS", ReferenceExpression.Create(
                $"{a.Name}={a.Tcp.Property(EndpointProperty.HostAndPort)} {b.Name}={b.Tcp.Property(EndpointProperty.HostAndPort)}"))
            .WithEnvironment("REDIS_AUTH", shardsPassword)
            .WaitFor(a.Redis).WaitFor(b.Redis)
            .PublishWithSecurityProfile(ContainerSecurityProfile.Restricted(65534));

        // The app's only Redis is the ambassador, at localhost: the connection string names no shard. It does not wait
        // for twemproxy (Kubernetes starts a pod's containers together): Aspire's Redis client connects when it can.
        counter.WithEnvironment("ConnectionStrings__ambassador", ReferenceExpression.Create(
            $"{twemproxy.GetEndpoint("tcp").Property(EndpointProperty.HostAndPort)},password={shardsPassword},proxy=Twemproxy"));
    }
}
