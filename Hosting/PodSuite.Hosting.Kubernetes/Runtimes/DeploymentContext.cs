using Microsoft.Extensions.Logging;

namespace PodSuite.Hosting.Kubernetes.Runtimes;

/// <summary>What a deploy or destroy step gives the runtime's deployment; each takes what it needs.</summary>
/// <param name="Options">The publish's settings.</param>
/// <param name="Logger">The step's log.</param>
/// <param name="Http">For requests the deployment makes itself (readiness probes from the host).</param>
/// <param name="WorkDirectory">
/// The pipeline's temporary directory, for files of the deployment's own, such as the manifests it applies (never the
/// output a user commits). Asked for only when needed.
/// </param>
internal sealed record DeploymentContext(
    KubernetesPublishOptions Options, ILogger Logger, HttpClient Http, Func<string> WorkDirectory);
