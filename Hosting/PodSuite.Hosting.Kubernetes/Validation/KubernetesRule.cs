using System.Text.RegularExpressions;

namespace PodSuite.Hosting.Kubernetes.Validation;

/// <summary>One of the rules the Kubernetes API server checks a name or value against.</summary>
/// <param name="Name">The rule's name, as Kubernetes' own messages give it.</param>
/// <param name="MaxLength">The longest value it allows.</param>
/// <param name="Pattern">What the value must match.</param>
/// <param name="Description">The rule in words, for the message.</param>
internal sealed record KubernetesRule(string Name, int MaxLength, Regex Pattern, string Description)
{
    public bool Allows(string value) => value.Length <= MaxLength && Pattern.IsMatch(value);

    /// <summary>Why <paramref name="value"/> breaks the rule, or <see langword="null"/> when it keeps it.</summary>
    /// <param name="value">The value.</param>
    /// <param name="subject">What the value is, with the value, such as "Service name 'web'".</param>
    public string? Check(string value, string subject) => Allows(value)
        ? null
        : $"{subject} breaks Kubernetes' rule for {Name}: {Description}" +
          (value.Length > MaxLength ? $"; it has {value.Length}." : ".");
}
