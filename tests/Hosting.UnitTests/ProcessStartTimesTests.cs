namespace Hosting.UnitTests;

public class ProcessStartTimesTests
{
    private const string ProcStat = "cpu  1 2 3\nintr 5\nbtime 1795676872\nprocesses 4242\n";
    private static readonly DateTimeOffset s_boot = DateTimeOffset.FromUnixTimeSeconds(1795676872);

    [Fact]
    public void StartTimesReadEarlyByTheFractionOfASecondTheBootTimeDrops()
    {
        var now = s_boot + TimeSpan.FromSeconds(3600.4276);

        var early = ProcessStartTimes.EarlyBy(ProcStat, "3600.00 7000.00\n", now);

        Assert.Equal(427.6, early!.Value.TotalMilliseconds, precision: 3);
    }

    [Theory]
    [InlineData("cpu 1 2 3\n", "3600.00 1.00")]
    [InlineData(ProcStat, "")]
    [InlineData(ProcStat, "3590.00 1.00")]
    public void WithoutAPlausibleSkewThereIsNoNote(string procStat, string procUptime) =>
        Assert.Null(ProcessStartTimes.EarlyBy(procStat, procUptime, s_boot + TimeSpan.FromSeconds(3600.5)));

    [Fact]
    public void TheNoteSaysHowEarlyAndThatStopTimesAreExact()
    {
        var note = ProcessStartTimes.Note(TimeSpan.FromMilliseconds(427.6));

        Assert.StartsWith("The members' start times read 0.43 s early on this machine", note);
        Assert.Contains("stop times are exact", note);
    }
}
