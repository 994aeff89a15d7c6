using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Validation;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// The order in which a pod's containers start, from the model's waits: members that others of the pod wait to
/// complete become init containers in dependency order (with native sidecars among them); waits on other pods become
/// init containers that wait for their Services; the rest are the app containers.
/// </summary>
internal sealed class StartOrder
{
    private StartOrder(
        IReadOnlyList<IResource> initSteps, IReadOnlySet<IResource> nativeSidecars, IReadOnlyList<IResource> appContainers,
        IReadOnlyList<ServicePortPlan> serviceWaits)
    {
        InitSteps = initSteps;
        NativeSidecars = nativeSidecars;
        AppContainers = appContainers;
        ServiceWaits = serviceWaits;
    }

    /// <summary>Init containers from members, in the order they run.</summary>
    public IReadOnlyList<IResource> InitSteps { get; }

    /// <summary>The init steps that keep running (restartPolicy Always).</summary>
    public IReadOnlySet<IResource> NativeSidecars { get; }

    /// <summary>The pod's regular containers.</summary>
    public IReadOnlyList<IResource> AppContainers { get; }

    /// <summary>Services of other pods to wait for before the init steps.</summary>
    public IReadOnlyList<ServicePortPlan> ServiceWaits { get; }

    /// <summary>Whether every app container runs to completion: a bare pod that is not restarted.</summary>
    public bool RunsToCompletion => AppContainers.All(m => m.Annotations.OfType<RunToCompletionAnnotation>().Any());

    public static StartOrder Of(PodPlan pod, PortPlan ports, PublishReport report)
    {
        var members = pod.Members;
        var inPod = members.ToHashSet();
        var sidecars = members.Where(m => m.Annotations.OfType<NativeSidecarAnnotation>().Any()).ToHashSet();
        var completions = new HashSet<IResource>();
        var before = members.ToDictionary(m => m, _ => new List<IResource>());
        var serviceWaits = new List<ServicePortPlan>();

        foreach (var member in members)
        {
            foreach (var wait in member.Annotations.OfType<WaitAnnotation>())
            {
                // A database is not published; its server is, and a wait for the database waits for the server.
                var target = wait.Resource;
                while (!ports.IsPublished(target) && target is IResourceWithParent { Parent: var parent })
                {
                    target = parent;
                }

                if (inPod.Contains(target))
                {
                    if (wait.WaitType == WaitType.WaitForCompletion)
                    {
                        completions.Add(target);
                        before[member].Add(target);
                    }
                    else if (sidecars.Contains(target))
                    {
                        before[member].Add(target);
                    }
                    else
                    {
                        report.Warnings.Add(
                            $"'{member.Name}' in pod '{pod.Name}' waits for '{target.Name}' of the same pod, which is not published: " +
                            $"Kubernetes starts the pod's containers together, and '{member.Name}' must retry until '{target.Name}' " +
                            $"answers. Mark '{target.Name}' {nameof(PodPublishingExtensions.PublishAsNativeSidecar)}() to publish the wait.");
                    }

                    continue;
                }

                if (!ports.IsPublished(target))
                {
                    report.Warnings.Add(
                        $"'{member.Name}' in pod '{pod.Name}' waits for '{target.Name}', which is not published, so neither is the wait.");
                    continue;
                }

                if (wait.WaitType == WaitType.WaitForCompletion)
                {
                    report.Errors.Add(
                        $"'{member.Name}' in pod '{pod.Name}' waits for the completion of '{target.Name}' in pod '{ports.PodOf(target).Name}'; " +
                        $"Kubernetes can only order containers within one pod. Put both in one pod, or wait for a Service instead ({nameof(ResourceBuilderExtensions.WaitFor)}).");
                }
                else if (ports.ServicePortsOf(ports.PodOf(target)).FirstOrDefault(s => s.Member == target) is { } service)
                {
                    if (!serviceWaits.Contains(service))
                    {
                        serviceWaits.Add(service);
                        var waiting = ServiceWaitNames.Of(target);
                        if (KubernetesRules.Dns1123Label.Check(waiting, $"Init container name '{waiting}', which waits for '{target.Name}',") is { } problem)
                        {
                            report.Errors.Add($"{problem} Shorten the name of '{target.Name}'.");
                        }
                    }
                }
                else
                {
                    var endpoints = target.Annotations.OfType<EndpointAnnotation>().ToList();
                    report.Errors.Add(endpoints.Count == 0
                        ? $"'{member.Name}' in pod '{pod.Name}' waits for '{target.Name}' in pod '{ports.PodOf(target).Name}', which has no " +
                          $"endpoint, so nothing a pod can wait for in a cluster. Give it one, or drop the {nameof(ResourceBuilderExtensions.WaitFor)}."
                        : $"'{member.Name}' in pod '{pod.Name}' waits for '{target.Name}' in pod '{ports.PodOf(target).Name}': {ports.WhyNoServicePort(target, endpoints[0].Name)}");
                }
            }
        }

        var initMembers = members.Where(m => completions.Contains(m) || sidecars.Contains(m)).ToHashSet();
        var initSteps = TopologicalOrder(members.Where(initMembers.Contains).ToList(), before, pod, report);
        var appContainers = members.Where(m => !initMembers.Contains(m)).ToList();
        if (appContainers.Count == 0)
        {
            report.Errors.Add($"Every member of pod '{pod.Name}' is an init step or a sidecar; a pod needs at least one app container.");
            appContainers = [.. members];
        }

        var finishing = appContainers.Where(m => m.Annotations.OfType<RunToCompletionAnnotation>().Any()).ToList();
        if (finishing.Count > 0 && finishing.Count < appContainers.Count)
        {
            var serving = appContainers.First(m => !finishing.Contains(m));
            report.Errors.Add(
                $"'{finishing[0].Name}' in pod '{pod.Name}' runs to completion but '{serving.Name}' serves, so the pod is a Deployment, " +
                $"which restarts containers that exit. Make '{finishing[0].Name}' an init step " +
                $"({nameof(ResourceBuilderExtensions.WaitForCompletion)} from '{serving.Name}') " +
                "or move it to a pod of its own.");
        }

        var order = new StartOrder(initSteps, sidecars, appContainers, serviceWaits);
        if (pod.Pod?.Annotations.OfType<PodJobAnnotation>().Any() == true && !order.RunsToCompletion)
        {
            var serving = appContainers.First(m => !m.Annotations.OfType<RunToCompletionAnnotation>().Any());
            report.Errors.Add(
                $"Pod '{pod.Name}' is published as a Job ({nameof(PodPublishingExtensions.PublishAsJob)}), but '{serving.Name}' serves " +
                $"rather than running to completion. Mark it {nameof(PodBuilderExtensions.RunsToCompletion)}(), or drop {nameof(PodPublishingExtensions.PublishAsJob)}.");
        }

        return order;
    }

    private static List<IResource> TopologicalOrder(
        List<IResource> steps, Dictionary<IResource, List<IResource>> before, PodPlan pod, PublishReport report)
    {
        var ordered = new List<IResource>();
        var visiting = new HashSet<IResource>();
        foreach (var step in steps)
        {
            Visit(step);
        }

        return ordered;

        void Visit(IResource step)
        {
            if (ordered.Contains(step))
            {
                return;
            }

            if (!visiting.Add(step))
            {
                report.Errors.Add($"The init steps of pod '{pod.Name}' wait for each other in a cycle through '{step.Name}'; remove one of the waits.");
                return;
            }

            foreach (var earlier in before[step].Where(steps.Contains))
            {
                Visit(earlier);
            }

            visiting.Remove(step);
            ordered.Add(step);
        }
    }
}
