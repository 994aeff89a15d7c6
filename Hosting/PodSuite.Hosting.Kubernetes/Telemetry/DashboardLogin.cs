using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Kubernetes.Rendering;

namespace PodSuite.Hosting.Kubernetes.Telemetry;

/// <summary>How a deploy lets its user into the published dashboard: the login Secret it creates, and the URL it prints.</summary>
internal static partial class DashboardLogin
{
    public const string BrowserTokenVariable = "DASHBOARD__FRONTEND__BROWSERTOKEN";

    /// <summary>Whether a container of the pods takes a value from the login Secret (the dashboard, unless unsecured).</summary>
    public static bool IsReferred(IReadOnlyList<PodManifest> pods) =>
        pods.SelectMany(p => (p.PodSpec.InitContainers ?? []).Concat(p.PodSpec.Containers)).SelectMany(c => c.Env ?? [])
            .Any(e => e.ValueFrom?.SecretKeyRef?.Name == KubernetesPodsDashboard.LoginSecretName);

    public static PodManifest? DashboardPod(IReadOnlyList<PodManifest> pods) =>
        pods.FirstOrDefault(p => p.Name == KubernetesPodsDashboard.PodName);

    /// <summary>The URL that logs a browser in: the token in the query, as the dashboard itself prints it.</summary>
    public static string Url(string host, int port, string? token) =>
        $"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}" + (token is null ? "" : $"/login?t={token}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Created secret " + KubernetesPodsDashboard.LoginSecretName + ": the dashboard's browser token, API key and OTLP key")]
    public static partial void LogCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed secret " + KubernetesPodsDashboard.LoginSecretName)]
    public static partial void LogRemoved(ILogger logger);

    /// <summary>The deploy's last line: how to open the dashboard, as the runtime allows.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "The Aspire dashboard, with every container's logs, traces and metrics: {WayIn}")]
    public static partial void LogWayIn(ILogger logger, string wayIn);
}
