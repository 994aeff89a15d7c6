namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// How a published container runs. PodSuite's own .NET images, the dashboard's, and the database images Aspire chooses
/// (Redis, PostgreSQL) are <see cref="Restricted"/>, with their known users. Any other image runs as the image says
/// (<see cref="ImageDefaults"/>), with a warning, since Kubernetes verifies non-root only of a numeric user the image
/// may not have, and many images write beside their data: give such an image's user and the directories it writes
/// with <see cref="Restricted"/> (<c>PublishWithSecurityProfile</c>) to run it restricted too.
/// </summary>
public sealed class ContainerSecurityProfile
{
    private ContainerSecurityProfile(bool restricted, long? user, long? group, IReadOnlyList<string> writableDirectories)
    {
        IsRestricted = restricted;
        User = user;
        Group = group;
        WritableDirectories = writableDirectories;
    }

    /// <summary>
    /// As the image says: its user (root, for many), its root file system writable, its capabilities; only privilege
    /// escalation is off, and the pod's seccomp profile is the runtime's default.
    /// </summary>
    public static ContainerSecurityProfile ImageDefaults { get; } = new(false, null, null, []);

    /// <summary>
    /// Pod Security Standards "restricted": the numeric non-root <paramref name="user"/>, no capabilities, no privilege
    /// escalation, and a read-only root file system with an emptyDir at each of <paramref name="writableDirectories"/>
    /// (a volume of the model's mounted there takes its place), and <c>/tmp</c>.
    /// </summary>
    /// <param name="user">The numeric user the image's programs run as; not 0.</param>
    /// <param name="group">The group the pod's volumes are given to (<c>fsGroup</c>), so that the user can write them; the user's number by default.</param>
    /// <param name="writableDirectories">The absolute paths the image writes, besides its volumes and <c>/tmp</c>.</param>
    /// <returns>The profile.</returns>
    public static ContainerSecurityProfile Restricted(long user, long? group = null, params string[] writableDirectories)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(user);
        ArgumentNullException.ThrowIfNull(writableDirectories);
        foreach (var directory in writableDirectories)
        {
            if (!directory.StartsWith('/'))
            {
                throw new ArgumentException($"'{directory}' is not an absolute path in the container.", nameof(writableDirectories));
            }
        }

        return new(true, user, group ?? user, [.. writableDirectories.Select(d => d.Length > 1 ? d.TrimEnd('/') : d)]);
    }

    /// <summary>Whether the container runs restricted.</summary>
    public bool IsRestricted { get; }

    /// <summary>The numeric user of a restricted container.</summary>
    public long? User { get; }

    /// <summary>The group its volumes are given to.</summary>
    public long? Group { get; }

    /// <summary>The directories a restricted container writes, besides its volumes and <c>/tmp</c>.</summary>
    public IReadOnlyList<string> WritableDirectories { get; }
}

/// <summary>The security profile the app host chose for a member's published container (<c>PublishWithSecurityProfile</c>).</summary>
/// <param name="profile">The profile.</param>
internal sealed class ContainerSecurityProfileAnnotation(ContainerSecurityProfile profile) : IResourceAnnotation
{
    public ContainerSecurityProfile Profile { get; } = profile;
}
