using System.Reflection;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The Aspire dashboard published with the pods, as a pod of its own that every container sends its logs, traces and
/// metrics to (OTLP over gRPC). On by default; <c>WithDashboard</c> changes these settings, and configuration
/// (<c>--PodSuite:Dashboard:Enabled=false</c>, ...) overrides them.
/// </summary>
public sealed class KubernetesPodsDashboard
{
    /// <summary>The name of the dashboard's pod.</summary>
    public const string PodName = "aspire-dashboard";

    /// <summary>The name of its container.</summary>
    public const string ContainerName = "dashboard";

    /// <summary>
    /// The Secret that holds the dashboard's browser token (key <c>browser-token</c>), its telemetry API key (key
    /// <c>api-key</c>), and the key its OTLP endpoint requires (key <c>otlp-api-key</c>; key <c>otlp-headers</c> holds it as
    /// the containers' <c>OTEL_EXPORTER_OTLP_HEADERS</c>). A deploy creates it when it is missing, and adds the keys an
    /// earlier deploy's lacks. Without it the dashboard's container does not start (it needs the OTLP key), and the
    /// containers run without sending telemetry.
    /// </summary>
    public const string LoginSecretName = "aspire-dashboard-login";

    /// <summary>Whether the dashboard is published, and the containers report to it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The dashboard's image: by default Microsoft's standalone dashboard at this Aspire's version
    /// (<c>mcr.microsoft.com/dotnet/aspire-dashboard:&lt;major.minor&gt;</c>).
    /// </summary>
    public string Image { get; set; } = DefaultImage;

    /// <summary>The port of its web UI and telemetry API.</summary>
    public int FrontendPort { get; set; } = 18888;

    /// <summary>The port it receives OTLP on, over gRPC.</summary>
    public int OtlpPort { get; set; } = 18889;

    /// <summary>
    /// The type of the Service of its web UI. By default <see cref="PodServiceType.ClusterIP"/>: reached with
    /// <c>kubectl port-forward</c>, since it shows every container's logs.
    /// </summary>
    public PodServiceType ServiceType { get; set; } = PodServiceType.ClusterIP;

    /// <summary>
    /// Turns off the login to the web UI and the keys of the telemetry API and the OTLP endpoint. Only for a dashboard no
    /// one else can reach: it shows every container's logs and settings, and takes telemetry from anyone.
    /// </summary>
    public bool Unsecured { get; set; }

    internal KubernetesPodsDashboard Copy() => (KubernetesPodsDashboard)MemberwiseClone();

    /// <summary>
    /// The version of Aspire this app host runs (<c>13.6.5</c>, without build metadata), read once: the tag of the
    /// dashboard image that matches it.
    /// </summary>
    public static string AspireVersion { get; } =
        (typeof(DistributedApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "").Split('+')[0];

    /// <summary>Microsoft's standalone dashboard image at the version of Aspire this app host runs (its major.minor tag).</summary>
    public static string DefaultImage =>
        AspireVersion.Split('.', '-') is [var major, var minor, ..]
            ? $"mcr.microsoft.com/dotnet/aspire-dashboard:{major}.{minor}"
            : "mcr.microsoft.com/dotnet/aspire-dashboard:latest";
}
