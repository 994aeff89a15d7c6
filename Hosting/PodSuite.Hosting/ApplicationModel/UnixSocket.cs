using System.Text;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A Unix domain socket in a pod's <see cref="SharedVolume"/>: one member listens on it, others connect to it, the way
/// the containers of one pod share a file. It is the file <see cref="Name"/> in the volume, so each member finds it
/// under its own mount path of the volume.
/// </summary>
public sealed class UnixSocket
{
    /// <summary>
    /// The longest path a socket can have, in UTF-8 bytes: the kernel's <c>sun_path</c> holds 108 bytes, with the
    /// terminating NUL.
    /// </summary>
    public const int MaxPathBytes = 107;

    internal UnixSocket(string name, SharedVolume volume)
    {
        Name = name;
        Volume = volume;
    }

    /// <summary>The socket's file name in the volume, such as <c>webapp.sock</c>.</summary>
    public string Name { get; }

    /// <summary>The shared volume the socket lives in.</summary>
    public SharedVolume Volume { get; }

    /// <summary>The socket's path in a directory where its volume is mounted.</summary>
    /// <param name="directory">The volume's mount path in a container, or its host directory in a local run.</param>
    /// <returns>The path of the socket file.</returns>
    public string PathIn(string directory) => directory.TrimEnd('/') + "/" + Name;

    internal static bool Fits(string path) => Encoding.UTF8.GetByteCount(path) <= MaxPathBytes;
}
