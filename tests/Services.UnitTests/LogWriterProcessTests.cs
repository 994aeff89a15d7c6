using System.Diagnostics;
using PodSuite.LogWriter;

namespace Services.UnitTests;

/// <summary>
/// The log writer from its build output on a volume that is read-only or full: a real file system of each kind, a
/// tmpfs mounted in a mount namespace of the test's own (<c>unshare</c>), gone when the process ends.
/// </summary>
public sealed class LogWriterProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const string Listing = "listing:";

    private readonly DirectoryInfo _volume = Directory.CreateTempSubdirectory("podsuite-logwriter-volume-");

    public void Dispose() => _volume.Delete(recursive: true);

    [Fact]
    public async Task OnAReadOnlyVolumeTheWriterExitsWithAnIoErrorNamingTheCause()
    {
        using var writer = Start("ro");

        Assert.Equal(TimestampWriter.CannotWriteExitCode, await writer.WaitForExitAsync(Timeout));
        Assert.Contains(writer.Lines, l => l.Contains("Read-only file system", StringComparison.Ordinal) && l.Contains("must be writable", StringComparison.Ordinal));
        Assert.Empty(FilesLeft(writer));
    }

    [Fact]
    public async Task OnAFullVolumeTheWriterExitsWithAnIoErrorAndLeavesNoTemporaryCopy()
    {
        using var writer = Start("size=4k", ("LogWriter__Interval", "00:00:00.005"), ("LogWriter__MaxLines", "100000"));

        Assert.Equal(TimestampWriter.CannotWriteExitCode, await writer.WaitForExitAsync(Timeout));
        Assert.Contains(writer.Lines, l => l.Contains("No space left on device", StringComparison.Ordinal));
        Assert.Equal(["index.html"], FilesLeft(writer));
    }

    // Mounts a tmpfs with the options over the volume, runs the writer on it, then lists what is left there.
    private ChildProcess Start(string mountOptions, params (string Name, string Value)[] settings)
    {
        var output = Path.Combine(TestRepository.Root, "services", "LogWriter", "bin", "Debug", "net10.0");
        var start = new ProcessStartInfo("unshare")
        {
            ArgumentList =
            {
                "--map-root-user", "--mount", "sh", "-c",
                $"mount -t tmpfs -o {mountOptions} tmpfs \"$1\" || exit 99; dotnet \"$2\"; code=$?; echo {Listing} $(ls -A \"$1\"); exit $code",
                "sh", _volume.FullName, Path.Combine(output, "LogWriter.dll"),
            },
            WorkingDirectory = output,
            Environment =
            {
                ["LogWriter__Directory"] = _volume.FullName,
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            },
        };
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        return new ChildProcess(start);
    }

    private static string[] FilesLeft(ChildProcess writer) =>
        Assert.Single(writer.Lines, l => l.StartsWith(Listing, StringComparison.Ordinal))[Listing.Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
