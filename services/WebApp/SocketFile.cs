using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PodSuite.WebApp;

/// <summary>
/// What is at a Unix socket's path before the web app listens there. Kestrel refuses to bind over an existing file, and
/// a web app that crashed leaves its socket behind: such a file is removed, but only once nothing answers on it.
/// </summary>
public static partial class SocketFile
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Removes the socket at <paramref name="path"/> when nothing listens on it; true if it did. Fails, leaving the file,
    /// when it is not a socket, when something answers on it, or when this user may not connect to it.
    /// </summary>
    /// <param name="path">The socket's path.</param>
    /// <param name="setting">The setting that names the path, for the error.</param>
    public static bool RemoveIfStale(string path, string setting)
    {
        if (Type(path) is not { } type)
        {
            return false;
        }

        if (type != FileType.Socket)
        {
            throw new InvalidOperationException(
                $"{path} ({setting}) is a {type.ToString().ToLowerInvariant()}, not a socket; the web app leaves it alone. " +
                $"Remove it, or set {setting} to another path.");
        }

        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            probe.ConnectAsync(new UnixDomainSocketEndPoint(path), timeout.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            File.Delete(path);
            return true;
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException(
                $"{path} ({setting}) is a socket this web app cannot check ({e.Message}); the web app leaves it alone. " +
                $"Remove it, or set {setting} to another path.", e);
        }
        catch (OperationCanceledException)
        {
            // Accepts nothing within the timeout but holds the path: a listener with a full backlog, still someone's.
        }

        throw new InvalidOperationException(
            $"Something already listens on {path} ({setting}): another web app of this pod, or one still stopping. " +
            $"Stop it, or set {setting} to another path.");
    }

    private enum FileType
    {
        Socket,
        File,
        Directory,
        Other,
    }

    private static FileType? Type(string path)
    {
        // statx's layout is the same on every architecture, unlike stat's; the type is in the top bits of stx_mode.
        var buffer = new byte[256];
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error == NoSuchFile ? null : throw new IOException($"Cannot read what is at {path}: {Marshal.GetPInvokeErrorMessage(error)}");
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0xC000 => FileType.Socket,
            0x8000 => FileType.File,
            0x4000 => FileType.Directory,
            _ => FileType.Other,
        };
    }

    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int NoSuchFile = 2;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
