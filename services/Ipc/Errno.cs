using System.Runtime.InteropServices;

namespace PodSuite.Ipc;

/// <summary>The error numbers the message queue calls report on Linux, by name.</summary>
public static class Errno
{
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int E2BIG = 7;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int EFAULT = 14;
    public const int EEXIST = 17;
    public const int EINVAL = 22;
    public const int ENOSPC = 28;
    public const int ENOSYS = 38;
    public const int ENOMSG = 42;
    public const int EIDRM = 43;

    /// <summary>The symbolic name of <paramref name="errno"/>, such as <c>EIDRM</c>.</summary>
    public static string Name(int errno) => errno switch
    {
        ENOENT => nameof(ENOENT),
        EINTR => nameof(EINTR),
        E2BIG => nameof(E2BIG),
        EAGAIN => nameof(EAGAIN),
        ENOMEM => nameof(ENOMEM),
        EACCES => nameof(EACCES),
        EFAULT => nameof(EFAULT),
        EEXIST => nameof(EEXIST),
        EINVAL => nameof(EINVAL),
        ENOSPC => nameof(ENOSPC),
        ENOSYS => nameof(ENOSYS),
        ENOMSG => nameof(ENOMSG),
        EIDRM => nameof(EIDRM),
        _ => $"errno {errno}",
    };

    /// <summary>The C library's description of <paramref name="errno"/>, such as "Identifier removed".</summary>
    public static string Meaning(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
