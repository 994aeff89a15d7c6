namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Scratch storage owned by a pod and mounted by its members, each at its own path:
/// an <c>emptyDir</c> in Kubernetes, one fresh host directory per run locally.
/// </summary>
public sealed class SharedVolume
{
    internal SharedVolume(string name, PodResource pod)
    {
        Name = name;
        Pod = pod;
    }

    /// <summary>The name of the volume, unique within its pod.</summary>
    public string Name { get; }

    /// <summary>The pod that owns the volume.</summary>
    public PodResource Pod { get; }

    /// <summary>
    /// The host directory that backs the volume during a local run, created before any member starts;
    /// <see langword="null"/> before the run starts and when publishing.
    /// </summary>
    public string? LocalPath { get; internal set; }

    /// <summary>The Unix sockets in this volume, in the order they were added.</summary>
    public IReadOnlyList<UnixSocket> UnixSockets => _unixSockets;

    private readonly List<UnixSocket> _unixSockets = [];

    internal UnixSocket CreateUnixSocket(string name)
    {
        if (_unixSockets.Any(s => s.Name == name))
        {
            throw new DistributedApplicationException(
                $"Shared volume '{Name}' of pod '{Pod.Name}' already has a Unix socket named '{name}'. Give each socket its own file name.");
        }

        var socket = new UnixSocket(name, this);
        _unixSockets.Add(socket);
        return socket;
    }
}
