using System.Globalization;

namespace PodSuite.InitOrder;

/// <summary>Reads an init-order log for what the pod promises: each init step ended with success before the next began.</summary>
public static class InitOrderCheck
{
    /// <summary>
    /// What the records show against the order <paramref name="containers"/> should have run in: every container but
    /// the last (the app) began, ended with exit code 0, and only then did the next one begin; the last began.
    /// </summary>
    /// <returns>One sentence per problem, naming the containers and the times; empty when the order held.</returns>
    public static IReadOnlyList<string> FindProblems(IReadOnlyList<InitOrderRecord> records, params string[] containers)
    {
        var problems = new List<string>();
        DateTimeOffset? previousEnd = null;
        string? previous = null;
        for (var i = 0; i < containers.Length; i++)
        {
            var container = containers[i];
            var began = records.FirstOrDefault(r => r.Container == container && r.Began);
            if (began is null)
            {
                problems.Add($"{container} has no 'began' record.");
                return problems;
            }

            if (previousEnd is not null && began.At < previousEnd)
            {
                problems.Add($"{container} began at {Time(began.At)}, before {previous} ended at {Time(previousEnd.Value)}.");
            }

            if (i == containers.Length - 1)
            {
                break;
            }

            var ended = records.FirstOrDefault(r => r.Container == container && !r.Began);
            if (ended is null)
            {
                var next = records.FirstOrDefault(r => r.Container == containers[i + 1] && r.Began);
                problems.Add(next is null
                    ? $"{container} began at {Time(began.At)} but has no 'ended' record."
                    : $"{next.Container} began at {Time(next.At)}, while {container} (began at {Time(began.At)}) had not ended.");
                return problems;
            }

            if (ended.ExitCode != 0)
            {
                problems.Add($"{container} ended with exit code {ended.ExitCode} at {Time(ended.At)}.");
            }

            (previous, previousEnd) = (container, ended.At);
        }

        return problems;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
