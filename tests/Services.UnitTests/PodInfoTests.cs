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
    public void ThePageNamesTheContainerHostPortAndProtocolAndEncodesWhatTheClientSent()
    {
        var page = InfoPage.Render(new PodInfo("mc3-pod", "HTTP/2", new Dictionary<string, string> { ["X-Forwarded-Host"] = "<script>" }, 1), "webapp", 5001, 5001);

        Assert.Contains("Container <strong>webapp</strong> on host <strong>mc3-pod</strong> made this page. The request reached it on port <strong>5001</strong> over <strong>HTTP/2</strong>", page);
        Assert.Contains("HTTP/2 without TLS (h2c)", page);
        Assert.Contains("<tr><th scope=\"row\">X-Forwarded-Host</th><td>&lt;script&gt;</td><td>the host and port the browser asked for</td></tr>", page);
        Assert.DoesNotContain("<script>", page);
    }

    [Fact]
    public void ARequestThatDidNotComeThroughTheProxyIsSaidToHaveGoneStraightToTheWebApp()
    {
        var page = InfoPage.Render(new PodInfo("host", "HTTP/1.1", new Dictionary<string, string>(), 1), "webapp", 5000, 5001);

        Assert.Contains("Straight to the web app: no proxy forwarded this request", page);
        Assert.DoesNotContain("<table id=\"headers\">", page);
    }
}
