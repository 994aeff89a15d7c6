namespace Aspire.Hosting
{
    public static class AppHostExitCodeExtensions
    {
        public const int FailureExitCode = 1;
        public static System.Threading.Tasks.Task<int> RunWithExitCodeAsync(this Aspire.Hosting.DistributedApplication app, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public static class PodBuilderExtensions
    {
        public const string PodResourceType = "Pod";
        public static Aspire.Hosting.ApplicationModel.IpcKey AddIpcKey(this Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.PodResource> pod, string name, int? publishedKey = default) { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.PodResource> AddPod(this Aspire.Hosting.IDistributedApplicationBuilder builder, [Aspire.Hosting.ApplicationModel.ResourceName] string name) { }
        public static Aspire.Hosting.ApplicationModel.SharedVolume AddSharedVolume(this Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.PodResource> pod, string name) { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> InPod<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder, Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.PodResource> pod)
            where T : Aspire.Hosting.ApplicationModel.IComputeResource { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> RunsToCompletion<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder)
            where T : Aspire.Hosting.ApplicationModel.IComputeResource { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> WithConfigFile<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder, string path, string mountDirectory, string environmentVariable)
            where T : Aspire.Hosting.ApplicationModel.IResourceWithEnvironment { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> WithIpcKey<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder, Aspire.Hosting.ApplicationModel.IpcKey key, string environmentVariable)
            where T : Aspire.Hosting.ApplicationModel.IResourceWithEnvironment { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> WithSharedVolume<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder, Aspire.Hosting.ApplicationModel.SharedVolume volume, string mountPath, string environmentVariable)
            where T : Aspire.Hosting.ApplicationModel.IResourceWithEnvironment { }
    }
    public static class UnixSocketExtensions
    {
        public static Aspire.Hosting.ApplicationModel.UnixSocket AddUnixSocket(this Aspire.Hosting.ApplicationModel.SharedVolume volume, string fileName) { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> ConnectsToUnixSocket<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder, Aspire.Hosting.ApplicationModel.UnixSocket socket, string mountPath, string environmentVariable)
            where T : Aspire.Hosting.ApplicationModel.IResourceWithEnvironment { }
        public static Aspire.Hosting.ApplicationModel.IResourceBuilder<T> ListensOnUnixSocket<T>(this Aspire.Hosting.ApplicationModel.IResourceBuilder<T> builder, Aspire.Hosting.ApplicationModel.UnixSocket socket, string mountPath, string environmentVariable)
            where T : Aspire.Hosting.ApplicationModel.IResourceWithEnvironment { }
    }
}
namespace Aspire.Hosting.ApplicationModel
{
    public sealed class ConfigFileAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public ConfigFileAnnotation(string sourcePath, string mountDirectory, string environmentVariable) { }
        public string EnvironmentVariable { get; }
        public string FileName { get; }
        public string MountDirectory { get; }
        public string MountedPath { get; }
        public string SourcePath { get; }
    }
    public sealed class IpcKey
    {
        public string Name { get; }
        public Aspire.Hosting.ApplicationModel.PodResource Pod { get; }
        public int Value { get; }
    }
    public sealed class IpcKeyAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public IpcKeyAnnotation(Aspire.Hosting.ApplicationModel.IpcKey key, string environmentVariable) { }
        public string EnvironmentVariable { get; }
        public Aspire.Hosting.ApplicationModel.IpcKey Key { get; }
    }
    public sealed class PodMemberAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public PodMemberAnnotation(Aspire.Hosting.ApplicationModel.PodResource pod) { }
        public Aspire.Hosting.ApplicationModel.PodResource Pod { get; }
    }
    public sealed class PodResource : Aspire.Hosting.ApplicationModel.Resource
    {
        public PodResource(string name) { }
        public System.Collections.Generic.IReadOnlyList<Aspire.Hosting.ApplicationModel.SharedVolume> SharedVolumes { get; }
        public System.Collections.Generic.IEnumerable<Aspire.Hosting.ApplicationModel.IResource> GetMembers(Aspire.Hosting.ApplicationModel.DistributedApplicationModel model) { }
    }
    public sealed class RunToCompletionAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public RunToCompletionAnnotation() { }
    }
    public sealed class SharedVolume
    {
        public string? LocalPath { get; }
        public string Name { get; }
        public Aspire.Hosting.ApplicationModel.PodResource Pod { get; }
        public System.Collections.Generic.IReadOnlyList<Aspire.Hosting.ApplicationModel.UnixSocket> UnixSockets { get; }
    }
    public sealed class SharedVolumeMountAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public SharedVolumeMountAnnotation(Aspire.Hosting.ApplicationModel.SharedVolume volume, string mountPath, string? environmentVariable) { }
        public string? EnvironmentVariable { get; }
        public string MountPath { get; }
        public Aspire.Hosting.ApplicationModel.SharedVolume Volume { get; }
    }
    public sealed class UnixSocket
    {
        public const int MaxPathBytes = 107;
        public string Name { get; }
        public Aspire.Hosting.ApplicationModel.SharedVolume Volume { get; }
        public string PathIn(string directory) { }
    }
    public sealed class UnixSocketAnnotation : Aspire.Hosting.ApplicationModel.IResourceAnnotation
    {
        public UnixSocketAnnotation(Aspire.Hosting.ApplicationModel.UnixSocket socket, Aspire.Hosting.ApplicationModel.UnixSocketRole role, string mountPath, string environmentVariable) { }
        public string ContainerPath { get; }
        public string EnvironmentVariable { get; }
        public string MountPath { get; }
        public Aspire.Hosting.ApplicationModel.UnixSocketRole Role { get; }
        public Aspire.Hosting.ApplicationModel.UnixSocket Socket { get; }
    }
    public enum UnixSocketRole
    {
        Listens = 0,
        ConnectsTo = 1,
    }
}
