using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Telemetry;

/// <summary>
/// What makes a member report to the published dashboard, as Aspire's own Kubernetes publisher sets it: OTLP over gRPC
/// to the dashboard's OTLP endpoint (through its Service, so its NetworkPolicy learns who calls it), and the member's
/// name as its service name; and, unless the dashboard is unsecured, the OTLP API key as its exporters' header, from the
/// login Secret. Every member gets it, init steps and run-to-completion members too; a setting the member gives itself
/// wins.
/// </summary>
internal static class TelemetryEnvironment
{
    public const string Endpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string Protocol = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string ServiceName = "OTEL_SERVICE_NAME";
    public const string Headers = "OTEL_EXPORTER_OTLP_HEADERS";

    public static IResource? DashboardAmong(IEnumerable<IResource> members) =>
        members.FirstOrDefault(m => m.HasAnnotationOfType<DashboardAnnotation>());

    /// <summary>The member's settings, unresolved (an endpoint reference resolves per pod, like the member's own).</summary>
    public static IEnumerable<KeyValuePair<string, object>> For(IResource member, IResource? dashboard)
    {
        if (dashboard is not IResourceWithEndpoints withEndpoints || member == dashboard)
        {
            yield break;
        }

        yield return new(Endpoint, withEndpoints.GetEndpoint(DashboardAnnotation.OtlpEndpointName));
        yield return new(Protocol, "grpc");
        yield return new(ServiceName, member.Name);
    }

    /// <summary>
    /// The member's OTLP header from the login Secret, when the dashboard requires the key and the member sets no headers
    /// of its own. Optional: without the Secret the member still starts, and its telemetry is refused.
    /// </summary>
    public static IEnumerable<SecretEnvironmentAnnotation> SecretsFor(IResource member, IResource? dashboard, IReadOnlyCollection<string> ownNames)
    {
        if (dashboard is null || member == dashboard || !dashboard.TryGetLastAnnotation<DashboardAnnotation>(out var annotation)
            || !annotation.RequiresOtlpApiKey || ownNames.Contains(Headers))
        {
            yield break;
        }

        yield return new SecretEnvironmentAnnotation(Headers, KubernetesPodsDashboard.LoginSecretName, DashboardPod.OtlpHeadersKey, optional: true);
    }
}
