using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Validation;

namespace PodSuite.Hosting.Local;

/// <summary>
/// Backs each shared volume with one fresh host directory for the duration of a local run, as an emptyDir lives as
/// long as its pod, and hands it to container members as a bind mount. The directories go when the app host stops,
/// or when it is disposed without having run. They are created before any member starts, so every member of a pod
/// sees the same directory from its first moment.
/// </summary>
internal sealed partial class LocalSharedVolumes(IHostApplicationLifetime lifetime, ILogger<LocalSharedVolumes> logger) : IDisposable
{
    private readonly List<string> _directories = [];

    public void Create(DistributedApplicationModel model)
    {
        lifetime.ApplicationStopped.Register(Delete);
        // Also when the process ends without the host stopping (a signal while it still starts, say).
        AppDomain.CurrentDomain.ProcessExit += DeleteOnExit;
        foreach (var pod in model.Resources.OfType<PodResource>())
        {
            foreach (var volume in pod.SharedVolumes)
            {
                volume.LocalPath = CreateDirectory(pod, volume);
                UnixSockets.CheckLocalPaths(volume);
            }
        }

        foreach (var container in model.Resources.OfType<ContainerResource>())
        {
            foreach (var mount in container.Annotations.OfType<SharedVolumeMountAnnotation>().ToList())
            {
                container.Annotations.Add(new ContainerMountAnnotation(
                    mount.Volume.LocalPath, mount.MountPath, ContainerMountType.BindMount, isReadOnly: false));
            }
        }
    }

    private string CreateDirectory(PodResource pod, SharedVolume volume)
    {
        var directory = Directory.CreateTempSubdirectory($"podsuite-{pod.Name}-{volume.Name}-").FullName;
        lock (_directories)
        {
            _directories.Add(directory);
        }

        LogCreated(pod.Name, volume.Name, directory);
        return directory;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= DeleteOnExit;
        Delete();
    }

    private void DeleteOnExit(object? sender, EventArgs e) => Delete();

    private void Delete()
    {
        List<string> directories;
        lock (_directories)
        {
            directories = [.. _directories];
        }

        foreach (var directory in directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
                lock (_directories)
                {
                    _directories.Remove(directory);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogNotDeleted(directory, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shared volume '{Volume}' of pod '{Pod}' is {Directory}")]
    private partial void LogCreated(string pod, string volume, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete shared volume directory {Directory}: {Reason}")]
    private partial void LogNotDeleted(string directory, string reason);
}
