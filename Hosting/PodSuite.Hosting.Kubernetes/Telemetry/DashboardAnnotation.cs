using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Telemetry;

/// <summary>Marks the container of the Aspire dashboard that PodSuite publishes with the pods.</summary>
internal sealed class DashboardAnnotation : IResourceAnnotation
{
    public const string OtlpEndpointName = "otlp-grpc";
    public const string FrontendEndpointName = "http";

    /// <summary>Whether its OTLP endpoint takes telemetry only with the key of the login Secret (unless unsecured).</summary>
    public bool RequiresOtlpApiKey { get; init; }
}
