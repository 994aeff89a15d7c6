namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Marks a pod member that does its work and exits rather than serving until stopped. A pod whose members all run to
/// completion is published as a bare pod with <c>restartPolicy: Never</c> instead of a Deployment.
/// </summary>
public sealed class RunToCompletionAnnotation : IResourceAnnotation;
