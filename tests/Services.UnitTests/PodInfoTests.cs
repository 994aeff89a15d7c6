using Microsoft.AspNetCore.Http;
using PodSuite.WebApp;

namespace Services.UnitTests;

public class PodInfoTests
{
    [Fact]
    public void TheWebAppReportsTheForwardingHeadersAsReceivedAndNothingElse()
    {
        var headers = new HeaderDictionary
        {
            ["X-Forwarded-For"] = "10.0.0.7",
            ["X-Forwarded-Proto"] = "https",
            ["Forwarded"] = "for=10.0.0.7",
            ["X-Original-For"] = "127.0.0.1:50312",
            ["Accept"] = "text/html",
        };

        var info = PodInfo.From("mc3-pod", "HTTP/2", headers, TimeSpan.FromSeconds(12.3456));

        Assert.Equal("mc3-pod", info.Hostname);
        Assert.Equal(["Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Original-For"], info.ForwardedHeaders.Keys);
        Assert.Equal("https", info.ForwardedHeaders["X-Forwarded-Proto"]);
        Assert.Equal(12.346, info.UptimeSeconds);
    }

    [Fact]
    public void HeaderNamesThatArrivedInLowerCaseOverHttp2AreReportedAsHttp11WritesThem()
    {
        var headers = new HeaderDictionary { ["x-forwarded-for"] = "10.0.0.7", ["x-forwarded-proto"] = "http", ["forwarded"] = "for=10.0.0.7" };

        var info = PodInfo.From("mc3-pod", "HTTP/2", headers, TimeSpan.Zero);

        Assert.Equal("HTTP/2", info.Protocol);
        Assert.Equal(["Forwarded", "X-Forwarded-For", "X-Forwarded-Proto"], info.ForwardedHeaders.Keys);
    }

    [Fact]
    public void ThePageNamesTheHostAndEncodesWhatTheClientSent()
    {
        var page = InfoPage.Render(new PodInfo("mc3-pod", "HTTP/1.1", new Dictionary<string, string> { ["X-Forwarded-Host"] = "<script>" }, 1));

        Assert.Contains("<h1>Hello from mc3-pod</h1>", page);
        Assert.Contains("<dt>X-Forwarded-Host</dt><dd>&lt;script&gt;</dd>", page);
        Assert.DoesNotContain("<script>", page);
    }
}
