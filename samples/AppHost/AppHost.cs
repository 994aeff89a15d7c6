// An app host shaped like a user's, not like the demo's: Aspire's Redis and PostgreSQL with data volumes, a secret
// parameter, a pod of a project in two replicas with a sidecar built from a Dockerfile, and a project in no pod.
// PodSuite publishes it as it is (README, "Apps with databases").
var builder = DistributedApplication.CreateBuilder(args);
builder.AddKubernetesPods("kubernetes");

var cache = builder.AddRedis("cache").WithDataVolume();
var appdb = builder.AddPostgres("pg").WithDataVolume().AddDatabase("appdb");
var apiKey = builder.AddParameter("api-key", secret: true);

var shop = builder.AddPod("shop").PublishWithService(PodServiceType.NodePort);
var visits = builder.AddProject<Projects.Visits>("visits")
    .InPod(shop)
    .WithReference(cache).WaitFor(cache)
    .WithReference(appdb).WaitFor(appdb)
    .WithEnvironment("Visits__ApiKey", apiKey)
    .WithExternalHttpEndpoints()
    .WithReplicas(2);

// A sidecar built from its Dockerfile, given a config file by a read-only bind mount, and run restricted as the user
// its Dockerfile names. Its base image is Debian's unless configuration says otherwise (Parameters:banner-base).
var bannerBase = builder.AddParameter("banner-base", () => builder.Configuration["Parameters:banner-base"] ?? "docker.io/library/debian:bookworm-slim");
builder.AddDockerfile("banner", "../Banner")
    .WithBuildArg("BASE_IMAGE", bannerBase)
    .WithBindMount("../Banner/motd.conf", "/etc/banner/motd.conf", isReadOnly: true)
    .InPod(shop)
    .PublishWithSecurityProfile(ContainerSecurityProfile.Restricted(65534));

// A project in no pod is a pod of its own, reaching the shop through its Service and the databases through theirs.
builder.AddProject<Projects.Visits>("report")
    .WithReference(visits.GetEndpoint("http"))
    .WithReference(cache).WithReference(appdb)
    .WithEnvironment("Visits__Role", "report");

builder.Build().Run();
