namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Publishes a pod whose members all run to completion as a Kubernetes Job instead of a bare Pod: Kubernetes then retries
/// a failed run and cleans up a finished one.
/// </summary>
/// <param name="backoffLimit">How many times a failed run is retried.</param>
/// <param name="ttlSecondsAfterFinished">How long a finished Job and its pod are kept, in seconds.</param>
public sealed class PodJobAnnotation(int backoffLimit, int ttlSecondsAfterFinished) : IResourceAnnotation
{
    /// <summary>How many times a failed run is retried.</summary>
    public int BackoffLimit { get; } = backoffLimit;

    /// <summary>How long a finished Job and its pod are kept, in seconds.</summary>
    public int TtlSecondsAfterFinished { get; } = ttlSecondsAfterFinished;
}
