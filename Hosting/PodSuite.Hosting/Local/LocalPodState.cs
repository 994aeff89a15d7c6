using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Local;

/// <summary>The state of one container of a pod as the dashboard last reported it.</summary>
/// <param name="State">The state's text, or <see langword="null"/> before the first report.</param>
/// <param name="ExitCode">The exit code once the container has exited.</param>
/// <param name="Started">When the container started, once it has.</param>
/// <param name="Stopped">When the container stopped, once it has.</param>
internal readonly record struct LocalContainerState(string? State, int? ExitCode, DateTime? Started = null, DateTime? Stopped = null);

/// <summary>Derives a pod's state from the states of its containers.</summary>
internal static class LocalPodState
{
    public const string Failed = "Failed";

    /// <summary>
    /// Failed as soon as one container failed; finished when all finished; running while any runs and none failed;
    /// otherwise starting (or not started before any report).
    /// </summary>
    public static ResourceStateSnapshot Summarize(IReadOnlyCollection<LocalContainerState> containers)
    {
        if (containers.Count == 0 || containers.All(c => c.State is null || c.State == KnownResourceStates.NotStarted))
        {
            return new(KnownResourceStates.NotStarted, KnownResourceStateStyles.Info);
        }

        if (containers.Any(HasFailed))
        {
            return new(Failed, KnownResourceStateStyles.Error);
        }

        if (containers.All(HasFinished))
        {
            return new(KnownResourceStates.Finished, KnownResourceStateStyles.Success);
        }

        if (containers.Any(c => c.State == KnownResourceStates.Running))
        {
            return new(KnownResourceStates.Running, KnownResourceStateStyles.Success);
        }

        return containers.Any(c => c.State == KnownResourceStates.Stopping)
            ? new(KnownResourceStates.Stopping, KnownResourceStateStyles.Info)
            : new(KnownResourceStates.Starting, KnownResourceStateStyles.Info);
    }

    private static bool HasFailed(LocalContainerState c) =>
        c.State == KnownResourceStates.FailedToStart
        || c.State == KnownResourceStates.RuntimeUnhealthy
        || (IsTerminal(c.State) && c.ExitCode is not null and not 0);

    private static bool HasFinished(LocalContainerState c) => IsTerminal(c.State) && c.ExitCode is null or 0;

    private static bool IsTerminal(string? state) =>
        state == KnownResourceStates.Finished || state == KnownResourceStates.Exited;
}
