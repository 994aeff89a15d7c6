using System.Runtime.InteropServices;

namespace PodSuite.Ipc;

/// <summary>The System V message queue calls of the C library, with the flag and command values of Linux.</summary>
internal static partial class SystemV
{
    public const int IpcCreate = 0x200;      // IPC_CREAT
    public const int IpcNoWait = 0x800;      // IPC_NOWAIT
    public const int IpcRemove = 0;          // IPC_RMID
    public const int IpcStat = 2;            // IPC_STAT

    private const string LibC = "libc";

    [LibraryImport(LibC, EntryPoint = "msgget", SetLastError = true)]
    public static partial int MessageGet(int key, int flags);

    [LibraryImport(LibC, EntryPoint = "msgsnd", SetLastError = true)]
    public static unsafe partial int MessageSend(int queueId, void* message, nuint size, int flags);

    [LibraryImport(LibC, EntryPoint = "msgrcv", SetLastError = true)]
    public static unsafe partial nint MessageReceive(int queueId, void* message, nuint size, nint type, int flags);

    [LibraryImport(LibC, EntryPoint = "msgctl", SetLastError = true)]
    public static unsafe partial int MessageControl(int queueId, int command, QueueIdDataStructure* buffer);

    /// <summary><c>struct msqid_ds</c> on 64-bit Linux (glibc and musl agree on these offsets).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 120)]
    public struct QueueIdDataStructure
    {
        [FieldOffset(72)] public nuint CurrentBytes;
        [FieldOffset(80)] public nuint MessageCount;
        [FieldOffset(88)] public nuint MaxBytes;
    }
}
