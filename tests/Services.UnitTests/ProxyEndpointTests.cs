using PodSuite.WebApp;

namespace Services.UnitTests;

public class ProxyEndpointTests
{
    [Fact]
    public void AProxyPortTheWebAppDoesNotListenOnIsAnErrorNamingTheSettingAndTheFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ProxyEndpoint.EnsureListening(5001, ["http://[::]:5000"]));

        Assert.Contains("WebApp__ProxyPort", error.Message);
        Assert.Contains("http://[::]:5000", error.Message);
        Assert.Contains("http://*:5001", error.Message);
    }

    [Fact]
    public void AProxyPortAmongTheAddressesOrNoProxyPortAtAllIsFine()
    {
        Assert.Null(Record.Exception(() => ProxyEndpoint.EnsureListening(5001, ["http://[::]:5000", "http://[::]:5001"])));
        Assert.Null(Record.Exception(() => ProxyEndpoint.EnsureListening(null, ["http://127.0.0.1:5000"])));
    }
}
