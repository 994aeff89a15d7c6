using System.Globalization;

namespace PodSuite.InitOrder;

/// <summary>One line of the init-order log: a container of the pod began, or ended with an exit code.</summary>
/// <param name="At">When, on the clock every container of the pod shares (the node's).</param>
/// <param name="Container">The container's name in the pod.</param>
/// <param name="ExitCode">The exit code when the container ended; <see langword="null"/> when it began.</param>
public sealed record InitOrderRecord(DateTimeOffset At, string Container, int? ExitCode)
{
    public bool Began => ExitCode is null;

    /// <summary>What happened: <c>began</c>, or <c>ended</c> and the exit code.</summary>
    public string Event => Began ? "began" : $"ended {ExitCode!.Value.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The line as written: <c>2026-11-26T07:11:41.2017230Z init-myservice ended 0</c>.</summary>
    public override string ToString() => $"{At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)} {Container} {Event}";

    /// <summary>Reads a line written by <see cref="ToString"/>; <see langword="null"/> for anything else.</summary>
    public static InitOrderRecord? Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length < 3 || !DateTimeOffset.TryParseExact(parts[0], "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return null;
        }

        return (parts[2], parts.Length) switch
        {
            ("began", 3) => new(at, parts[1], null),
            ("ended", 4) when int.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exitCode) => new(at, parts[1], exitCode),
            _ => null,
        };
    }
}
