using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;

namespace PodSuite.Hosting.Local;

/// <summary>Keeps each pod's dashboard state in step with its members' states while the app host runs.</summary>
internal sealed class PodStateWatcher(DistributedApplicationModel model, ResourceNotificationService notifications, PodsWithoutRuntime withoutRuntime)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await withoutRuntime.ShowAsync(notifications).ConfigureAwait(false);
        var podOfMember = model.Resources
            .SelectMany(r => r.Annotations.OfType<PodMemberAnnotation>().Take(1).Select(a => (Member: r, a.Pod)))
            .ToDictionary(m => m.Member, m => m.Pod);
        var membersOf = podOfMember.Values.Distinct().ToDictionary(pod => pod, pod => pod.GetMembers(model).ToList());
        var containers = new Dictionary<IResource, Dictionary<string, LocalContainerState>>();
        var published = new Dictionary<PodResource, string>();

        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken).ConfigureAwait(false))
            {
                if (await withoutRuntime.KeepShownAsync(update, notifications).ConfigureAwait(false))
                {
                    continue;
                }

                if (!podOfMember.TryGetValue(update.Resource, out var pod) || withoutRuntime.Held.Contains(pod))
                {
                    continue;
                }

                if (!containers.TryGetValue(update.Resource, out var instances))
                {
                    containers[update.Resource] = instances = [];
                }

                var snapshot = update.Snapshot;
                instances[update.ResourceId] = new(snapshot.State?.Text, snapshot.ExitCode, snapshot.StartTimeStamp, snapshot.StopTimeStamp);
                var members = membersOf[pod]
                    .SelectMany(m => containers.TryGetValue(m, out var seen) ? seen.Values : (IEnumerable<LocalContainerState>)[default])
                    .ToList();
                var state = LocalPodState.Summarize(members);
                if (published.GetValueOrDefault(pod) != state.Text)
                {
                    published[pod] = state.Text;
                    await PublishAsync(pod, state, members).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // A pod starts when its first container starts and stops when its last container stops.
    private Task PublishAsync(PodResource pod, ResourceStateSnapshot state, List<LocalContainerState> containers) =>
        notifications.PublishUpdateAsync(pod, s => s with
        {
            State = state,
            StartTimeStamp = containers.Min(c => c.Started),
            StopTimeStamp = state.Text == KnownResourceStates.Finished || state.Text == LocalPodState.Failed
                ? containers.Max(c => c.Stopped)
                : null,
        });
}
