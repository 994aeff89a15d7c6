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

    /// <summary>Shows <see cref="State"/> on each held resource.</summary>
    public Task ShowAsync(ResourceNotificationService notifications) => Task.WhenAll(_held.Select(r => ShowAsync(r, notifications)));

    /// <summary>
    /// Shows <see cref="State"/> on a held resource again when another state was reported for it (Aspire reports its
    /// containers not started, or its runtime unhealthy, as they are created and watched); true when it did.
    /// </summary>
    public async Task<bool> KeepShownAsync(ResourceEvent update, ResourceNotificationService notifications)
    {
        if (!_held.Contains(update.Resource) || update.Snapshot.State?.Text == State)
        {
            return false;
        }

        await ShowAsync(update.Resource, notifications).ConfigureAwait(false);
        return true;
    }

    private static Task ShowAsync(IResource resource, ResourceNotificationService notifications) =>
        notifications.PublishUpdateAsync(resource, s => s with { State = new(State, KnownResourceStateStyles.Warn) });
}
