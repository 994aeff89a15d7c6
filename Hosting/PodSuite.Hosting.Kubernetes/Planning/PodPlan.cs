using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Validation;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>One Kubernetes pod to publish: a <see cref="PodResource"/> with its members, or a lone resource.</summary>
/// <param name="Name">The pod's name.</param>
/// <param name="Pod">The pod of the model, or <see langword="null"/> for a lone resource.</param>
/// <param name="Members">The members that are published, in model order.</param>
/// <param name="Service">How the pod's external endpoints become Services.</param>
internal sealed record PodPlan(string Name, PodResource? Pod, IReadOnlyList<IResource> Members, PodServiceAnnotation Service)
{
    /// <summary>Every pod of the model, in model order; compute resources in no pod are pods of their own.</summary>
    public static IReadOnlyList<PodPlan> From(DistributedApplicationModel model, PodServiceType defaultServiceType, PublishReport report)
    {
        var defaultService = new PodServiceAnnotation(defaultServiceType, PodServicePorts.OneService);
        var plans = new List<PodPlan>();
        foreach (var resource in model.Resources.Where(r => r is PodResource || IsPublished(r)))
        {
            if (resource is PodResource pod)
            {
                var members = pod.GetMembers(model).Where(IsPublished).ToList();
                if (members.Count > 0)
                {
                    plans.Add(new PodPlan(pod.Name, pod, members, pod.Annotations.OfType<PodServiceAnnotation>().LastOrDefault() ?? defaultService));
                }
                else
                {
                    report.Warnings.Add(
                        $"Pod '{pod.Name}' is not published: it has no member that is published " +
                        $"({(pod.GetMembers(model).Any() ? $"every member is excluded with {nameof(ResourceBuilderExtensions.ExcludeFromManifest)}" : "it has no members")}).");
                }
            }
            else if (resource is IComputeResource && !resource.Annotations.OfType<PodMemberAnnotation>().Any())
            {
                plans.Add(new PodPlan(resource.Name, null, [resource], defaultService));
            }
        }

        foreach (var member in plans.SelectMany(p => p.Members).Where(m => m is not (ProjectResource or ContainerResource)))
        {
            report.Errors.Add(
                $"Resource '{member.Name}' is a {member.GetType().Name}, which has no container image to publish. " +
                $"Publish a project or a container instead, or leave it out with {nameof(ResourceBuilderExtensions.ExcludeFromManifest)}().");
        }

        foreach (var name in plans.Select(p => p.Name).Concat(plans.SelectMany(p => p.Members).Select(m => m.Name)).Distinct())
        {
            if (KubernetesRules.Dns1123Label.Check(name, $"Resource name '{name}'") is { } problem)
            {
                report.Errors.Add($"{problem} It names a pod or a container. Rename the resource.");
            }
        }

        if (plans.FirstOrDefault(p => p.Name == Output.ManifestFiles.OverlaysFolder) is { } overlays)
        {
            report.Errors.Add(
                $"'{overlays.Name}' cannot be published as a pod: its folder in the output is where your kustomize overlays go. Rename it.");
        }

        foreach (var pod in plans.Where(p => p.Pod is not null))
        {
            foreach (var volume in pod.Pod!.SharedVolumes)
            {
                if (KubernetesRules.Dns1123Label.Check(volume.Name, $"Shared volume '{volume.Name}' of pod '{pod.Name}', a volume name,") is { } problem)
                {
                    report.Errors.Add($"{problem} Rename it where {nameof(PodBuilderExtensions.AddSharedVolume)} adds it.");
                }
            }
        }

        return plans;
    }

    private static bool IsPublished(IResource resource) =>
        !resource.Annotations.OfType<ManifestPublishingCallbackAnnotation>().Any(a => a.Callback is null);
}
