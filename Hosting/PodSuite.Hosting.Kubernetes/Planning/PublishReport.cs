using PodSuite.Hosting.Validation;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// What a publish found besides the manifests: the errors that stop it, all reported at once, and the warnings that
/// say what it decided on its own (a wait it could not publish, a pod it left out, a port name it dropped).
/// </summary>
internal sealed class PublishReport
{
    public const string Heading = "The pods cannot be published to Kubernetes:";

    public ModelErrors Errors { get; } = new();

    public List<string> Warnings { get; } = [];

    public void ThrowIfAnyError() => Errors.ThrowIfAny(Heading);
}
