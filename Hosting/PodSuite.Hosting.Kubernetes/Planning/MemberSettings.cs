using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Telemetry;
using PodSuite.Hosting.Kubernetes.Validation;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// A member's environment variables and arguments as its container gets them: Aspire's callbacks run in publish mode,
/// their values resolved for the pod.
/// </summary>
/// <param name="Environment">The environment variables, in the order Aspire gave them.</param>
/// <param name="Arguments">The command-line arguments.</param>
/// <param name="Secrets">
/// The environment variables whose values come from Secrets: the member's own, the values that hold a secret parameter
/// (from the app's Secret), then PodSuite's.
/// </param>
/// <param name="SecretValues">The keys of the app's Secret that this member's values hold, for the deploy to fill.</param>
internal sealed record MemberSettings(
    IReadOnlyList<KeyValuePair<string, string>> Environment, IReadOnlyList<string> Arguments, IReadOnlyList<SecretEnvironmentAnnotation> Secrets,
    IReadOnlyList<AppSecretValue> SecretValues)
{
    private const string HttpPorts = "HTTP_PORTS";
    private const string AspNetCoreHttpPorts = "ASPNETCORE_HTTP_PORTS";

    /// <summary>
    /// Runs the member's callbacks; what one of them throws (a parameter without a value, say) is reported as an error
    /// of the publish, with the member's settings left empty.
    /// </summary>
    public static async Task<MemberSettings> OfAsync(
        IResource member, ValueResolver values, DistributedApplicationExecutionContext executionContext, IResource? dashboard,
        string appSecret, PublishReport report, CancellationToken cancellationToken)
    {
        try
        {
            var environment = await EnvironmentAsync(member, values, executionContext, dashboard, cancellationToken).ConfigureAwait(false);
            foreach (var (name, _) in environment)
            {
                if (KubernetesRules.EnvironmentVariableName.Check(name, $"Environment variable '{name}' of '{member.Name}'") is { } problem)
                {
                    report.Errors.Add($"{problem} Rename it where the model sets it ({nameof(ResourceBuilderExtensions.WithEnvironment)}, or the reference that adds it).");
                }
            }

            var arguments = await ArgumentsAsync(member, values, executionContext, cancellationToken).ConfigureAwait(false);
            foreach (var argument in arguments.Where(SecretPlaceholders.HasAny))
            {
                report.Errors.Add(
                    $"'{member.Name}': an argument holds secret parameter {string.Join(", ", values.Secrets.Split(argument).OfType<SecretPart>().Select(p => $"'{p.Parameter.Name}'"))}, " +
                    "and a Secret reaches a container only through its environment. Give the value as an environment variable, and let the program " +
                    "(or a shell in its entrypoint) read it there.");
            }

            var secrets = member.Annotations.OfType<SecretEnvironmentAnnotation>().ToList();
            var secretValues = new List<AppSecretValue>();
            foreach (var (name, value) in environment.Where(e => SecretPlaceholders.HasAny(e.Value)))
            {
                var parts = values.Secrets.Split(value);
                var key = parts is [SecretPart { UriEncoded: false } alone] ? alone.Parameter.Name : $"{member.Name}.{name}";
                secretValues.Add(new AppSecretValue(key, parts));
                secrets.Add(new SecretEnvironmentAnnotation(name, appSecret, key, optional: false));
            }

            environment.RemoveAll(e => SecretPlaceholders.HasAny(e.Value));
            secrets.AddRange(TelemetryEnvironment.SecretsFor(member, dashboard, [.. environment.Select(e => e.Key), .. secrets.Select(s => s.Name)]));
            return new MemberSettings(environment, arguments.Where(a => !SecretPlaceholders.HasAny(a)).ToList(), secrets, secretValues);
        }
        catch (DistributedApplicationException ex)
        {
            report.Errors.Add($"'{member.Name}': {ex.Message}");
            return new MemberSettings([], [], [], []);
        }
    }

    private static async Task<List<KeyValuePair<string, string>>> EnvironmentAsync(
        IResource member, ValueResolver values, DistributedApplicationExecutionContext executionContext, IResource? dashboard,
        CancellationToken cancellationToken)
    {
        var raw = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(executionContext, member, raw, cancellationToken);
        foreach (var callback in member.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context).ConfigureAwait(false);
        }

        foreach (var (name, value) in TelemetryEnvironment.For(member, dashboard))
        {
            raw.TryAdd(name, value);
        }

        var environment = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in raw)
        {
            environment.Add(new(name, await values.ResolveAsync(value, member, name, cancellationToken).ConfigureAwait(false)));
        }

        // Aspire sets HTTP_PORTS; the .NET base images set ASPNETCORE_HTTP_PORTS=8080, so give both the assigned ports.
        var httpPorts = environment.FindIndex(e => e.Key == HttpPorts);
        if (httpPorts >= 0 && environment.TrueForAll(e => e.Key != AspNetCoreHttpPorts))
        {
            environment.Add(new(AspNetCoreHttpPorts, environment[httpPorts].Value));
        }

        return environment;
    }

    private static async Task<List<string>> ArgumentsAsync(
        IResource member, ValueResolver values, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        var raw = new List<object>();
        var context = new CommandLineArgsCallbackContext(raw, member, cancellationToken) { ExecutionContext = executionContext };
        foreach (var callback in member.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(context).ConfigureAwait(false);
        }

        var arguments = new List<string>();
        foreach (var value in raw)
        {
            arguments.Add(await values.ResolveAsync(value, member, "arguments", cancellationToken).ConfigureAwait(false));
        }

        return arguments;
    }
}
