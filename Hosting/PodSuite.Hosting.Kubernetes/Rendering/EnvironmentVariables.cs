using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using PodSuite.Hosting.Kubernetes.Planning;
using PodSuite.Hosting.Kubernetes.Telemetry;

namespace PodSuite.Hosting.Kubernetes.Rendering;

/// <summary>
/// A container's environment: the member's settings; for a member that exports telemetry, the pod's name and namespace
/// from the downward API and the OpenTelemetry resource attributes made of them (Kubernetes expands <c>$(NAME)</c>
/// from the variables before it); and the values that come from Secrets. The model's values are written as literal text
/// (<see cref="VariableReferences"/>).
/// </summary>
internal static class EnvironmentVariables
{
    public const string PodName = "POD_NAME";
    public const string PodNamespace = "POD_NAMESPACE";
    public const string ResourceAttributes = "OTEL_RESOURCE_ATTRIBUTES";

    public static List<V1EnvVar>? Of(IResource member, MemberSettings settings)
    {
        var own = settings.Environment.ToDictionary(e => e.Key, e => e.Value);
        var environment = new List<V1EnvVar>();
        var exportsTelemetry = own.ContainsKey(TelemetryEnvironment.Endpoint);
        if (exportsTelemetry)
        {
            environment.AddRange(new[] { (PodName, "metadata.name"), (PodNamespace, "metadata.namespace") }
                .Where(v => !own.ContainsKey(v.Item1))
                .Select(v => new V1EnvVar { Name = v.Item1, ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = v.Item2 } } }));
        }

        environment.AddRange(settings.Environment.Where(e => !exportsTelemetry || e.Key != ResourceAttributes)
            .Select(e => new V1EnvVar { Name = e.Key, Value = VariableReferences.Literal(e.Value) }));
        if (exportsTelemetry)
        {
            var attributes = $"k8s.pod.name=$({PodName}),k8s.namespace.name=$({PodNamespace}),k8s.container.name={member.Name}";
            environment.Add(new V1EnvVar
            {
                Name = ResourceAttributes,
                Value = own.TryGetValue(ResourceAttributes, out var more) && more.Length > 0 ? $"{attributes},{VariableReferences.Literal(more)}" : attributes,
            });
        }

        environment.AddRange(settings.Secrets.Select(s => new V1EnvVar
        {
            Name = s.Name,
            ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = s.SecretName, Key = s.Key, Optional = s.Optional ? true : null } },
        }));
        return environment.Count > 0 ? environment : null;
    }
}
