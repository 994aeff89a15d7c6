using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AppHost.FunctionalTests;

[Collection(PodSuiteCollection.Name)]
public class ProxyPodTests(PodSuiteAppFixture fixture)
{
    [Fact]
    public async Task TheWebAppAnswersThroughTheProxyOverHttp2WithForwardedHeaders()
    {
        using var proxy = fixture.App.CreateHttpClient("proxy");

        var info = await proxy.GetFromJsonAsync<JsonElement>("/api/info");

        Assert.Equal(Dns.GetHostName(), info.GetProperty("hostname").GetString());
        Assert.Equal("HTTP/2", info.GetProperty("protocol").GetString());
        var forwarded = info.GetProperty("forwardedHeaders");
        Assert.Equal("http", forwarded.GetProperty("X-Forwarded-Proto").GetString());
        Assert.Equal(proxy.BaseAddress!.Authority, forwarded.GetProperty("X-Forwarded-Host").GetString());
        Assert.False(string.IsNullOrEmpty(forwarded.GetProperty("X-Forwarded-For").GetString()));
    }

    [Fact]
    public async Task TheWebAppPageNamesItsHostWhenReachedThroughTheProxy()
    {
        using var proxy = fixture.App.CreateHttpClient("proxy");

        using var response = await proxy.GetAsync("/");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"Container <strong>webapp</strong> on host <strong>{Dns.GetHostName()}</strong> made this page", page);
        Assert.Contains("<th scope=\"row\">X-Forwarded-For</th>", page);
    }

    [Fact]
    public async Task WithoutTheProxyTheWebAppSeesNoForwardedHeaders()
    {
        using var webapp = fixture.App.CreateHttpClient("webapp", "http");

        var info = await webapp.GetFromJsonAsync<JsonElement>("/api/info");

        Assert.Empty(info.GetProperty("forwardedHeaders").EnumerateObject());
        Assert.Equal("HTTP/1.1", info.GetProperty("protocol").GetString());
    }

    [Fact]
    public async Task TheProxyReachesTheWebAppOverTheSocketInTheirSharedVolumeAndTheDashboardListsOnlyTheBrowsablePort()
    {
        Assert.True(fixture.Notifications.TryGetCurrentState("webapp", out var webapp));
        Assert.True(fixture.Notifications.TryGetCurrentState("proxy", out var proxy));
        var listens = Assert.Single(webapp.Snapshot.EnvironmentVariables, e => e.Name == "WebApp__ProxySocket").Value;
        var connects = Assert.Single(proxy.Snapshot.EnvironmentVariables, e => e.Name == "Proxy__UpstreamSockets__webapp").Value;
        using var client = fixture.App.CreateHttpClient("proxy");

        var page = await client.GetStringAsync("/");

        Assert.Equal(listens, connects);
        Assert.Matches(@"/podsuite-mc3-sockets-[^/]+/webapp\.sock$", listens);
        Assert.Contains($"The request reached it on socket <strong>{listens}</strong> over <strong>HTTP/2</strong>", page);
        Assert.Equal(["http"], webapp.Snapshot.Urls.Select(u => u.Name));
    }

    [Fact]
    public async Task TheProxyTakesItsRoutesFromTheConfigFileTheAppHostGaveIt()
    {
        Assert.True(fixture.Notifications.TryGetCurrentState("proxy", out var proxy));

        var routesFile = Assert.Single(proxy.Snapshot.EnvironmentVariables, e => e.Name == "Proxy__RoutesFile").Value;

        Assert.EndsWith(Path.Combine("AppHost", "pods", "mc3", "proxy-routes.json"), routesFile);
        Assert.Contains("\"ReverseProxy\"", File.ReadAllText(routesFile!));
        using var client = fixture.App.CreateHttpClient("proxy");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
