using System.Globalization;
using PodSuite.IpcRun;

namespace PodSuite.WebApp;

/// <summary>Compares the producer's report with the consumer's: did every message arrive, in order, as it was sent?</summary>
public static class IpcRunCheck
{
    /// <returns>What is wrong, one line each; none for a run in which every message arrived as sent and both exited 0.</returns>
    public static IReadOnlyList<string> FindProblems(IpcRunReport? producer, IpcRunReport? consumer)
    {
        var problems = new List<string>();
        foreach (var (member, report) in new[] { ("producer", producer), ("consumer", consumer) })
        {
            if (report is null)
            {
                problems.Add($"No report from {member} since this web app started.");
            }
            else if (report.ExitCode != 0)
            {
                problems.Add($"{member} ended with exit code {Number(report.ExitCode)} ({report.Outcome}).");
            }
        }

        if (producer is null || consumer is null)
        {
            return problems;
        }

        if (producer.Total != consumer.Total)
        {
            problems.Add($"producer sent {Number(producer.Total)} messages, consumer received {Number(consumer.Total)}.");
        }

        var received = consumer.Messages.ToDictionary(m => m.Number);
        foreach (var sent in producer.Messages)
        {
            if (!received.TryGetValue(sent.Number, out var message))
            {
                if (sent.Number < consumer.Total)
                {
                    problems.Add($"Message {Number(sent.Number)} is missing from the consumer's report.");
                }
            }
            else if (message.Text != sent.Text || (sent.TraceId is not null && message.TraceId is not null && sent.TraceId != message.TraceId))
            {
                problems.Add($"Message {Number(sent.Number)} was sent as '{sent.Text}' but received as '{message.Text}': the two reports are not of the same run.");
            }
        }

        return problems;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
