using System.Net;
using Microsoft.Extensions.Logging.Testing;
using PodSuite.InitMyService;

namespace Services.UnitTests;

public class DependencyWaiterTests
{
    private static readonly DependencyWaitOptions Fast = new()
    {
        Url = new Uri("http://dependency/health"),
        Timeout = TimeSpan.FromSeconds(10),
        FirstPause = TimeSpan.FromMilliseconds(1),
        LongestPause = TimeSpan.FromMilliseconds(4),
    };

    [Fact]
    public async Task ItWaitsUntilTheDependencyAnswersLoggingEachAttempt()
    {
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.OK]);
        var log = new FakeLogger<DependencyWaiter>();

        var ready = await Waiter(_ => answers.Dequeue(), log).WaitAsync(Fast, CancellationToken.None);

        Assert.True(ready);
        Assert.Empty(answers);
        Assert.Equal(
            ["Attempt 1: http://dependency/health not ready: HTTP 503 Service Unavailable", "Attempt 2: http://dependency/health not ready: HTTP 502 Bad Gateway"],
            log.Collector.GetSnapshot().Select(r => r.Message).Take(2));
        Assert.StartsWith("Attempt 3: http://dependency/health answered after", log.Collector.LatestRecord.Message);
    }

    [Fact]
    public async Task ItGivesUpAtTheDeadlineWithAClearError()
    {
        var log = new FakeLogger<DependencyWaiter>();
        var attempts = 0;
        var options = new DependencyWaitOptions { Url = Fast.Url, Timeout = TimeSpan.FromMilliseconds(100), FirstPause = TimeSpan.FromMilliseconds(10), LongestPause = TimeSpan.FromMilliseconds(20) };

        var ready = await Waiter(_ => { attempts++; throw new HttpRequestException("Connection refused"); }, log).WaitAsync(options, CancellationToken.None);

        Assert.False(ready);
        Assert.InRange(attempts, 2, 20);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, log.Collector.LatestRecord.Level);
        Assert.Contains("the dependency never answered", log.Collector.LatestRecord.Message);
        Assert.Contains("not ready: Connection refused", log.Collector.GetSnapshot()[0].Message);
    }

    private static DependencyWaiter Waiter(Func<HttpRequestMessage, HttpStatusCode> answer, FakeLogger<DependencyWaiter> log) =>
        new(new HttpClient(new AnsweringHandler(answer)), TimeProvider.System, log);

    private sealed class AnsweringHandler(Func<HttpRequestMessage, HttpStatusCode> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(answer(request)));
    }
}
