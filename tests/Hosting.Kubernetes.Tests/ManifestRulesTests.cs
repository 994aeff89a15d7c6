using k8s;
using PodSuite.Hosting.Kubernetes.Validation;

namespace Hosting.Kubernetes.Tests;

/// <summary>
/// CI's check of the committed manifests against Kubernetes' name and value rules, which the schema check cannot see,
/// and a known-bad sample that proves the check can fail.
/// </summary>
public class ManifestRulesTests
{
    [Fact]
    public void TheCommittedManifestsKeepKubernetesNameAndValueRules()
    {
        var objects = Directory.EnumerateFiles(Path.Combine(TestRepository.Root, "manifests"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(Load)
            .ToList();

        Assert.True(objects.Count >= 9, $"only {objects.Count} objects in manifests/");
        Assert.Empty(ObjectRules.Check(objects));
    }

    [Fact]
    public void TheCheckFindsEveryBrokenRuleInAKnownBadSample()
    {
        var problems = ObjectRules.Check(Load(Path.Combine(TestRepository.Root, "eng/validate-manifests/invalid-names-sample.yaml")));

        Assert.Contains("Deployment 'My_App': the name 'My_App' breaks Kubernetes' rule for an RFC 1123 subdomain: at most 253 lower-case letters, digits, '-' and '.', each part between dots starting and ending with a letter or digit.", problems);
        Assert.Contains(problems, p => p.StartsWith("Deployment 'My_App': the namespace 'Team_A' breaks Kubernetes' rule for an RFC 1123 label", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("of label app.kubernetes.io/part-of breaks Kubernetes' rule for a label value", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("container name 'Web' breaks", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("port name 'administration-port' of container 'Web' breaks Kubernetes' rule for an IANA service name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("port name 'http' is used 2 times in container 'Web'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("port 70000 of container 'Web' is not between 1 and 65535", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("environment variable '1_BAD' of container 'Web' breaks", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("volume name 'Data_Vol' breaks", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("mounts volume 'missing', which the pod does not have", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Service '1service': the name '1service' breaks Kubernetes' rule for an RFC 1035 label", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("ConfigMap 'routes': the key 'etc/routes.json' breaks Kubernetes' rule for a ConfigMap key", StringComparison.Ordinal));
        Assert.Equal(12, problems.Count);
    }

    [Fact]
    public void AJobsPodSpecIsCheckedAsADeploymentsIs()
    {
        var job = new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta { Name = "mc2" },
            Spec = new V1JobSpec
            {
                Template = new V1PodTemplateSpec
                {
                    Spec = new V1PodSpec
                    {
                        RestartPolicy = "Never",
                        Containers = [new V1Container { Name = "Producer", Image = "example/ipc", VolumeMounts = [new V1VolumeMount { Name = "missing", MountPath = "/data" }] }],
                    },
                },
            },
        };

        var problems = ObjectRules.Check([job]);

        Assert.Contains(problems, p => p.StartsWith("Job 'mc2': ", StringComparison.Ordinal) && p.Contains("container name 'Producer' breaks", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Job 'mc2': ", StringComparison.Ordinal) && p.Contains("mounts volume 'missing', which the pod does not have", StringComparison.Ordinal));
    }

    private static IEnumerable<IKubernetesObject<V1ObjectMeta>> Load(string file) =>
        KubernetesYaml.LoadAllFromString(File.ReadAllText(file)).Cast<IKubernetesObject<V1ObjectMeta>>();
}
