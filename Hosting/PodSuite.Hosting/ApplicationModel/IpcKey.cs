namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The key of a System V IPC object (a message queue, semaphore or shared memory segment) that the members of a pod
/// share. In Kubernetes each pod has its own IPC namespace, so a fixed key is safe; locally every process shares the
/// host's, so each run of the app host gets a random key and parallel runs never collide.
/// </summary>
public sealed class IpcKey
{
    internal IpcKey(string name, PodResource pod, int value)
    {
        Name = name;
        Pod = pod;
        Value = value;
    }

    /// <summary>The name of the key, unique within its pod.</summary>
    public string Name { get; }

    /// <summary>The pod whose members share the key.</summary>
    public PodResource Pod { get; }

    /// <summary>The key: random for a local run, fixed when published.</summary>
    public int Value { get; }

    /// <summary>A key derived from the pod's and the key's names (FNV-1a), never 0 (IPC_PRIVATE) nor negative.</summary>
    internal static int Stable(string podName, string keyName)
    {
        var hash = 2166136261u;
        foreach (var c in $"{podName}/{keyName}")
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF) is var key and not 0 ? key : 1;
    }
}
