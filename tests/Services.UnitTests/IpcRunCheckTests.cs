using PodSuite.IpcRun;
using PodSuite.WebApp;

namespace Services.UnitTests;

public class IpcRunCheckTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ARunInWhichEveryMessageArrivedAsSentAndBothExitedZeroHasNoProblem() =>
        Assert.Empty(IpcRunCheck.FindProblems(Report("producer", 0, "12", "34"), Report("consumer", 0, "12", "34")));

    [Fact]
    public void AMissingReportAndANonZeroExitAreNamed()
    {
        Assert.Equal(["No report from producer since this web app started.", "consumer ended with exit code 2 (NoQueue)."],
            IpcRunCheck.FindProblems(null, Report("consumer", 2)));
    }

    [Fact]
    public void ReportsOfTwoRunsAreToldApartByTheirMessages()
    {
        var problems = IpcRunCheck.FindProblems(Report("producer", 0, "12", "34", "56"), Report("consumer", 0, "12", "99"));

        Assert.Equal(["producer sent 3 messages, consumer received 2.",
            "Message 1 was sent as '34' but received as '99': the two reports are not of the same run."], problems);
    }

    [Fact]
    public void TheBoardKeepsTheLatestReportOfEachMemberAndRefusesOthers()
    {
        var board = new IpcRunBoard();

        Assert.Null(board.Accept(Report("consumer", 0, "11")));
        Assert.Null(board.Accept(Report("consumer", 0, "22")));
        Assert.Contains("not a member of mc2", board.Accept(Report("webapp", 0)));
        Assert.Contains("at most 50 messages", board.Accept(Report("producer", 0, [.. Enumerable.Repeat("00", 51)])));
        Assert.Contains("each message number once", board.Accept(Report("producer", 0, "11", "22") with
        {
            Messages = [new IpcRunMessage(0, "11", At, null, null), new IpcRunMessage(0, "22", At, null, null)],
        }));
        Assert.Contains("needs its host, outcome and messages", board.Accept(Report("producer", 0) with { Messages = null! }));
        Assert.Contains("needs its host, outcome and messages", board.Accept(Report("producer", 0, "11") with
        {
            Messages = [new IpcRunMessage(0, null!, At, null, null)],
        }));

        Assert.Equal("22", Assert.Single(board.All()).Messages.Single().Text);
        Assert.Null(board.Latest("producer"));
    }

    [Fact]
    public void ThePageSaysWhenNoRunHasBeenReportedAndHowToMakeOne()
    {
        var html = Mc2Page.Render(null, null, "webapp", "mc3");

        Assert.Contains("<p id=\"no-run\">No run reported since this web app started.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"messages\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePageEncodesWhatAReportSays()
    {
        var html = Mc2Page.Render(Report("producer", 0, "<b>"), null, "webapp", "mc3");

        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    private static IpcRunReport Report(string member, int exitCode, params string[] texts) =>
        new(member, "mc2", At, At.AddSeconds(1), exitCode == 0 ? "Completed" : "NoQueue", exitCode, texts.Length,
            [.. texts.Select((text, i) => new IpcRunMessage(i, text, At, member == "consumer" ? 20 : null, null))]);
}
