using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// A parameter's value as Aspire resolves it (configuration, user secrets, the deployment state it keeps generated
/// values in). Aspire asks for a missing value and waits for the answer; where no one can answer (no Aspire CLI to ask
/// through, interaction turned off, or CI) a value that does not come at once fails within seconds, naming the
/// parameter and the ways to give it, instead of waiting forever.
/// </summary>
internal static class ParameterValues
{
    /// <summary>Aspire's setting that turns its questions off (the Aspire CLI sets it where its terminal cannot answer).</summary>
    public const string InteractivityEnabled = "ASPIRE_INTERACTIVITY_ENABLED";

    /// <summary>How long a value may take where no one can be asked: a configured one comes at once.</summary>
    public static readonly TimeSpan NoAnswerTimeout = TimeSpan.FromSeconds(5);

    public static async Task<string> GetAsync(ParameterResource parameter, CancellationToken cancellationToken)
    {
        try
        {
            var value = parameter.GetValueAsync(cancellationToken).AsTask();
            return (CanAsk() ? await value.ConfigureAwait(false) : await value.WaitAsync(NoAnswerTimeout, cancellationToken).ConfigureAwait(false)) ?? "";
        }
        catch (Exception ex) when (ex is TimeoutException or MissingParameterValueException)
        {
            throw Missing(parameter);
        }
    }

    /// <summary>Whether Aspire can ask someone for a value: through the Aspire CLI, in a terminal, with interaction on.</summary>
    public static bool CanAsk() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPIRE_BACKCHANNEL_PATH"))
        && !string.Equals(Environment.GetEnvironmentVariable(InteractivityEnabled), "false", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static DistributedApplicationException Missing(ParameterResource parameter)
    {
        // The key Aspire reads it from.
        var key = parameter.IsConnectionString ? $"ConnectionStrings:{parameter.Name}" : $"Parameters:{parameter.Name}";
        return new DistributedApplicationException(
            $"Parameter '{parameter.Name}' has no value, and no one can be asked for it here. Give it one: the configuration key " +
            $"'{key}' (on the command line '--{key}=<value>', or the environment variable '{key.Replace(":", "__", StringComparison.Ordinal).Replace('-', '_')}'), " +
            $"or a user secret ('dotnet user-secrets set {key} <value>' in the app host's folder).");
    }
}
