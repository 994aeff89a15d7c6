using k8s;
using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// A pod's workload: a Deployment of the pod's replicas (<see cref="PodReplicas"/>; replaced whole, <c>Recreate</c>, when it
/// has a claim); when every app container runs to completion, a bare Pod that is not
/// restarted, or a Job when the model asks for one (<c>PublishAsJob</c>).
/// </summary>
internal static class Workloads
{
    private const string RestartNever = "Never";
    private const string RecreateStrategy = "Recreate";

    /// <summary>The pod's restart policy: Never for a bare pod that runs to completion; a Deployment's pods keep Kubernetes' default.</summary>
    public static string? RestartPolicyOf(StartOrder order) => order.RunsToCompletion ? RestartNever : null;

    public static IKubernetesObject<V1ObjectMeta> Of(
        PodPlan pod, StartOrder order, V1PodSpec spec, int replicas, ObjectMetadata metadata, Dictionary<string, string> selector,
        Dictionary<string, string> labels)
    {
        if (order.RunsToCompletion && pod.Pod?.Annotations.OfType<PodJobAnnotation>().LastOrDefault() is { } job)
        {
            return new V1Job
            {
                ApiVersion = "batch/v1",
                Kind = "Job",
                Metadata = metadata.Named(pod.Name, labels),
                Spec = new V1JobSpec
                {
                    BackoffLimit = job.BackoffLimit,
                    TtlSecondsAfterFinished = job.TtlSecondsAfterFinished,
                    Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = labels }, Spec = spec },
                },
            };
        }

        if (order.RunsToCompletion)
        {
            return new V1Pod { ApiVersion = "v1", Kind = "Pod", Metadata = metadata.Named(pod.Name, labels), Spec = spec };
        }

        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = metadata.Named(pod.Name, labels),
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                // A claim that one node at a time may mount (ReadWriteOnce): the old pod must let go of it before the
                // new one starts, or a rollout on another node waits forever.
                Strategy = spec.Volumes?.Any(v => v.PersistentVolumeClaim is not null) == true
                    ? new V1DeploymentStrategy { Type = RecreateStrategy }
                    : null,
                Selector = new V1LabelSelector { MatchLabels = selector },
                Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = labels }, Spec = spec },
            },
        };
    }
}
