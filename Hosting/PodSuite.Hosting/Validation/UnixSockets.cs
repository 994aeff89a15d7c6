using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Validation;

/// <summary>The rules for Unix sockets in shared volumes: one listener each, and paths the kernel can hold.</summary>
internal static class UnixSockets
{
    public static void Check(DistributedApplicationModel model, ModelErrors errors)
    {
        var uses = model.Resources
            .SelectMany(r => r.Annotations.OfType<UnixSocketAnnotation>().Select(use => (Resource: r, Use: use)))
            .ToList();

        foreach (var socket in uses.GroupBy(u => u.Use.Socket))
        {
            var listeners = socket.Where(u => u.Use.Role == UnixSocketRole.Listens).Select(u => u.Resource.Name).Distinct().ToList();
            var what = $"Unix socket '{socket.Key.Name}' in shared volume '{socket.Key.Volume.Name}' of pod '{socket.Key.Volume.Pod.Name}'";
            if (listeners.Count == 0)
            {
                errors.Add(
                    $"{what} is connected to by {Names(socket.Select(u => u.Resource.Name).Distinct())} but no member listens on it; " +
                    $"call {nameof(UnixSocketExtensions.ListensOnUnixSocket)} on the member that serves it.");
            }
            else if (listeners.Count > 1)
            {
                errors.Add(
                    $"{what} is listened on by {Names(listeners)}; one member creates a socket. " +
                    $"Give each listener a socket of its own with {nameof(UnixSocketExtensions.AddUnixSocket)}.");
            }
        }

        foreach (var (resource, use) in uses.Where(u => !UnixSocket.Fits(u.Use.ContainerPath)))
        {
            errors.Add(
                $"Resource '{resource.Name}' would find Unix socket '{use.Socket.Name}' at '{use.ContainerPath}', " +
                $"{Encoding.UTF8.GetByteCount(use.ContainerPath)} bytes; a socket's path holds at most {UnixSocket.MaxPathBytes}. " +
                "Mount the volume at a shorter path or give the socket a shorter name.");
        }
    }

    /// <summary>Refuses a local run whose temporary directory makes a socket's path longer than the kernel allows.</summary>
    public static void CheckLocalPaths(SharedVolume volume)
    {
        foreach (var socket in volume.UnixSockets)
        {
            var path = socket.PathIn(volume.LocalPath!);
            if (!UnixSocket.Fits(path))
            {
                throw new DistributedApplicationException(
                    $"Unix socket '{socket.Name}' in shared volume '{volume.Name}' of pod '{volume.Pod.Name}' would be at '{path}' in this run, " +
                    $"{Encoding.UTF8.GetByteCount(path)} bytes; a socket's path holds at most {UnixSocket.MaxPathBytes}. " +
                    "Set TMPDIR to a shorter directory, or give the socket a shorter name.");
            }
        }
    }

    private static string Names(IEnumerable<string> names) => string.Join(" and ", names.Select(n => $"'{n}'"));
}
