namespace PodSuite.IpcRun;

/// <summary>
/// What one member of mc2 did in one run, as it reports it on its way out: mc2 runs to completion, so a pod that stays
/// up (mc3's web app) keeps the report and shows it.
/// </summary>
/// <param name="Member">The container: <c>producer</c> or <c>consumer</c>.</param>
/// <param name="Host">The host name it ran on: the pod's in a pod.</param>
/// <param name="StartedAt">When its run began.</param>
/// <param name="EndedAt">When its run ended.</param>
/// <param name="Outcome">How the run ended, in the member's words (for example <c>Delivered</c>, <c>Completed</c>, <c>NoQueue</c>).</param>
/// <param name="ExitCode">The exit code the container ends with.</param>
/// <param name="Total">How many data messages it sent or received.</param>
/// <param name="Messages">The first of them, at most <see cref="MaxMessages"/>.</param>
public sealed record IpcRunReport(
    string Member, string Host, DateTimeOffset StartedAt, DateTimeOffset EndedAt, string Outcome, int ExitCode, long Total,
    IReadOnlyList<IpcRunMessage> Messages)
{
    /// <summary>The members of mc2 that report.</summary>
    public static readonly IReadOnlyList<string> Members = ["producer", "consumer"];

    /// <summary>How many messages a report lists; the rest are only counted.</summary>
    public const int MaxMessages = 50;

    /// <summary>The path on mc3's proxy that takes reports (POST) and serves mc2's page (GET <c>/mc2</c>).</summary>
    public const string Path = "/runs/mc2";
}

/// <summary>One data message as a member of mc2 saw it.</summary>
/// <param name="Number">Its sequence number, from 0.</param>
/// <param name="Text">Its text: two digits.</param>
/// <param name="At">When it was sent or received.</param>
/// <param name="LatencyMicroseconds">For a received message, how long it took from send to receive.</param>
/// <param name="TraceId">The trace of its send, when it was traced.</param>
public sealed record IpcRunMessage(long Number, string Text, DateTimeOffset At, double? LatencyMicroseconds, string? TraceId);
