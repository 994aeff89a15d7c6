using System.Text.RegularExpressions;

namespace PodSuite.Tests;

/// <summary>What the demo pods print and serve, as the local and the podman tests both read it.</summary>
internal static partial class DemoOutput
{
    /// <summary>The texts of the messages a producer or consumer logged, in order, for <paramref name="verb"/> <c>Produced</c> or <c>Consumed</c>.</summary>
    public static List<string> MessageTexts(IEnumerable<string> log, string verb) =>
        [.. log.Select(l => MessageLine().Match(l)).Where(m => m.Success && m.Groups["verb"].Value == verb).Select(m => m.Groups["text"].Value)];

    /// <summary>A line of mc1's page: one UTC timestamp, as the log writer writes it.</summary>
    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")]
    public static partial Regex TimestampLine();

    // "Produced: 07" or "Consumed: 07", at the end of a log line (podman's logs may end it with a carriage return).
    [GeneratedRegex(@"(?<verb>Produced|Consumed): (?<text>\d\d)\s*$")]
    private static partial Regex MessageLine();
}
