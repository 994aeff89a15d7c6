using System.Text;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// Kubernetes reads <c>$(NAME)</c> in a container's environment values, command and arguments as a reference to a
/// variable, and <c>$$</c> as one <c>$</c>. Text from the model is escaped, so it reaches the container as written;
/// the references PodSuite writes on purpose (the downward API's pod name and namespace) stay references.
/// </summary>
internal static class VariableReferences
{
    /// <summary>Text from the model, escaped so that the kubelet gives it back as it is.</summary>
    public static string Literal(string text) => text.Replace("$", "$$", StringComparison.Ordinal);

    /// <summary>
    /// What the kubelet makes of a value: <c>$$</c> is <c>$</c>, <c>$(NAME)</c> the value of a variable
    /// <paramref name="lookup"/> knows, and anything else, an unknown or unclosed reference included, stays as it is.
    /// </summary>
    public static string Expand(string value, Func<string, string?> lookup)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '$' || i + 1 == value.Length)
            {
                result.Append(value[i]);
            }
            else if (value[i + 1] == '$')
            {
                result.Append('$');
                i++;
            }
            else if (value[i + 1] == '(' && value.IndexOf(')', i + 2) is var close and > 0)
            {
                var name = value[(i + 2)..close];
                result.Append(lookup(name) ?? $"$({name})");
                i = close;
            }
            else
            {
                result.Append('$');
            }
        }

        return result.ToString();
    }
}
