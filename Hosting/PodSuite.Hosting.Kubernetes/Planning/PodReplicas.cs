using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// How many copies of a pod run: its members' count (Aspire's <c>WithReplicas(n)</c>), which members that do not say
/// follow, since a sidecar goes with its app. A count that cannot hold is an error naming the members: two counts in
/// one pod, copies of a pod that runs to completion (it runs once: a bare Pod or a Job), or copies sharing a claim that
/// one node at a time may mount.
/// </summary>
internal static class PodReplicas
{
    /// <param name="pod">The pod.</param>
    /// <param name="order">Its start order, which says whether it runs to completion.</param>
    /// <param name="hasSingleNodeClaim">Whether the pod mounts a claim one node at a time may mount.</param>
    /// <param name="report">Where a count that cannot hold is an error.</param>
    public static int Of(PodPlan pod, StartOrder order, bool hasSingleNodeClaim, PublishReport report)
    {
        var asked = pod.Members
            .Select(m => (Member: m, Count: m.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas))
            .Where(m => m.Count is not null)
            .ToList();
        if (asked.Count == 0)
        {
            return 1;
        }

        if (asked.Select(m => m.Count).Distinct().Count() > 1)
        {
            report.Errors.Add(
                $"Pod '{pod.Name}' cannot run as many copies as each of its members asks: " +
                string.Join(", ", asked.Select(m => $"'{m.Member.Name}' asks for {m.Count}")) +
                ". A pod's members run together, so give them one count (WithReplicas), or put them in pods of their own.");
            return 1;
        }

        var (member, count) = (asked[0].Member, asked[0].Count!.Value);
        if (count > 1 && order.RunsToCompletion)
        {
            report.Errors.Add(
                $"'{member.Name}' asks for {count} replicas, but pod '{pod.Name}' runs to completion, once. Remove WithReplicas, " +
                "or make the work a serving member.");
        }
        else if (count > 1 && hasSingleNodeClaim)
        {
            report.Errors.Add(
                $"'{member.Name}' asks for {count} replicas, but pod '{pod.Name}' mounts a claim of a named volume, which one node " +
                "at a time may mount (ReadWriteOnce), so copies on other nodes would never start. Remove WithReplicas, keep the " +
                "data in a pod of its own that the copies call, or give the claims an access mode many nodes share " +
                "('PodSuite:Volumes:AccessMode', ReadWriteMany, where the storage class offers it).");
        }

        return count;
    }
}
