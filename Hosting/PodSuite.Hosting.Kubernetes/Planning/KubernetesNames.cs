using System.Text.RegularExpressions;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>Kubernetes' rules for the names PodSuite derives from the model's names.</summary>
internal static partial class KubernetesNames
{
    /// <summary>The longest port name (IANA service name) Kubernetes accepts.</summary>
    public const int MaxPortNameLength = 15;

    /// <summary>An RFC 1123 label: lower-case letters, digits and '-', at most 63, starting and ending alphanumeric.</summary>
    public static bool IsDnsLabel(string name) => DnsLabel().IsMatch(name);

    /// <summary>A port name: at most 15 lower-case letters, digits and '-', with at least one letter.</summary>
    public static bool IsPortName(string name) => PortName().IsMatch(name);

    /// <summary>Lower-case letters, digits and '-' only, as Kubernetes names and label values allow.</summary>
    public static string Slug(string text) => NotNameCharacters().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex PortName();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotNameCharacters();
}
