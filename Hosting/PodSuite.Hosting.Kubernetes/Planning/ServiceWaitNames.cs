using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>The name of the init container that waits for another pod's Service: checked in planning, used in rendering.</summary>
internal static class ServiceWaitNames
{
    public static string Of(IResource target) => $"wait-for-{target.Name}";
}
