using System.Diagnostics;

namespace Ipc.Tests;

/// <summary>The IPC demo program in one role, run as a child process.</summary>
internal sealed class DemoProcess : IDisposable
{
    private readonly ChildProcess _process;

    public DemoProcess(string role, int queueKey, params (string Name, string Value)[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "IpcDemo.dll"), role },
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

        _process = new ChildProcess(start);
    }

    public int Id => _process.Id;

    public IReadOnlyList<string> Lines => _process.Lines;

    /// <summary>The values after "Produced: " or "Consumed: " that are two-digit message texts, in order.</summary>
    public IReadOnlyList<string> Messages(string verb) =>
        [.. Lines.Select(l => l.Split($"{verb}: ", 2)).Where(p => p.Length == 2 && p[1].Length == 2).Select(p => p[1])];

    public Task WaitForLineAsync(string text, TimeSpan timeout) => _process.WaitForLineAsync(text, timeout);

    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    public void Terminate() => Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    /// <summary>SIGKILL: the process ends at once, with no chance to send anything more.</summary>
    public void Kill() => _process.Kill();

    public void Dispose() => _process.Dispose();
}
