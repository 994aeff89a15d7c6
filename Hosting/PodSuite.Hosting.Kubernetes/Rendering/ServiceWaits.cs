using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>WaitFor on a resource of another pod: an init container that waits until that pod's Service accepts connections.</summary>
internal static class ServiceWaits
{
    private const int ConnectTimeoutSeconds = 2;
    private const int RetrySeconds = 2;

    /// <param name="service">The Service port to wait for.</param>
    /// <param name="address">Where that Service is reached from this pod.</param>
    /// <param name="options">The publish's settings, with the image that waits.</param>
    /// <param name="podIsNonRoot">Whether the pod says non-root for every container, or each must.</param>
    public static V1Container Of(ServicePortPlan service, (string Host, int Port) address, KubernetesPublishOptions options, bool podIsNonRoot)
    {
        var target = $"{address.Host} {address.Port.ToString(CultureInfo.InvariantCulture)}";
        return new V1Container
        {
            Name = ServiceWaitNames.Of(service.Member),
            Image = options.WaitImage,
            ImagePullPolicy = Images.PullPolicy,
            Command = ["sh", "-c",
                $"until nc -z -w {ConnectTimeoutSeconds} {target}; do echo waiting for {service.Member.Name} at {target}; sleep {RetrySeconds}; done"],
            Resources = ResourceRequirements.For(ResourceRequirements.ServiceWait),
            SecurityContext = SecurityDefaults.Container(ContainerSecurityProfile.Restricted(SecurityDefaults.NobodyUser), podIsNonRoot),
        };
    }
}
