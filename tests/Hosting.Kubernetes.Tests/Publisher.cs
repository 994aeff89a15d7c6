using k8s;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.DependencyInjection;

namespace Hosting.Kubernetes.Tests;

/// <summary>Runs the Kubernetes mapping on an in-memory app model in publish mode.</summary>
internal static class Publisher
{
    public static KubernetesPublishOptions Options => KubernetesPublishOptions.Bind(Environment());

    public static KubernetesPublishOptions ForPodman => KubernetesPublishOptions.Bind(Environment(PodRuntime.Podman));

    private static KubernetesPodsEnvironmentResource Environment(PodRuntime runtime = PodRuntime.Kubernetes) =>
        new("kubernetes") { Registry = "registry.example", ImageTag = "1.2.3", PartOf = "demo", Runtime = runtime };

    public static Task<IReadOnlyList<PodManifest>> MapAsync(this IDistributedApplicationBuilder builder, KubernetesPublishOptions? options = null) =>
        builder.MapAsync(new PublishReport(), options);

    public static async Task<IReadOnlyList<PodManifest>> MapAsync(
        this IDistributedApplicationBuilder builder, PublishReport report, KubernetesPublishOptions? options = null)
    {
        Assert.True(builder.ExecutionContext.IsPublishMode, "build the model with PodModel.CreatePublishingBuilder()");
        // Disposed, so that its configuration's file watchers (inotify instances, 128 per user) do not pile up.
        await using var app = builder.Build();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        // What a run does before its steps: the model completed (the dashboard's pod added) and checked.
        await app.Services.GetRequiredService<IDistributedApplicationEventing>().PublishAsync(new BeforeStartEvent(app.Services, model));
        return await KubernetesPodMapper.MapAsync(model, options ?? Options, report);
    }

    public static async Task<string> MappingErrorAsync(this IDistributedApplicationBuilder builder)
    {
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => builder.MapAsync());
        Assert.StartsWith("The pods cannot be published to Kubernetes:", error.Message);
        return error.Message;
    }

    public static PodManifest Pod(this IReadOnlyList<PodManifest> pods, string name) => Assert.Single(pods, p => p.Name == name);

    public static V1Container Container(this PodManifest pod, string name) =>
        Assert.Single((pod.PodSpec.InitContainers ?? []).Concat(pod.PodSpec.Containers), c => c.Name == name);

    public static string Env(this V1Container container, string name) => Assert.Single(container.Env, e => e.Name == name).Value;

    public static string Yaml(this IReadOnlyList<PodManifest> pods) =>
        string.Join("\n---\n", pods.Select(p => KubernetesYaml.SerializeAll([p.Workload, .. p.Services, .. p.ConfigMaps])));

    /// <summary>A project resource without a project on disk: the mapping needs only its path and endpoints.</summary>
    public static IResourceBuilder<ProjectResource> AddFakeProject(this IDistributedApplicationBuilder builder, string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "podsuite-fake-projects", name));
        var project = Path.Combine(directory.FullName, $"{char.ToUpperInvariant(name[0])}{name[1..]}.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        return builder.AddProject(name, project);
    }
}
