using System.Text;

namespace PodSuite.InitOrder;

/// <summary>
/// The pod's own record of the order its init steps and app ran in: each appends when it began and when it ended to
/// one file in a shared volume of the pod. Every container reads the same clock, so the lines can be compared with
/// each other, which the orchestrator's start times cannot (see the README: Aspire's read up to a second early).
/// </summary>
public sealed class InitOrderLog
{
    /// <summary>The configuration key (environment variable <c>InitOrder__Directory</c>) of the shared volume's directory.</summary>
    public const string DirectoryKey = "InitOrder:Directory";

    public const string FileName = "init-order.log";

    private readonly TimeProvider _clock;

    public InitOrderLog(string directory, TimeProvider clock)
    {
        _clock = clock;
        Path = System.IO.Path.Combine(directory, FileName);
    }

    public string Path { get; }

    /// <summary>The log in the directory <see cref="DirectoryKey"/> names; throws, naming the setting, without one.</summary>
    /// <param name="directory">The value of <see cref="DirectoryKey"/>.</param>
    /// <param name="clock">The clock the records are stamped with.</param>
    public static InitOrderLog In(string? directory, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
        {
            throw new InvalidOperationException(
                $"'{DirectoryKey}' (environment variable InitOrder__Directory) must name an existing directory, a shared volume of the pod; it is '{directory}'.");
        }

        return new InitOrderLog(directory, clock);
    }

    public InitOrderRecord Began(string container) => Append(new InitOrderRecord(_clock.GetUtcNow(), container, null));

    /// <summary>Records the end; call it last, just before the process exits with <paramref name="exitCode"/>.</summary>
    public InitOrderRecord Ended(string container, int exitCode) => Append(new InitOrderRecord(_clock.GetUtcNow(), container, exitCode));

    /// <summary>The records so far, in the order they were appended.</summary>
    public IReadOnlyList<InitOrderRecord> Read() =>
        File.Exists(Path) ? [.. File.ReadAllLines(Path).Select(InitOrderRecord.Parse).OfType<InitOrderRecord>()] : [];

    private InitOrderRecord Append(InitOrderRecord record)
    {
        // One write to a file opened for appending (O_APPEND): lines from containers writing at once never interleave.
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        file.Write(Encoding.UTF8.GetBytes(record + "\n"));
        return record;
    }
}
