using System.Text.RegularExpressions;

namespace PodSuite.Hosting.Kubernetes.Validation;

/// <summary>Kubernetes' rules for names and values: the one place PodSuite keeps them.</summary>
internal static partial class KubernetesRules
{
    /// <summary>Container, volume and namespace names.</summary>
    public static readonly KubernetesRule Dns1123Label = new(
        "an RFC 1123 label", 63, DnsLabelPattern(), "at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit");

    /// <summary>Names of Deployments, Pods and ConfigMaps.</summary>
    public static readonly KubernetesRule Dns1123Subdomain = new(
        "an RFC 1123 subdomain", 253, DnsSubdomainPattern(),
        "at most 253 lower-case letters, digits, '-' and '.', each part between dots starting and ending with a letter or digit");

    /// <summary>Service names: they become DNS names, so they start with a letter.</summary>
    public static readonly KubernetesRule Dns1035Label = new(
        "an RFC 1035 label (a Service name)", 63, Dns1035Pattern(),
        "at most 63 lower-case letters, digits and '-', starting with a letter and ending with a letter or digit");

    /// <summary>Container port names (a Service's port names are RFC 1123 labels).</summary>
    public static readonly KubernetesRule PortName = new(
        "an IANA service name (a port name)", 15, PortNamePattern(),
        "at most 15 lower-case letters, digits and '-', with at least one letter, no '--', starting and ending with a letter or digit");

    /// <summary>Names of container environment variables.</summary>
    public static readonly KubernetesRule EnvironmentVariableName = new(
        "an environment variable name", int.MaxValue, EnvironmentVariablePattern(),
        "letters, digits, '_', '-' and '.', not starting with a digit, and neither '.' nor starting with '..'");

    /// <summary>Keys of a ConfigMap's data: the file names of config files.</summary>
    public static readonly KubernetesRule ConfigMapKey = new(
        "a ConfigMap key", 253, ConfigMapKeyPattern(), "at most 253 letters, digits, '-', '_' and '.', and neither '.' nor starting with '..'");

    /// <summary>Label values.</summary>
    public static readonly KubernetesRule LabelValue = new(
        "a label value", 63, LabelValuePattern(), "at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit");

    /// <summary>Lower-case letters, digits and '-' only, as Kubernetes names and label values allow.</summary>
    public static string Slug(string text) => NotNameCharacters().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z")]
    private static partial Regex DnsSubdomainPattern();

    [GeneratedRegex(@"^[a-z]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex Dns1035Pattern();

    [GeneratedRegex(@"^(?!.*--)(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex PortNamePattern();

    [GeneratedRegex(@"^(?!\.\.)(?!\.\z)[-._a-zA-Z][-._a-zA-Z0-9]*\z")]
    private static partial Regex EnvironmentVariablePattern();

    [GeneratedRegex(@"^(?!\.\.)(?!\.\z)[-._a-zA-Z0-9]+\z")]
    private static partial Regex ConfigMapKeyPattern();

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\z")]
    private static partial Regex LabelValuePattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotNameCharacters();
}
