using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// Turns the values Aspire gives a member (strings, endpoint references, expressions, connection strings, parameters)
/// into what the member sees in its container: a member of the same pod at <c>localhost</c>, another pod through its
/// Service. A secret parameter's value is never read here: it stands as a placeholder (<see cref="Secrets"/>), and a
/// value that holds one becomes a key of the app's Secret. A value that cannot be written into a manifest is reported
/// as an error and resolves to an empty string. A pod given another pod's address is noted among that Service port's
/// <see cref="Callers"/>.
/// </summary>
internal sealed class ValueResolver(PortPlan ports, IPodAddresses addresses, Callers callers, PublishReport report)
{
    private const string UriFormat = "uri";

    /// <summary>The secret parameters in the values resolved so far.</summary>
    public SecretPlaceholders Secrets { get; } = new();

    public async Task<string> ResolveAsync(object? value, IResource consumer, string setting, CancellationToken cancellationToken, string? format = null) => value switch
    {
        null => "",
        string text => Encoded(text, format),
        EndpointReference endpoint => Encoded(Endpoint(endpoint, consumer, setting, EndpointProperty.Url), format),
        EndpointReferenceExpression expression => Encoded(Endpoint(expression.Endpoint, consumer, setting, expression.Property), format),
        ReferenceExpression expression => Encoded(await FormatAsync(expression, consumer, setting, cancellationToken).ConfigureAwait(false), format),
        ConnectionStringReference reference => await ResolveAsync(reference.Resource.ConnectionStringExpression, consumer, setting, cancellationToken, format).ConfigureAwait(false),
        IResourceWithConnectionString resource => await ResolveAsync(resource.ConnectionStringExpression, consumer, setting, cancellationToken, format).ConfigureAwait(false),
        ParameterResource { Secret: true } parameter => Secrets.For(parameter, format),
        ParameterResource parameter => Encoded(await ParameterValues.GetAsync(parameter, cancellationToken).ConfigureAwait(false), format),
        IValueProvider provider => Unsupported(consumer, setting, $"a value from {provider.GetType().Name}"),
        // A builder given where its resource was meant (WithArgs(parameter) rather than WithArgs(parameter.Resource)).
        IResourceBuilder<IResource> builder => await ResolveAsync(builder.Resource, consumer, setting, cancellationToken, format).ConfigureAwait(false),
        IResource resource => Unsupported(consumer, setting, $"resource '{resource.Name}' itself (give one of its values: an endpoint, a connection string, a parameter)"),
        _ => Encoded(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", format),
    };

    // A value in a URI is escaped as a URI's data ("{0:uri}"); a secret's placeholder is escaped when the deploy puts it in.
    private static string Encoded(string text, string? format) =>
        format == UriFormat && !SecretPlaceholders.HasAny(text) ? Uri.EscapeDataString(text) : text;

    private async Task<string> FormatAsync(ReferenceExpression expression, IResource consumer, string setting, CancellationToken cancellationToken)
    {
        if (expression.IsConditional)
        {
            var condition = await ResolveAsync(expression.Condition, consumer, setting, cancellationToken).ConfigureAwait(false);
            var branch = string.Equals(condition, expression.MatchValue, StringComparison.OrdinalIgnoreCase) ? expression.WhenTrue : expression.WhenFalse;
            return branch is null ? "" : await FormatAsync(branch, consumer, setting, cancellationToken).ConfigureAwait(false);
        }

        var values = new object?[expression.ValueProviders.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var format = i < expression.StringFormats.Count ? expression.StringFormats[i] : null;
            values[i] = await ResolveAsync(expression.ValueProviders[i], consumer, setting, cancellationToken, format).ConfigureAwait(false);
        }

        return string.Format(CultureInfo.InvariantCulture, expression.Format, values);
    }

    private string Endpoint(EndpointReference endpoint, IResource consumer, string setting, EndpointProperty property)
    {
        var target = endpoint.Resource;
        if (!ports.IsPublished(target))
        {
            return Unsupported(consumer, setting, $"endpoint '{endpoint.EndpointName}' of '{target.Name}', which is not published");
        }

        var containerPort = ports.ContainerPort(target, endpoint.EndpointName);
        if (property == EndpointProperty.TargetPort)
        {
            return containerPort.ToString(CultureInfo.InvariantCulture);
        }

        string host;
        int port;
        if (ports.PodOf(target) == ports.PodOf(consumer))
        {
            (host, port) = ("localhost", containerPort);
        }
        else if (ports.ServicePort(target, endpoint.EndpointName) is { } service)
        {
            (host, port) = addresses.AddressOf(service);
            callers.Add(service, ports.PodOf(consumer));
        }
        else
        {
            report.Errors.Add(
                $"'{consumer.Name}' ({setting}) refers to endpoint '{endpoint.EndpointName}' of '{target.Name}' in pod " +
                $"'{ports.PodOf(target).Name}': {ports.WhyNoServicePort(target, endpoint.EndpointName)}");
            return "";
        }

        var scheme = endpoint.EndpointAnnotation.UriScheme;
        return property switch
        {
            EndpointProperty.Url => $"{scheme}://{host}:{port.ToString(CultureInfo.InvariantCulture)}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => host,
            EndpointProperty.Port => port.ToString(CultureInfo.InvariantCulture),
            EndpointProperty.Scheme => scheme,
            EndpointProperty.HostAndPort => $"{host}:{port.ToString(CultureInfo.InvariantCulture)}",
            EndpointProperty.TlsEnabled => endpoint.EndpointAnnotation.TlsEnabled ? bool.TrueString : bool.FalseString,
            _ => Unsupported(consumer, setting, $"the {property} of endpoint '{endpoint.EndpointName}' of '{target.Name}'"),
        };
    }

    private string Unsupported(IResource consumer, string setting, string what)
    {
        report.Errors.Add($"'{consumer.Name}' ({setting}) uses {what}, which the Kubernetes pod publisher cannot write into a manifest.");
        return "";
    }
}
