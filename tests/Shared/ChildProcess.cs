using System.Collections.Concurrent;
using System.Diagnostics;

namespace PodSuite.Tests;

/// <summary>
/// A program the tests run as a child process, with every line it prints kept; killed by process id (with its
/// children) if a test leaves it running.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    public ChildProcess(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Its output and errors so far, a line each.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Waits (bounded) until a line contains <paramref name="text"/>; fails at once if the process exits first.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            Assert.False(_process.HasExited && !Lines.Any(l => l.Contains(text, StringComparison.Ordinal)),
                $"the process exited without printing '{text}':\n{string.Join('\n', Lines)}");
            await Task.Delay(20, cancel.Token);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process ends at once, with no chance to send anything more.</summary>
    public void Kill() => _process.Kill();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
