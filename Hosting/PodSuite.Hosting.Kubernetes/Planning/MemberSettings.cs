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
/// <param name="Secrets">The environment variables whose values come from Secrets: the member's own, then PodSuite's.</param>
internal sealed record MemberSettings(
    IReadOnlyList<KeyValuePair<string, string>> Environment, IReadOnlyList<string> Arguments, IReadOnlyList<SecretEnvironmentAnnotation> Secrets)
{
    private const string HttpPorts = "HTTP_PORTS";
    private const string AspNetCoreHttpPorts = "ASPNETCORE_HTTP_PORTS";

    /// <summary>
    /// Runs the member's callbacks; what one of them throws (a parameter without a value, say) is reported as an error
    /// of the publish, with the member's settings left empty.
    /// </summary>
    public static async Task<MemberSettings> OfAsync(
        IResource member, ValueResolver values, DistributedApplicationExecutionContext executionContext, IResource? dashboard,
        PublishReport report, CancellationToken cancellationToken)
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
            var secrets = member.Annotations.OfType<SecretEnvironmentAnnotation>().ToList();
            secrets.AddRange(TelemetryEnvironment.SecretsFor(member, dashboard, [.. environment.Select(e => e.Key), .. secrets.Select(s => s.Name)]));
            return new MemberSettings(environment, arguments, secrets);
        }
        catch (DistributedApplicationException ex)
        {
            report.Errors.Add($"'{member.Name}': {ex.Message}");
            return new MemberSettings([], [], []);
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
