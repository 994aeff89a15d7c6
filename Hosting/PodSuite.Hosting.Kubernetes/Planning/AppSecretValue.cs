using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// A key of the app's Secret: a secret parameter's value, or a value composed with one (a connection string with its
/// password), so that no runtime has to compose it. Its parts are text and <see cref="SecretPart"/>s; the deploy puts
/// the values in.
/// </summary>
/// <param name="Key">The key: the parameter's name, or <c>&lt;member&gt;.&lt;variable&gt;</c> for a composed value.</param>
/// <param name="Parts">Text and secret parameters, in order.</param>
internal sealed record AppSecretValue(string Key, IReadOnlyList<object> Parts)
{
    /// <summary>The name of the app's Secret: <c>&lt;part-of&gt;-secrets</c>.</summary>
    public static string SecretName(KubernetesPublishOptions options) => $"{Rendering.ObjectMetadata.PartOf(options)}-secrets";

    /// <summary>The secret parameters it holds.</summary>
    public IEnumerable<ParameterResource> Parameters => Parts.OfType<SecretPart>().Select(p => p.Parameter);

    /// <summary>The value, with each parameter's value put in (URL-encoded where the expression said so).</summary>
    public string Compose(IReadOnlyDictionary<ParameterResource, string> values)
    {
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            text.Append(part is SecretPart secret
                ? secret.UriEncoded ? Uri.EscapeDataString(values[secret.Parameter]) : values[secret.Parameter]
                : (string)part);
        }

        return text.ToString();
    }
}
