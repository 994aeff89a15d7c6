using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// Where a secret parameter's value goes in a resolved value: while the model's values are resolved, a secret stands as
/// a placeholder (control characters no value of the model holds), so that it composes like any text; a value holding
/// one is then split into its parts, and the deploy puts the values in. No secret is read while publishing.
/// </summary>
internal sealed class SecretPlaceholders
{
    private const char Start = '\u0001';
    private const char End = '\u0002';
    private readonly List<SecretPart> _secrets = [];

    /// <summary>The placeholder of <paramref name="parameter"/>'s value, encoded as <paramref name="format"/> says.</summary>
    public string For(ParameterResource parameter, string? format)
    {
        var part = new SecretPart(parameter, format == "uri");
        var index = _secrets.IndexOf(part);
        if (index < 0)
        {
            _secrets.Add(part);
            index = _secrets.Count - 1;
        }

        return $"{Start}{index}{End}";
    }

    public static bool HasAny(string text) => text.Contains(Start, StringComparison.Ordinal);

    /// <summary>The value's parts: text, and the secrets between it.</summary>
    public IReadOnlyList<object> Split(string text)
    {
        var parts = new List<object>();
        var rest = text.AsSpan();
        while (rest.IndexOf(Start) is var start and >= 0)
        {
            var end = rest.IndexOf(End);
            if (start > 0)
            {
                parts.Add(rest[..start].ToString());
            }

            parts.Add(_secrets[int.Parse(rest[(start + 1)..end], System.Globalization.CultureInfo.InvariantCulture)]);
            rest = rest[(end + 1)..];
        }

        if (rest.Length > 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }
}

/// <summary>A secret parameter's value in a composed value, URL-encoded where the expression says <c>:uri</c>.</summary>
internal sealed record SecretPart(ParameterResource Parameter, bool UriEncoded);
