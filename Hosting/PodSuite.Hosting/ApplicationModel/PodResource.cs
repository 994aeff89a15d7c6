namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A pod: a named group of co-located compute resources that share volumes, the IPC namespace and localhost,
/// as the containers of one Kubernetes pod do.
/// </summary>
/// <remarks>
/// Locally the members run as processes on this host and the dashboard shows them under the pod.
/// A resource belongs to at most one pod; a resource in none is its own single-container pod.
/// </remarks>
/// <param name="name">The name of the pod.</param>
public sealed class PodResource(string name) : Resource(name)
{
    private readonly List<SharedVolume> _sharedVolumes = [];
    private readonly List<IpcKey> _ipcKeys = [];

    /// <summary>The shared volumes owned by this pod, in the order they were added.</summary>
    public IReadOnlyList<SharedVolume> SharedVolumes => _sharedVolumes;

    internal IpcKey AddIpcKey(string name, int value)
    {
        if (_ipcKeys.Any(k => k.Name == name))
        {
            throw new DistributedApplicationException(
                $"Pod '{Name}' already has an IPC key named '{name}'. Give each IPC key of a pod its own name.");
        }

        var key = new IpcKey(name, this, value);
        _ipcKeys.Add(key);
        return key;
    }

    internal SharedVolume AddSharedVolume(string name)
    {
        if (_sharedVolumes.Any(v => v.Name == name))
        {
            throw new DistributedApplicationException(
                $"Pod '{Name}' already has a shared volume named '{name}'. Give each shared volume of a pod its own name.");
        }

        var volume = new SharedVolume(name, this);
        _sharedVolumes.Add(volume);
        return volume;
    }

    /// <summary>The resources of <paramref name="model"/> that are members of this pod, in model order.</summary>
    /// <param name="model">The application model to search.</param>
    /// <returns>The members of this pod.</returns>
    public IEnumerable<IResource> GetMembers(DistributedApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Resources.Where(r => r.Annotations.OfType<PodMemberAnnotation>().Any(a => a.Pod == this));
    }
}
