namespace Aspire.Hosting.ApplicationModel
{
    public sealed class ContainerResources : System.IEquatable<Aspire.Hosting.ApplicationModel.ContainerResources>
    {
        public ContainerResources(string CpuRequest, string MemoryRequest, string CpuLimit, string MemoryLimit) { }
        public string CpuLimit { get; init; }
        public string CpuRequest { get; init; }
        public string MemoryLimit { get; init; }
        public string MemoryRequest { get; init; }
        public static Aspire.Hosting.ApplicationModel.ContainerResources Default { get; }
    }
    public sealed class ContainerResourcesAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public ContainerResourcesAnnotation(Aspire.Hosting.ApplicationModel.ContainerResources resources) { }
        public Aspire.Hosting.ApplicationModel.ContainerResources Resources { get; }
    }
    public sealed class ContainerSecurityProfile
    {
        public long? Group { get; }
        public bool IsRestricted { get; }
        public long? User { get; }
        public System.Collections.Generic.IReadOnlyList<string> WritableDirectories { get; }
        public static Aspire.Hosting.ApplicationModel.ContainerSecurityProfile ImageDefaults { get; }
        public static Aspire.Hosting.ApplicationModel.ContainerSecurityProfile Restricted(long user, long? group = default, params string[] writableDirectories) { }
    }
    public sealed class EndpointServiceTypeAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public EndpointServiceTypeAnnotation(string endpointName, Aspire.Hosting.ApplicationModel.PodServiceType type) { }
        public string EndpointName { get; }
        public Aspire.Hosting.ApplicationModel.PodServiceType Type { get; }
    }
    public sealed class KubernetesPodsDashboard
    {
        public const string ContainerName = "dashboard";
        public const string LoginSecretName = "aspire-dashboard-login";
        public const string PodName = "aspire-dashboard";
        public KubernetesPodsDashboard() { }
        public bool Enabled { get; set; }
        public int FrontendPort { get; set; }
        public string Image { get; set; }
        public int OtlpPort { get; set; }
        public Aspire.Hosting.ApplicationModel.PodServiceType ServiceType { get; set; }
        public bool Unsecured { get; set; }
        public static string AspireVersion { get; }
        public static string DefaultImage { get; }
    }
    public sealed class KubernetesPodsEnvironmentResource : Aspire.Hosting.ApplicationModel.Resource
    {
        public KubernetesPodsEnvironmentResource(string name) { }
        public string? AspNetBaseImage { get; set; }
        public Aspire.Hosting.ApplicationModel.KubernetesPodsDashboard Dashboard { get; }
        public Aspire.Hosting.ApplicationModel.PodServiceType DefaultServiceType { get; set; }
        public System.TimeSpan DeployTimeout { get; set; }
        public bool DestroyData { get; set; }
        public string? ImageTag { get; set; }
        public string? KubeContext { get; set; }
        public string? Namespace { get; set; }
        public string? PartOf { get; set; }
        public string Registry { get; set; }
        public Aspire.Hosting.ApplicationModel.PodRuntime Runtime { get; set; }
        public string? RuntimeDepsBaseImage { get; set; }
        public Aspire.Hosting.ApplicationModel.KubernetesPodsVolumes Volumes { get; }
        public string WaitImage { get; set; }
    }
    public sealed class KubernetesPodsVolumes
    {
        public static readonly System.Collections.Generic.IReadOnlyList<string> AccessModes;
        public KubernetesPodsVolumes() { }
        public string AccessMode { get; set; }
        public bool Persistent { get; set; }
        public string Size { get; set; }
        public string? StorageClass { get; set; }
    }
    public sealed class LivenessCommandAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public LivenessCommandAnnotation(System.Collections.Generic.IReadOnlyList<string> command) { }
        public System.Collections.Generic.IReadOnlyList<string> Command { get; }
    }
    public sealed class NativeSidecarAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public NativeSidecarAnnotation() { }
    }
    public sealed class PodJobAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public PodJobAnnotation(int backoffLimit, int ttlSecondsAfterFinished) { }
        public int BackoffLimit { get; }
        public int TtlSecondsAfterFinished { get; }
    }
    public enum PodRuntime
    {
        Kubernetes = 0,
        Podman = 1,
    }
    public sealed class PodServiceAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public PodServiceAnnotation(Aspire.Hosting.ApplicationModel.PodServiceType type, Aspire.Hosting.ApplicationModel.PodServicePorts ports) { }
        public Aspire.Hosting.ApplicationModel.PodServicePorts Ports { get; }
        public Aspire.Hosting.ApplicationModel.PodServiceType Type { get; }
    }
    public enum PodServicePorts
    {
        OneService = 0,
        ServicePerPort = 1,
    }
    public enum PodServiceType
    {
        ClusterIP = 0,
        NodePort = 1,
        LoadBalancer = 2,
    }
    public sealed class SecretEnvironmentAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public SecretEnvironmentAnnotation(string name, string secretName, string key, bool optional) { }
        public string Key { get; }
        public string Name { get; }
        public bool Optional { get; }
        public string SecretName { get; }
    }
}
namespace Aspire.Hosting
{
    public static class KubernetesPodsExtensions
    {
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.KubernetesPodsEnvironmentResource> AddKubernetesPods(this Aspire.Hosting.IDistributedApplicationBuilder builder, [Aspire.Hosting.ApplicationModel.ResourceName] string name) { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.KubernetesPodsEnvironmentResource> WithDashboard(this Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.KubernetesPodsEnvironmentResource> builder, System.Action<Aspire.Hosting.ApplicationModel.KubernetesPodsDashboard> configure) { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.KubernetesPodsEnvironmentResource> WithProperties(this Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.KubernetesPodsEnvironmentResource> builder, System.Action<Aspire.Hosting.ApplicationModel.KubernetesPodsEnvironmentResource> configure) { }
    }
    public static class PodPublishingExtensions
    {
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.PodResource> PublishAsJob(this Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.PodResource> pod, int backoffLimit = 0, int ttlSecondsAfterFinished = 3600) { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> PublishAsNativeSidecar<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder)
            where T : Aspire.Hosting.ApplicationModel.IComputeResource { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> PublishEndpointAs<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder, string endpointName, Aspire.Hosting.ApplicationModel.PodServiceType type)
            where T : Aspire.Hosting.ApplicationModel.IResourceWithEndpoints { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> PublishEnvironmentFromSecret<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder, string name, string secretName, string key, bool optional = false)
            where T : Aspire.Hosting.ApplicationModel.IResourceWithEnvironment { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> PublishWithContainerPort<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder, int port, string endpointName = "http")
            where T : Aspire.Hosting.ApplicationModel.IResourceWithEndpoints { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> PublishWithContainerResources<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder, Aspire.Hosting.ApplicationModel.ContainerResources resources)
            where T : Aspire.Hosting.ApplicationModel.IComputeResource { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> PublishWithLivenessCommand<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder, params string[] command)
            where T : Aspire.Hosting.ApplicationModel.IComputeResource { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> PublishWithSecurityProfile<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder, Aspire.Hosting.ApplicationModel.ContainerSecurityProfile profile)
            where T : Aspire.Hosting.ApplicationModel.ContainerResource { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.PodResource> PublishWithService(this Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.PodResource> pod, Aspire.Hosting.ApplicationModel.PodServiceType type, Aspire.Hosting.ApplicationModel.PodServicePorts ports = 0) { }
    }
}
