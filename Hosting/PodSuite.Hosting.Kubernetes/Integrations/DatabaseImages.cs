using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Integrations;

/// <summary>
/// What PodSuite's restricted pods must know of the images Aspire's database integrations choose (the official redis
/// and postgres images), to run them without root and with a read-only root file system: their user and group (999 in
/// both), and the directories they write, each an emptyDir unless a volume of the model's is mounted there. Known by
/// the resource's type name, so that PodSuite does not depend on those integrations.
/// </summary>
internal static class DatabaseImages
{
    private static readonly Dictionary<string, ContainerSecurityProfile> s_profiles = new(StringComparer.Ordinal)
    {
        // redis-server writes its snapshots to its working directory.
        ["Aspire.Hosting.ApplicationModel.RedisResource"] = ContainerSecurityProfile.Restricted(999, 999, "/data"),
        // The data directory (under /var/lib/postgresql from PostgreSQL 18, where Aspire mounts its data volume), and
        // the server's socket.
        ["Aspire.Hosting.ApplicationModel.PostgresServerResource"] =
            ContainerSecurityProfile.Restricted(999, 999, "/var/lib/postgresql", "/var/run/postgresql"),
    };

    /// <summary>The profile of a member's image, or null when PodSuite knows nothing of it.</summary>
    public static ContainerSecurityProfile? Of(IResource member) => s_profiles.GetValueOrDefault(member.GetType().FullName ?? "");
}
