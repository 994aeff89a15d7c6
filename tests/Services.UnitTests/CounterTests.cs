using System.Net;
using PodSuite.Counter;

namespace Services.UnitTests;

/// <summary>The counter's reading of Prometheus, and what its page shows of its connection string.</summary>
public sealed class CounterTests
{
    private const string Keys = """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"__name__":"redis_db_keys","db":"db0","shard":"shard-b"},"value":[1796307833.694,"29"]},
          {"metric":{"__name__":"redis_db_keys","db":"db0","shard":"shard-a"},"value":[1796307833.694,"21"]}]}}
        """;

    // shard-b's adapter no longer reaches its Redis: redis_up 0, and no redis_db_keys of it.
    private const string Up = """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"__name__":"redis_up","shard":"shard-a"},"value":[1796307833.694,"1"]},
          {"metric":{"__name__":"redis_up","shard":"shard-b"},"value":[1796307833.694,"0"]}]}}
        """;

    [Fact]
    public async Task EachShardsKeysAndStateComeFromPrometheusByItsShardLabel()
    {
        var report = await new ShardKeys(Prometheus(query => query.StartsWith("redis_db_keys", StringComparison.Ordinal) ? Keys : Up)).ReadAsync(CancellationToken.None);

        Assert.Null(report.Problem);
        Assert.Equal([new ShardState("shard-a", 21, true), new ShardState("shard-b", 29, false)], report.Shards);
        Assert.Equal(50, report.TotalKeys);
    }

    [Fact]
    public async Task APrometheusThatDoesNotAnswerIsAProblemOnThePageNotAnError()
    {
        var report = await new ShardKeys(Prometheus(_ => throw new HttpRequestException("connection refused"))).ReadAsync(CancellationToken.None);

        Assert.Empty(report.Shards);
        Assert.Equal("Prometheus did not answer: connection refused", report.Problem);
    }

    [Theory]
    [InlineData("localhost:6379,password=s3cret,proxy=Twemproxy", "localhost:6379,password=*****,proxy=Twemproxy")]
    [InlineData("localhost:6379, Password=s3cret", "localhost:6379,password=*****")]
    [InlineData("localhost:6379", "localhost:6379")]
    public void ThePageShowsTheConnectionStringWithItsPasswordHidden(string connection, string shown)
    {
        Assert.Equal(shown, KeyWriter.HidePassword(connection));
    }

    private static HttpClient Prometheus(Func<string, string> answer) =>
        new(new Answering(answer)) { BaseAddress = new Uri("http://prometheus:9090") };

    private sealed class Answering(Func<string, string> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal("/api/v1/query", request.RequestUri!.AbsolutePath);
            var query = Uri.UnescapeDataString(request.RequestUri.Query["?query=".Length..]);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer(query)) });
        }
    }
}
