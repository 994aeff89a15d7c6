using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Validation;

/// <summary>Finds the mistakes in an app model's pods, each described with the resources involved and the fix.</summary>
internal static class PodModelValidator
{
    public const string Heading = "The pod model is invalid:";

    public static ModelErrors Validate(DistributedApplicationModel model)
    {
        var errors = new ModelErrors();
        foreach (var resource in model.Resources)
        {
            var pods = resource.Annotations.OfType<PodMemberAnnotation>().Select(a => a.Pod).Distinct().ToList();
            if (pods.Count > 1)
            {
                errors.Add(
                    $"Resource '{resource.Name}' is put in pods {Names(pods)}; a resource belongs to at most one pod. " +
                    $"Remove all but one of its {nameof(PodBuilderExtensions.InPod)} calls.");
            }

            CheckSharedVolumeMounts(resource, pods.FirstOrDefault(), errors);
            CheckIpcKeys(resource, pods.FirstOrDefault(), errors);
            CheckConfigFiles(resource, errors);
        }

        foreach (var pod in model.Resources.OfType<PodResource>())
        {
            CheckTargetPorts(pod, model, errors);
        }

        UnixSockets.Check(model, errors);
        WaitCycles.Check(model, errors);
        return errors;
    }

    private static void CheckSharedVolumeMounts(IResource resource, PodResource? pod, ModelErrors errors)
    {
        var mounts = resource.Annotations.OfType<SharedVolumeMountAnnotation>().ToList();
        foreach (var mount in mounts.Where(m => m.Volume.Pod != pod))
        {
            errors.Add(
                $"Resource '{resource.Name}' mounts shared volume '{mount.Volume.Name}' of pod '{mount.Volume.Pod.Name}' but {Where(pod)}; " +
                $"only members of a pod can mount its volumes. Put '{resource.Name}' in pod '{mount.Volume.Pod.Name}' " +
                $"with {nameof(PodBuilderExtensions.InPod)}, or give it a volume of its own pod.");
        }

        foreach (var paths in mounts.GroupBy(m => m.Volume).Where(g => g.Count() > 1))
        {
            errors.Add(
                $"Resource '{resource.Name}' mounts shared volume '{paths.Key.Name}' of pod '{paths.Key.Pod.Name}' at " +
                $"{Quoted(paths.Select(m => m.MountPath))}; a member mounts a volume at one path. Keep one {nameof(PodBuilderExtensions.WithSharedVolume)} call for it.");
        }
    }

    private static void CheckIpcKeys(IResource resource, PodResource? pod, ModelErrors errors)
    {
        foreach (var use in resource.Annotations.OfType<IpcKeyAnnotation>().Where(k => k.Key.Pod != pod))
        {
            errors.Add(
                $"Resource '{resource.Name}' uses IPC key '{use.Key.Name}' of pod '{use.Key.Pod.Name}' but {Where(pod)}; " +
                "only members of a pod share its IPC namespace. " +
                $"Put '{resource.Name}' in pod '{use.Key.Pod.Name}' with {nameof(PodBuilderExtensions.InPod)}, or give it a key of its own pod.");
        }
    }

    private static string Where(PodResource? pod) => pod is null ? "is in no pod" : $"is in pod '{pod.Name}'";

    private static void CheckConfigFiles(IResource resource, ModelErrors errors)
    {
        foreach (var clash in resource.Annotations.OfType<ConfigFileAnnotation>().GroupBy(f => f.MountedPath).Where(g => g.Count() > 1))
        {
            errors.Add(
                $"Resource '{resource.Name}' is given {Quoted(clash.Select(f => f.SourcePath))} at one path, '{clash.Key}'; " +
                $"give each {nameof(PodBuilderExtensions.WithConfigFile)} call its own mount directory or file name.");
        }

        foreach (var file in resource.Annotations.OfType<ConfigFileAnnotation>().Where(f => !File.Exists(f.SourcePath)))
        {
            errors.Add(
                $"Config file '{file.SourcePath}' given to '{resource.Name}' does not exist. " +
                $"Create it, or fix the path given to {nameof(PodBuilderExtensions.WithConfigFile)} (relative paths start at the app host's directory).");
        }
    }

    private static void CheckTargetPorts(PodResource pod, DistributedApplicationModel model, ModelErrors errors)
    {
        var ports = pod.GetMembers(model)
            .SelectMany(member => member.Annotations.OfType<EndpointAnnotation>()
                .Where(e => e.TargetPort is not null)
                .Select(e => (Port: e.TargetPort!.Value, Member: member.Name, Endpoint: e.Name)))
            .GroupBy(p => p.Port)
            .Where(g => g.Select(p => p.Member).Distinct().Count() > 1);
        foreach (var clash in ports)
        {
            errors.Add(
                $"Resources {Quoted(clash.Select(p => $"{p.Member}' endpoint '{p.Endpoint}"))} of pod '{pod.Name}' all " +
                $"declare target port {clash.Key}; members of a pod share localhost, so each needs its own port. " +
                "Give all but one of them another targetPort.");
        }
    }

    private static string Names(IEnumerable<IResource> resources) => Quoted(resources.Select(r => r.Name));

    private static string Quoted(IEnumerable<string> names) => string.Join(" and ", names.Select(n => $"'{n}'"));
}
