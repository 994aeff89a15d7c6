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
        var arrival = new Arrival("socket /run/mc3/webapp.sock", "/run/mc3/webapp.sock", IsTheProxys: true);
        var page = InfoPage.Render(new PodInfo("mc3-pod", "HTTP/2", new Dictionary<string, string> { ["X-Forwarded-Host"] = "<script>" }, 1), "webapp", arrival);

        Assert.Contains("Container <strong>webapp</strong> on host <strong>mc3-pod</strong> made this page. The request reached it on socket <strong>/run/mc3/webapp.sock</strong> over <strong>HTTP/2</strong>", page);
        Assert.Contains("The proxy forwarded it over the Unix socket <code>/run/mc3/webapp.sock</code>, over HTTP/2: HTTP/2 without TLS (h2c)", page);
        Assert.Contains("<tr><th scope=\"row\">X-Forwarded-Host</th><td>&lt;script&gt;</td><td>the host and port the browser asked for</td></tr>", page);
        Assert.DoesNotContain("<script>", page);
    }

    [Fact]
    public void ARequestThatDidNotComeThroughTheProxyIsSaidToHaveGoneStraightToTheWebApp()
    {
        var page = InfoPage.Render(new PodInfo("host", "HTTP/1.1", new Dictionary<string, string>(), 1), "webapp", new Arrival("port 5000", null, IsTheProxys: false));

        Assert.Contains("The request reached it on port <strong>5000</strong> over <strong>HTTP/1.1</strong>", page);
        Assert.Contains("Straight to the web app: no proxy forwarded this request", page);
        Assert.DoesNotContain("<table id=\"headers\">", page);
    }

    [Fact]
    public void ThePageTeachesWhereTheSocketLivesWhoMakesItWhoMayConnectAndWhatARestartDoes()
    {
        var page = InfoPage.Render(new PodInfo("mc3-pod", "HTTP/2", new Dictionary<string, string>(), 1), "webapp", new Arrival("socket /run/mc3/webapp.sock", "/run/mc3/webapp.sock", true));

        Assert.Contains("<strong>Where it lives:</strong> <code>webapp.sock</code> in the pod's shared volume <code>sockets</code>, mounted at <code>/run/mc3</code>", page);
        Assert.Contains("<strong>Who creates it:</strong> the web app, when it starts", page);
        Assert.Contains("<strong>Who may connect:</strong> its mode is 0660", page);
        Assert.Contains("<strong>When the web app restarts:</strong> the socket is made again, and the proxy's next request opens a new connection", page);
    }
}
