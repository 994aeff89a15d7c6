using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Pods.FunctionalTests;

/// <summary>
/// The deployed dashboard's OTLP endpoint takes telemetry only with the key of the login Secret, which every member is
/// given from the Secret: what someone who reaches its port sends without the key is refused.
/// </summary>
[Collection(PodRuntimeCollection.Name)]
public class OtlpKeyTests(PodRuntime pods)
{
    [SkippableFact]
    public async Task TelemetryWithoutTheKeyIsRefusedAndWithTheMembersKeyIsAccepted()
    {
        pods.SkipUnlessRunning();
        var headers = EnvironmentOf(await pods.InspectAsync("mc3-webapp"), "OTEL_EXPORTER_OTLP_HEADERS");
        Assert.Matches("^x-otlp-api-key=[0-9a-f]{32}$", headers);
        var run = Guid.NewGuid().ToString("N")[..8];
        // The port is on podman's network, where the pods reach it, and on no address of the host.
        var endpoint = new Uri($"http://{await pods.AddressOfAsync("aspire-dashboard")}:18889");

        var none = Export(endpoint, $"forged-{run}", headers: null);
        var wrong = Export(endpoint, $"forged-{run}", headers: $"x-otlp-api-key={new string('0', 32)}");
        var keyed = Export(endpoint, $"keyed-{run}", headers);

        Assert.Equal(ExportResult.Failure, none);
        Assert.Equal(ExportResult.Failure, wrong);
        Assert.Equal(ExportResult.Success, keyed);
        // The dashboard answered each export before Export returned: the keyed span is there, and the refused ones are not.
        var resources = await (await DashboardApi.OfAsync(pods)).ResourcesAsync();
        Assert.Contains($"keyed-{run}", resources);
        Assert.DoesNotContain($"forged-{run}", resources);
    }

    [SkippableFact]
    public async Task TheDashboardDoesNotSayItsOtlpEndpointIsUnsecured()
    {
        pods.SkipUnlessRunning();

        var logs = await pods.LogsAsync("aspire-dashboard-dashboard");

        Assert.Contains("Now listening on", logs);
        Assert.DoesNotContain("unsecured", logs, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task ALoginSecretAnEarlierVersionMadeIsMadeAnewWithTheKeyAndThePodsThatReadItArePlayedAgain()
    {
        pods.SkipUnlessRunning();
        // As a deploy before the OTLP key made it: this app's, with a browser token and an API key alone.
        Assert.Equal(0, (await pods.PodmanAsync("secret", "rm", "aspire-dashboard-login")).ExitCode);
        var earlier = """{"browser-token":"b2xkLXRva2Vu","api-key":"b2xkLWtleQ=="}""";
        var file = Path.Combine(Path.GetTempPath(), $"podsuite-earlier-secret-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, earlier);
        try
        {
            Assert.Equal(0, (await pods.PodmanAsync("secret", "create", "--label", "app.kubernetes.io/managed-by=podsuite",
                "--label", $"app.kubernetes.io/part-of={PodRuntime.PartOf}", "aspire-dashboard-login", file)).ExitCode);
        }
        finally
        {
            File.Delete(file);
        }

        await pods.RedeployAsync();

        Assert.Contains("Secret aspire-dashboard-login: made anew with every key (browser-token, api-key, otlp-api-key, otlp-headers)", pods.DeployOutput);
        foreach (var pod in new[] { "aspire-dashboard", "mc1", "mc2", "mc3", "myapp-pod" })
        {
            Assert.Contains($"Pod {pod}: replaced (its spec changed)", pods.DeployOutput);
        }

        var key = EnvironmentOf(await pods.InspectAsync("aspire-dashboard-dashboard"), "DASHBOARD__OTLP__PRIMARYAPIKEY");
        Assert.Equal($"x-otlp-api-key={key}", EnvironmentOf(await pods.InspectAsync("mc3-webapp"), "OTEL_EXPORTER_OTLP_HEADERS"));
        Assert.NotEqual("old-token", EnvironmentOf(await pods.InspectAsync("aspire-dashboard-dashboard"), "DASHBOARD__FRONTEND__BROWSERTOKEN"));
    }

    // One span, exported at once by the exporter the members use, under its own service name: the dashboard's answer.
    private static ExportResult Export(Uri endpoint, string service, string? headers)
    {
        using var exporter = new OtlpTraceExporter(new OtlpExporterOptions { Endpoint = endpoint, Protocol = OtlpExportProtocol.Grpc, Headers = headers, TimeoutMilliseconds = 10_000 });
        using var provider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service))
            .AddProcessor(new SimpleActivityExportProcessor(exporter))
            .Build();
        using var span = new Activity("probe").Start();
        span.Stop();
        return exporter.Export(new Batch<Activity>([span], 1));
    }

    private static string EnvironmentOf(System.Text.Json.JsonElement container, string name) =>
        container.GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()!)
            .Single(e => e.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
}
