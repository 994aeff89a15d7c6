using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ipc.Tests;

/// <summary>The IPC demo program in one role, run as a child process; killed by process id if a test leaves it running.</summary>
internal sealed class DemoProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    public DemoProcess(string role, int queueKey, params (string Name, string Value)[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "IpcDemo.dll"), role },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Ipc__QueueKey"] = queueKey.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            },
        };
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>The values after "Produced: " or "Consumed: " that are two-digit message texts, in order.</summary>
    public IReadOnlyList<string> Messages(string verb) =>
        [.. Lines.Select(l => l.Split($"{verb}: ", 2)).Where(p => p.Length == 2 && p[1].Length == 2).Select(p => p[1])];

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

    public void Terminate() => Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

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
