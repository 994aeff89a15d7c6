namespace Ipc.Tests;

/// <summary>
/// A thread of this process as the kernel sees it, so a test can wait until the thread is blocked in a system call:
/// a positive signal that it is waiting, where a sleep would only hope so.
/// </summary>
internal static class BlockedThread
{
    /// <summary>The calling thread's kernel id.</summary>
    public static int CurrentId() => int.Parse(Path.GetFileName(new FileInfo("/proc/thread-self").LinkTarget!), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until thread <paramref name="id"/> sleeps in a kernel function whose name contains <paramref name="kernelFunction"/>.</summary>
    public static async Task WaitUntilBlockedInAsync(int id, string kernelFunction, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var wchan = "";
        while (!cancel.IsCancellationRequested)
        {
            var path = $"/proc/self/task/{id}/wchan";
            Assert.True(File.Exists(path), $"thread {id} ended without blocking in {kernelFunction}; it was last in '{wchan}'");
            wchan = await File.ReadAllTextAsync(path, CancellationToken.None);
            if (wchan.Contains(kernelFunction, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(10, CancellationToken.None);
        }

        Assert.Fail($"thread {id} never blocked in {kernelFunction} within {timeout}; it was last in '{wchan}'");
    }
}
