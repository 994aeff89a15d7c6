using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting;

/// <summary>
/// What other integrations (the Kubernetes publisher) do to the complete app model before it starts, each at its place
/// in <see cref="PodLifecycle"/>'s one handler of <see cref="BeforeStartEvent"/>: a resource added while the model is
/// still being built could be added twice, or miss what the app host's later calls set.
/// </summary>
internal sealed class PodModelHooks
{
    /// <summary>Adds what the model lacks (the published dashboard's pod), before the pods are checked.</summary>
    public List<Func<BeforeStartEvent, CancellationToken, Task>> Completing { get; } = [];

    /// <summary>Acts on the checked model (each image's pipeline steps), before Aspire collects the steps.</summary>
    public List<Func<BeforeStartEvent, CancellationToken, Task>> Validated { get; } = [];
}
