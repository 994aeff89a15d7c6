using Aspire.Hosting;
using k8s;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Runtimes.Kubectl;

/// <summary>
/// The app's Secret in the cluster (<see cref="AppSecrets"/>): applied server-side from standard input, so a key no pod
/// reads any more goes, and labelled as the app's data, which destroy keeps. A pod template carries the hash of the
/// values it reads, so a changed value rolls out the pods that read it. One of that name that is not this app's is
/// refused before anything changes.
/// </summary>
/// <param name="options">The publish's settings: the app's part-of label.</param>
/// <param name="namespaced">A kubectl command in the deploy's context and namespace.</param>
internal sealed class KubectlAppSecret(KubernetesPublishOptions options, Func<string[], ExternalCommand> namespaced)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    public string Name => AppSecretValue.SecretName(options);

    /// <summary>Marks each pod that reads the Secret with the hash of the values it reads.</summary>
    public static void Annotate(IReadOnlyList<PodManifest> pods, AppSecrets secrets)
    {
        foreach (var pod in pods)
        {
            if (secrets.HashFor(pod) is not { } hash)
            {
                continue;
            }

            var template = pod.Workload switch
            {
                V1Deployment deployment => deployment.Spec.Template.Metadata,
                V1Job job => job.Spec.Template.Metadata,
                _ => pod.Workload.Metadata,
            };
            template.Annotations ??= new Dictionary<string, string>();
            template.Annotations[AppSecrets.HashAnnotation] = hash;
        }
    }

    /// <summary>Fails when a Secret of that name is not this app's.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (await KubectlSecrets.FindAsync(namespaced, Name, cancellationToken).ConfigureAwait(false) is not { } secret)
        {
            return;
        }

        var labels = KubectlSecrets.LabelsOf(secret);
        if (!new AppOwnership(ObjectMetadata.PartOf(options)).Owns(labels))
        {
            throw new DistributedApplicationException(
                $"The deploy failed, and changed nothing: secret '{Name}' {AppOwnership.Whose(labels, "was not made by PodSuite")}, and PodSuite " +
                $"keeps the app's parameter values in it. Remove it ('{namespaced(["delete", "secret", Name])}'), or give this app another part-of label " +
                $"(--{KubernetesPublishOptions.Section}:{nameof(KubernetesPublishOptions.PartOf)}=...).");
        }
    }

    public Task ApplyAsync(AppSecrets secrets, CancellationToken cancellationToken) =>
        Apply().RunCheckedAsync(CommandTimeout, cancellationToken,
            KubernetesYaml.Serialize(KubectlSecrets.Labelled(options, Name, secrets.Values, (AppSecrets.DataLabel, "true"))));

    public ExternalCommand Apply() => namespaced(["apply", "--server-side", $"--field-manager={KubectlDeployment.FieldManager}", "-f", "-"]);
}
