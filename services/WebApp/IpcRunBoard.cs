using PodSuite.IpcRun;

namespace PodSuite.WebApp;

/// <summary>
/// The latest report of each member of mc2, kept in memory: mc2's page until the next run (or until this web app
/// restarts, when mc2 has to run again to show one).
/// </summary>
public sealed class IpcRunBoard
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, IpcRunReport> _latest = [];

    /// <summary>Keeps <paramref name="report"/>; returns why not when it is not a whole report of a member of mc2.</summary>
    public string? Accept(IpcRunReport report)
    {
        if (!IpcRunReport.Members.Contains(report.Member))
        {
            return $"'{report.Member}' is not a member of mc2 that reports: expected one of {string.Join(", ", IpcRunReport.Members)}.";
        }

        // JSON can leave out what the record's types promise, and the page and its check read every field.
        if (report.Host is null || report.Outcome is null || report.Messages is null || report.Messages.Any(m => m?.Text is null))
        {
            return "A report needs its host, outcome and messages, and each message its text.";
        }

        if (report.Messages.DistinctBy(m => m.Number).Count() != report.Messages.Count)
        {
            return "A report lists each message number once.";
        }

        if (report.Messages.Count > IpcRunReport.MaxMessages || report.Messages.Count > report.Total)
        {
            return $"A report lists at most {IpcRunReport.MaxMessages} messages, and no more than its total ({report.Total}); this one lists {report.Messages.Count}.";
        }

        lock (_lock)
        {
            _latest[report.Member] = report;
        }

        return null;
    }

    public IpcRunReport? Latest(string member)
    {
        lock (_lock)
        {
            return _latest.GetValueOrDefault(member);
        }
    }

    /// <summary>The reports held, in the order of <see cref="IpcRunReport.Members"/>.</summary>
    public IReadOnlyList<IpcRunReport> All() => [.. IpcRunReport.Members.Select(Latest).OfType<IpcRunReport>()];
}
