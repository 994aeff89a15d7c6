using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace PodSuite.Hosting.Local;

/// <summary>
/// In a local run with no container runtime, the pods that hold a container cannot run: none of their members is
/// started (a pod runs whole or not at all), and each, and its pod, shows one state in the dashboard,
/// <see cref="State"/>, instead of a mix of failures. The other pods run as usual.
/// </summary>
internal sealed class PodsWithoutRuntime
{
    public const string State = "Needs a container runtime";

    private readonly List<IResource> _held = [];

    /// <summary>The resources held back.</summary>
    public IReadOnlyList<IResource> Held => _held;

    /// <summary>Holds back the pods that need a container runtime when there is none, and says so once.</summary>
    public void Apply(DistributedApplicationModel model, IConfiguration configuration, ILogger logger)
    {
        if (ContainerRuntimeCheck.Find(configuration) is not null)
        {
            return;
        }

        var needing = model.Resources.Where(r => r.IsContainer())
            .Select(r => r.Annotations.OfType<PodMemberAnnotation>().FirstOrDefault()?.Pod as IResource ?? r)
            .Distinct()
            .ToList();
        if (needing.Count == 0)
        {
            return;
        }

        foreach (var resource in needing.SelectMany(p => p is PodResource pod ? pod.GetMembers(model) : [p]).Distinct())
        {
            resource.Annotations.Add(new ExplicitStartupAnnotation());
            _held.Add(resource);
        }

        _held.AddRange(needing.OfType<PodResource>());

        logger.LogWarning(
            "No container runtime ({Runtimes}) was found on PATH: {Pods} hold a container and are not started; the other pods run. Install one and start the app host again.",
            string.Join(" or ", ContainerRuntimeCheck.Candidates(configuration)),
            string.Join(", ", needing.Select(p => $"'{p.Name}'")));
    }

    /// <summary>Shows <see cref="State"/> on each held resource once Aspire has reported it not started.</summary>
    public async Task ShowAsync(ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        await Task.WhenAll(_held.Select(async resource =>
        {
            if (resource is not PodResource)
            {
                await notifications.WaitForResourceAsync(resource.Name, KnownResourceStates.NotStarted, cancellationToken).ConfigureAwait(false);
            }

            await notifications.PublishUpdateAsync(resource, s => s with { State = new(State, KnownResourceStateStyles.Warn) }).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }
}
