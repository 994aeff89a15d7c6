using PodSuite.IpcRun;

namespace Ipc.Tests;

/// <summary>
/// mc2 runs to completion, so its members report their run to a pod that stays up (mc3's web app), which serves mc2's
/// page. Here the two run as processes on one host, reporting to a stand-in receiver.
/// </summary>
public class RunReportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EachMemberReportsTheMessagesItLoggedTheFirstFiftyListedWithItsOutcomeAndExitCode()
    {
        using var receiver = new ReportReceiver();
        var key = KernelQueue.NewKey();
        var reportTo = ("Ipc__ReportTo", receiver.Address.ToString());
        using var consumer = new DemoProcess("consume", key, reportTo);
        using var producer = new DemoProcess("produce", key, reportTo, ("Ipc__Count", "60"));

        Assert.Equal(0, await producer.WaitForExitAsync(Timeout));
        Assert.Equal(0, await consumer.WaitForExitAsync(Timeout));

        var reports = receiver.Reports.ToDictionary(r => r.Member);
        Assert.Equal(["consumer", "producer"], reports.Keys.Order());
        var produced = producer.Messages("Produced");
        Assert.Equal(60, produced.Count);
        foreach (var (member, outcome, logged) in new[] { ("producer", "Delivered", produced), ("consumer", "Completed", consumer.Messages("Consumed")) })
        {
            var report = reports[member];
            Assert.Equal((outcome, 0, 60L), (report.Outcome, report.ExitCode, report.Total));
            Assert.Equal(logged.Take(IpcRunReport.MaxMessages), report.Messages.Select(m => m.Text));
            Assert.Equal(Enumerable.Range(0, IpcRunReport.MaxMessages).Select(n => (long)n), report.Messages.Select(m => m.Number));
            Assert.Equal(Environment.MachineName, report.Host);
            Assert.True(report.StartedAt <= report.EndedAt);
        }

        Assert.All(reports["consumer"].Messages, m => Assert.True(m.LatencyMicroseconds > 0, $"message {m.Number} has no time on the queue"));
        Assert.All(reports["producer"].Messages, m => Assert.Null(m.LatencyMicroseconds));
        Assert.Contains(consumer.Lines, l => l.Contains("Reported the consumer's run to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReportIsRetriedWhileItsReceiverIsNotUpAndCarriesAFailedRunsExitCode()
    {
        using var receiver = new ReportReceiver(refuseFirst: 2);
        using var consumer = new DemoProcess("consume", KernelQueue.NewKey(),
            ("Ipc__ReportTo", receiver.Address.ToString()), ("Ipc__QueueWaitTimeout", "00:00:01"));

        Assert.Equal(2, await consumer.WaitForExitAsync(Timeout));

        var report = Assert.Single(receiver.Reports);
        Assert.Equal(("consumer", "NoQueue", 2, 0L), (report.Member, report.Outcome, report.ExitCode, report.Total));
        Assert.Equal(3, receiver.Requests);
        Assert.Contains(consumer.Lines, l => l.Contains("Reported the consumer's run to", StringComparison.Ordinal) && l.Contains("(attempt 3)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReportNobodyTakesIsGivenUpAfterItsTimeoutAndTheRunsExitCodeStands()
    {
        var nobody = $"http://127.0.0.1:{ReportReceiver.FreePort()}{IpcRunReport.Path}";
        var key = KernelQueue.NewKey();
        using var consumer = new DemoProcess("consume", key, ("Ipc__ReportTo", nobody), ("Ipc__ReportTimeout", "00:00:02"));
        using var producer = new DemoProcess("produce", key, ("Ipc__ReportTo", nobody), ("Ipc__ReportTimeout", "00:00:02"));

        Assert.Equal(0, await producer.WaitForExitAsync(Timeout));
        Assert.Equal(0, await consumer.WaitForExitAsync(Timeout));
        Assert.Contains(consumer.Lines, l => l.Contains("Could not report the consumer's run to", StringComparison.Ordinal)
            && l.Contains("The run's exit code stands", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ftp://mc3/runs/mc2")]
    [InlineData("mc3:8080/runs/mc2")]
    public async Task AReportAddressThatIsNotAnHttpUrlIsRefusedAtStartInOneLineNamingTheContainer(string address)
    {
        using var consumer = new DemoProcess("consume", KernelQueue.NewKey(), ("Ipc__ReportTo", address));

        Assert.Equal(78, await consumer.WaitForExitAsync(Timeout));
        Assert.Equal(["consumer: Ipc:ReportTo must be an absolute http(s) URL, or empty for no report."], consumer.Lines.Where(l => l.Length > 0));
    }

    [Fact]
    public async Task ASettingThatIsNotANumberIsRefusedAtStartInOneLineNamingTheContainerAndTheSetting()
    {
        using var consumer = new DemoProcess("consume", KernelQueue.NewKey(), ("Ipc__ReportTimeout", "soon"));

        Assert.Equal(78, await consumer.WaitForExitAsync(Timeout));
        var line = Assert.Single(consumer.Lines, l => l.Length > 0);
        Assert.StartsWith("consumer: ", line, StringComparison.Ordinal);
        Assert.Contains("'soon'", line, StringComparison.Ordinal);
        Assert.Contains("Ipc:ReportTimeout", line, StringComparison.Ordinal);
    }
}
