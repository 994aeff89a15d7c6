using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Planning;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// The security profile of a member's container: the app host's choice; else restricted where PodSuite knows the
/// image's user (the SDK's .NET images, an annotated user such as the dashboard's, Aspire's Redis and PostgreSQL);
/// else as the image says, with a warning naming the way to restrict it.
/// </summary>
internal static class SecurityProfiles
{
    public static ContainerSecurityProfile Of(IResource member) =>
        member.Annotations.OfType<ContainerSecurityProfileAnnotation>().LastOrDefault()?.Profile
        ?? (member.TryGetLastAnnotation<ContainerUserAnnotation>(out var user) ? ContainerSecurityProfile.Restricted(user.User)
        : member is ProjectResource ? ContainerSecurityProfile.Restricted(SecurityDefaults.DotNetAppUser)
        : Integrations.DatabaseImages.Of(member)
        ?? ContainerSecurityProfile.ImageDefaults);

    /// <summary>Says, for a member that runs as its image says without the app host having chosen it, what that means.</summary>
    public static void WarnIfUnknown(IResource member, PublishReport report)
    {
        if (!Of(member).IsRestricted && !member.Annotations.OfType<ContainerSecurityProfileAnnotation>().Any())
        {
            var image = member.TryGetContainerImageName(out var name) ? name : "its image";
            report.Warnings.Add(
                $"'{member.Name}' runs as {image} says (its user, root for many images, and a writable root file system): " +
                "PodSuite does not know its user. To run it restricted, give its numeric user and the directories it writes: " +
                "PublishWithSecurityProfile(ContainerSecurityProfile.Restricted(user, group, \"/dir\", ...)); to keep it as it " +
                "is without this warning, PublishWithSecurityProfile(ContainerSecurityProfile.ImageDefaults).");
        }
    }
}
