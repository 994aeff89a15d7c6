using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kubernetes;

/// <summary>One Kubernetes pod to publish: a <see cref="PodResource"/> with its members, or a lone resource.</summary>
internal sealed record PodPlan(string Name, PodResource? Pod, IReadOnlyList<IResource> Members)
{
    public PodServiceAnnotation Service =>
        Pod?.Annotations.OfType<PodServiceAnnotation>().LastOrDefault() ?? new(PodServiceType.ClusterIP, PodServicePorts.OneService);

    /// <summary>Every pod of the model, in model order; compute resources in no pod are pods of their own.</summary>
    public static IReadOnlyList<PodPlan> From(DistributedApplicationModel model, List<string> errors)
    {
        var plans = new List<PodPlan>();
        foreach (var resource in model.Resources.Where(IsPublished))
        {
            if (resource is PodResource pod)
            {
                var members = pod.GetMembers(model).Where(IsPublished).ToList();
                if (members.Count > 0)
                {
                    plans.Add(new PodPlan(pod.Name, pod, members));
                }
            }
            else if (resource is IComputeResource && !resource.Annotations.OfType<PodMemberAnnotation>().Any())
            {
                plans.Add(new PodPlan(resource.Name, null, [resource]));
            }
        }

        foreach (var member in plans.SelectMany(p => p.Members).Where(m => m is not (ProjectResource or ContainerResource)))
        {
            errors.Add(
                $"Resource '{member.Name}' is a {member.GetType().Name}, which has no container image to publish. " +
                "Publish a project or a container instead, or leave it out with ExcludeFromManifest().");
        }

        return plans;
    }

    private static bool IsPublished(IResource resource) =>
        !resource.Annotations.OfType<ManifestPublishingCallbackAnnotation>().Any(a => a.Callback is null) || resource is PodResource;
}
