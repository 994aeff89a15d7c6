using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Validation;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// A member's config files (<c>WithConfigFile</c>, and read-only bind mounts of text, <see cref="BindMounts"/>): one
/// ConfigMap per directory they are mounted in, mounted as that directory (podman 4.3 mounts a <c>subPath</c> as a
/// directory, and a directory mount also sees the ConfigMap's updates).
/// </summary>
/// <param name="ConfigMap">The files' contents.</param>
/// <param name="Volume">The pod's volume of the ConfigMap.</param>
/// <param name="Mount">The member's read-only mount of that volume.</param>
internal sealed record ConfigFiles(V1ConfigMap ConfigMap, V1Volume Volume, V1VolumeMount Mount)
{
    public static List<ConfigFiles> Of(IResource member, PodPlan pod, ObjectMetadata metadata, PublishReport report) =>
        [.. FromModel(member, pod, metadata, report), .. Generated(member, pod, metadata)];

    // The databases Aspire makes only in its local run, made by the server's image from a script (PostgresDatabases).
    private static IEnumerable<ConfigFiles> Generated(IResource member, PodPlan pod, ObjectMetadata metadata)
    {
        if (Integrations.PostgresDatabases.ScriptFor(member) is not { } script)
        {
            yield break;
        }

        yield return Mounted(
            $"{member.Name}-initdb", Integrations.PostgresDatabases.InitDirectory, pod, metadata,
            new Dictionary<string, string> { [Integrations.PostgresDatabases.ScriptName] = script });
    }

    private static ConfigFiles Mounted(string name, string directory, PodPlan pod, ObjectMetadata metadata, Dictionary<string, string> data) => new(
        new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = metadata.Named(name, new Dictionary<string, string> { [ObjectMetadata.NameLabel] = pod.Name }),
            Data = data,
        },
        new V1Volume { Name = name, ConfigMap = new V1ConfigMapVolumeSource { Name = name } },
        new V1VolumeMount { Name = name, MountPath = directory, ReadOnlyProperty = true });

    // WithConfigFile's files and the read-only bind mounts' (BindMounts), one ConfigMap per directory they are mounted in.
    private static List<ConfigFiles> FromModel(IResource member, PodPlan pod, ObjectMetadata metadata, PublishReport report) =>
        [.. member.Annotations.OfType<ConfigFileAnnotation>()
            .Select(f => new BindMounts.File(f.MountDirectory.TrimEnd('/'), f.FileName, File.ReadAllText(f.SourcePath)))
            .Concat(BindMounts.FilesOf(member, report))
            .GroupBy(f => f.Directory.Length > 1 ? f.Directory.TrimEnd('/') : f.Directory)
            .Select(directory =>
            {
                var name = $"{member.Name}-{KubernetesRules.Slug(directory.Key)}";
                Check(member, directory.Key, name, directory.Select(f => f.Name), report);
                if (directory.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
                {
                    report.Errors.Add($"'{member.Name}' is given two files named '{twice.Key}' in '{directory.Key}': rename or drop one.");
                }

                return Mounted(name, directory.Key, pod, metadata, directory.DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.Text));
            })];

    // The ConfigMap's name is also the pod's volume name, so it keeps the stricter rule of the two.
    private static void Check(IResource member, string directory, string name, IEnumerable<string> files, PublishReport report)
    {
        if (KubernetesRules.Dns1123Label.Check(name, $"ConfigMap name '{name}', of '{member.Name}' for directory '{directory}' and also a volume name,") is { } problem)
        {
            report.Errors.Add(
                $"{problem} It is '<member>-<directory>': shorten the name of '{member.Name}' or the directory given to " +
                $"{nameof(PodBuilderExtensions.WithConfigFile)}.");
        }

        foreach (var file in files)
        {
            if (KubernetesRules.ConfigMapKey.Check(file, $"Config file name '{file}' of '{member.Name}', a ConfigMap key,") is { } keyProblem)
            {
                report.Errors.Add($"{keyProblem} Rename the file.");
            }
        }
    }
}
