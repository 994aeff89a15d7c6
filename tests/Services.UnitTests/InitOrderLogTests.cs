using Microsoft.Extensions.Time.Testing;
using PodSuite.InitOrder;

namespace Services.UnitTests;

public sealed class InitOrderLogTests : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 26, 7, 11, 29, TimeSpan.Zero);
    private readonly DirectoryInfo _volume = Directory.CreateTempSubdirectory("podsuite-init-order-");
    private readonly FakeTimeProvider _clock = new(s_start);

    public void Dispose() => _volume.Delete(recursive: true);

    [Fact]
    public void EachContainerAppendsWhenItBeganAndEndedOnTheClockItIsGiven()
    {
        var log = InitOrderLog.In(_volume.FullName, _clock);

        log.Began("init-myservice");
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        log.Ended("init-myservice", 0);

        Assert.Equal(
            ["2026-11-26T07:11:29.0000000Z init-myservice began", "2026-11-26T07:11:30.5000000Z init-myservice ended 0"],
            File.ReadAllLines(Path.Combine(_volume.FullName, "init-order.log")));
        Assert.Equal(
            [new InitOrderRecord(s_start, "init-myservice", null), new InitOrderRecord(s_start.AddSeconds(1.5), "init-myservice", 0)],
            new InitOrderLog(_volume.FullName, TimeProvider.System).Read());
    }

    [Theory]
    [InlineData("not a record")]
    [InlineData("2026-11-26T07:11:29.0000000Z init-mydb")]
    [InlineData("2026-11-26T07:11:29.0000000Z init-mydb ended")]
    [InlineData("2026-11-26T07:11:29.0000000Z init-mydb ended zero")]
    [InlineData("2026-11-26T07:11:29.0000000Z init-mydb began early")]
    [InlineData("yesterday init-mydb began")]
    public void ALineThatIsNotARecordIsNotReadAsOne(string line) => Assert.Null(InitOrderRecord.Parse(line));

    [Fact]
    public void AMissingVolumeIsNamedWithTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => InitOrderLog.In(Path.Combine(_volume.FullName, "absent"), _clock));

        Assert.Contains("InitOrder__Directory", error.Message);
    }

    [Fact]
    public void StepsThatEachEndedWithSuccessBeforeTheNextBeganAreInOrder()
    {
        var records = Records(("a", null, 0), ("a", 0, 1), ("b", null, 1), ("b", 0, 2), ("app", null, 2));

        Assert.Empty(InitOrderCheck.FindProblems(records, "a", "b", "app"));
    }

    [Fact]
    public void AStepThatBeganBeforeItsPredecessorEndedIsReportedWithBothTimes()
    {
        var records = Records(("a", null, 0), ("b", null, 0.4), ("a", 0, 1), ("b", 0, 2), ("app", null, 3));

        var problem = Assert.Single(InitOrderCheck.FindProblems(records, "a", "b", "app"));

        Assert.Equal("b began at 07:11:29.4000000Z, before a ended at 07:11:30.0000000Z.", problem);
    }

    [Fact]
    public void TheAppBeganBeforeTheLastStepEndedIsReported()
    {
        var records = Records(("a", null, 0), ("a", 0, 1), ("app", null, 1.5), ("b", null, 1), ("b", 0, 2));

        Assert.Equal(["app began at 07:11:30.5000000Z, before b ended at 07:11:31.0000000Z."],
            InitOrderCheck.FindProblems(records, "a", "b", "app"));
    }

    [Fact]
    public void AFailedStepAndAMissingOneAreReported()
    {
        var failed = Records(("a", null, 0), ("a", 1, 1), ("app", null, 2));
        var unfinished = Records(("a", null, 0));

        Assert.Equal(["a ended with exit code 1 at 07:11:30.0000000Z."], InitOrderCheck.FindProblems(failed, "a", "app"));
        Assert.Equal(["a began at 07:11:29.0000000Z but has no 'ended' record."], InitOrderCheck.FindProblems(unfinished, "a", "app"));
        Assert.Equal(["app has no 'began' record."], InitOrderCheck.FindProblems(Records(("a", null, 0), ("a", 0, 1)), "a", "app"));
    }

    [Fact]
    public void AStepThatBeganWhileItsPredecessorHadNotEndedIsReported()
    {
        var records = Records(("a", null, 0), ("b", null, 0.5));

        Assert.Equal(["b began at 07:11:29.5000000Z, while a (began at 07:11:29.0000000Z) had not ended."],
            InitOrderCheck.FindProblems(records, "a", "b", "app"));
    }

    private static InitOrderRecord[] Records(params (string Container, int? ExitCode, double Seconds)[] records) =>
        [.. records.Select(r => new InitOrderRecord(s_start.AddSeconds(r.Seconds), r.Container, r.ExitCode))];
}
