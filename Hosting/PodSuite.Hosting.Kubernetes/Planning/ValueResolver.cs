using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// Turns the values Aspire gives a member (strings, endpoint references, expressions, parameters) into what the
/// member sees in its container: a member of the same pod at <c>localhost</c>, another pod through its Service. A value
/// that cannot be written into a manifest is reported as an error and resolves to an empty string. A pod given another
/// pod's address is noted among that Service port's <see cref="Callers"/>.
/// </summary>
internal sealed class ValueResolver(PortPlan ports, IPodAddresses addresses, Callers callers, PublishReport report)
{
    public async Task<string> ResolveAsync(object? value, IResource consumer, string setting, CancellationToken cancellationToken) => value switch
    {
        null => "",
        string text => text,
        EndpointReference endpoint => Endpoint(endpoint, consumer, setting, EndpointProperty.Url),
        EndpointReferenceExpression expression => Endpoint(expression.Endpoint, consumer, setting, expression.Property),
        ReferenceExpression expression => await FormatAsync(expression, consumer, setting, cancellationToken).ConfigureAwait(false),
        ParameterResource { Secret: true } parameter => Unsupported(consumer, setting,
            $"secret parameter '{parameter.Name}' (secrets are not written into manifests; give the value through a Secret of your own, " +
            $"with {nameof(PodPublishingExtensions.PublishEnvironmentFromSecret)})"),
        ParameterResource parameter => await parameter.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? "",
        IValueProvider provider => Unsupported(consumer, setting, $"a value from {provider.GetType().Name}"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private async Task<string> FormatAsync(ReferenceExpression expression, IResource consumer, string setting, CancellationToken cancellationToken)
    {
        var values = new object?[expression.ValueProviders.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = await ResolveAsync(expression.ValueProviders[i], consumer, setting, cancellationToken).ConfigureAwait(false);
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
            (host, port) = (addresses.HostOf(service), service.Port);
            callers.Add(service, ports.PodOf(consumer));
        }
        else
        {
            report.Errors.Add(
                $"'{consumer.Name}' ({setting}) refers to endpoint '{endpoint.EndpointName}' of '{target.Name}' in pod " +
                $"'{ports.PodOf(target).Name}', but that endpoint is internal, so no Service reaches it from pod " +
                $"'{ports.PodOf(consumer).Name}'. Make it external ({nameof(ResourceBuilderExtensions.WithExternalHttpEndpoints)}) or put both in one pod.");
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
            _ => Unsupported(consumer, setting, $"the {property} of endpoint '{endpoint.EndpointName}' of '{target.Name}'"),
        };
    }

    private string Unsupported(IResource consumer, string setting, string what)
    {
        report.Errors.Add($"'{consumer.Name}' ({setting}) uses {what}, which the Kubernetes pod publisher cannot write into a manifest.");
        return "";
    }
}
