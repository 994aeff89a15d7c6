using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// A member's environment variables and arguments as its container gets them: Aspire's callbacks run in publish mode,
/// their values resolved for the pod.
/// </summary>
/// <param name="Environment">The environment variables, in the order Aspire gave them.</param>
/// <param name="Arguments">The command-line arguments.</param>
internal sealed record MemberSettings(IReadOnlyList<KeyValuePair<string, string>> Environment, IReadOnlyList<string> Arguments)
{
    private static readonly DistributedApplicationExecutionContext s_publishing = new(DistributedApplicationOperation.Publish);

    public static async Task<MemberSettings> OfAsync(IResource member, ValueResolver values, CancellationToken cancellationToken)
    {
        var environment = await EnvironmentAsync(member, values, cancellationToken).ConfigureAwait(false);
        var arguments = await ArgumentsAsync(member, values, cancellationToken).ConfigureAwait(false);
        return new MemberSettings(environment, arguments);
    }

    private static async Task<List<KeyValuePair<string, string>>> EnvironmentAsync(
        IResource member, ValueResolver values, CancellationToken cancellationToken)
    {
        var raw = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(s_publishing, member, raw, cancellationToken);
        foreach (var callback in member.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context).ConfigureAwait(false);
        }

        var environment = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in raw)
        {
            environment.Add(new(name, await values.ResolveAsync(value, member, name, cancellationToken).ConfigureAwait(false)));
        }

        // Aspire sets HTTP_PORTS; the .NET base images set ASPNETCORE_HTTP_PORTS=8080, so give both the assigned ports.
        if (environment.Find(e => e.Key == "HTTP_PORTS") is { Key: not null } httpPorts && environment.TrueForAll(e => e.Key != "ASPNETCORE_HTTP_PORTS"))
        {
            environment.Add(new("ASPNETCORE_HTTP_PORTS", httpPorts.Value));
        }

        return environment;
    }

    private static async Task<List<string>> ArgumentsAsync(IResource member, ValueResolver values, CancellationToken cancellationToken)
    {
        var raw = new List<object>();
        var context = new CommandLineArgsCallbackContext(raw, member, cancellationToken) { ExecutionContext = s_publishing };
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
