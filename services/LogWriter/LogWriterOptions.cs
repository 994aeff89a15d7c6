namespace PodSuite.LogWriter;

/// <summary>Where and how often the log writer writes, and how much of the log it keeps.</summary>
public sealed class LogWriterOptions
{
    public const string Section = "LogWriter";

    /// <summary>The shared directory that holds the log (the pod's shared volume).</summary>
    public string Directory { get; set; } = "";

    /// <summary>The log's file name; <c>index.html</c> so that the static site serves it as its page.</summary>
    public string FileName { get; set; } = "index.html";

    /// <summary>The time between two timestamp lines.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many timestamp lines the file keeps; older lines are dropped.</summary>
    public int MaxLines { get; set; } = 60;
}
