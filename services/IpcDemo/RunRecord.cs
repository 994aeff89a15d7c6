using System.Diagnostics;
using PodSuite.IpcRun;

namespace PodSuite.IpcDemo;

/// <summary>
/// This process's record of its run: when it began, the first <see cref="IpcRunReport.MaxMessages"/> messages it sent or
/// received, and how many in all. Beyond that limit a message costs one increment, so a long run stays as fast.
/// </summary>
public sealed class RunRecord(TimeProvider time)
{
    private readonly List<IpcRunMessage> _messages = [];

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public long Total { get; private set; }

    public void Sent(long number, ReadOnlySpan<byte> text, ActivityContext trace)
    {
        if (Total++ < IpcRunReport.MaxMessages)
        {
            _messages.Add(new(number, System.Text.Encoding.UTF8.GetString(text), time.GetUtcNow(), null, TraceId(trace)));
        }
    }

    public void Received(long number, ReadOnlySpan<byte> text, long sentTimestamp, ActivityContext trace)
    {
        if (Total++ < IpcRunReport.MaxMessages)
        {
            var latency = Stopwatch.GetElapsedTime(sentTimestamp).TotalMicroseconds;
            _messages.Add(new(number, System.Text.Encoding.UTF8.GetString(text), time.GetUtcNow(), latency, TraceId(trace)));
        }
    }

    /// <summary>The report of the run that ended with <paramref name="outcome"/> and <paramref name="exitCode"/>.</summary>
    public IpcRunReport Report(string member, string outcome, int exitCode) =>
        new(member, Environment.MachineName, StartedAt, time.GetUtcNow(), outcome, exitCode, Total, [.. _messages]);

    private static string? TraceId(ActivityContext trace) => trace == default ? null : trace.TraceId.ToHexString();
}
