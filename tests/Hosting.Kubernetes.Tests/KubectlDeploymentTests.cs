using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using PodSuite.Hosting.Kubernetes.Runtimes.Kubectl;

namespace Hosting.Kubernetes.Tests;

/// <summary>
/// The Kubernetes deploy, through kubectl. No cluster can be reached here, so these check the exact commands it runs,
/// and run them against a stand-in kubectl that records its arguments and answers as a cluster would.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KubectlDeploymentTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("podsuite-kubectl-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task EachWorkloadIsWaitedForAsItsKindFinishes()
    {
        var pods = await Model().MapAsync(Options());
        var kubectl = new KubectlDeployment(Options(), NullLogger.Instance, () => "manifests");

        Assert.Equal(
        [
            "kubectl --context prod -n demo-apps rollout status deployment/web --timeout=120s",
            "kubectl --context prod -n demo-apps wait --for=condition=complete job/batch --timeout=120s",
            "kubectl --context prod -n demo-apps wait '--for=jsonpath={.status.phase}=Succeeded' pod/once --timeout=120s",
        ], kubectl.Waits(pods).Select(c => c.ToString()));
    }

    [Fact]
    public void TheApplyIsServerSideAndDestroyDeletesOnlyWhatCarriesThisAppsLabels()
    {
        var kubectl = new KubectlDeployment(Options(), NullLogger.Instance, () => "manifests");

        Assert.Equal("kubectl --context prod apply --server-side --field-manager=podsuite -k /out", kubectl.Apply("/out").ToString());
        Assert.Equal(
            "kubectl --context prod -n demo-apps delete deployments,jobs,pods,services,configmaps,networkpolicies,secrets " +
            "-l app.kubernetes.io/managed-by=podsuite,app.kubernetes.io/part-of=demo --wait=true",
            kubectl.Delete().ToString());
    }

    [Fact]
    public void WithoutANamespaceOrContextKubectlsCurrentOnesAreUsed()
    {
        var options = Options();
        options.Namespace = null;
        options.KubeContext = null;

        var kubectl = new KubectlDeployment(options, NullLogger.Instance, () => "manifests");

        Assert.Equal("kubectl apply --server-side --field-manager=podsuite -k /out", kubectl.Apply("/out").ToString());
        Assert.Equal("kubectl get pods -l app.kubernetes.io/managed-by=podsuite,app.kubernetes.io/part-of=demo -o wide", kubectl.ListPods().ToString());
    }

    [Fact]
    public async Task ADeployCreatesAMissingNamespaceAppliesWaitsAndListsThePods()
    {
        var (kubectl, calls) = StandIn("""
            case "$*" in
              *"get namespace"*) echo 'Error from server (NotFound): namespaces "demo-apps" not found' >&2; exit 1 ;;
              *"get pods"*) echo "NAME READY STATUS"; echo "web-1 1/1 Running" ;;
            esac
            """);
        var logs = new FakeLogCollector();
        var pods = await Model().MapAsync(Options());

        await new KubectlDeployment(Options(), new FakeLogger(logs), () => Path.Combine(_root.FullName, "out"), kubectl)
            .DeployAsync(pods, CancellationToken.None);

        Assert.Equal(
        [
            "--context prod get namespace demo-apps",
            "--context prod create namespace demo-apps",
            $"--context prod apply --server-side --field-manager=podsuite -k {Path.Combine(_root.FullName, "out")}",
            "--context prod -n demo-apps rollout status deployment/web --timeout=120s",
            "--context prod -n demo-apps wait --for=condition=complete job/batch --timeout=120s",
            "--context prod -n demo-apps wait --for=jsonpath={.status.phase}=Succeeded pod/once --timeout=120s",
            "--context prod -n demo-apps get pods -l app.kubernetes.io/managed-by=podsuite,app.kubernetes.io/part-of=demo -o wide",
        ], File.ReadAllLines(calls));
        Assert.True(File.Exists(Path.Combine(_root.FullName, "out", "kustomization.yaml")), "the manifests were not written before the apply");
        Assert.Contains(logs.GetSnapshot(), r => r.Message.Contains("web-1 1/1 Running", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeployWithTheDashboardCreatesItsLoginSecretOnceWithValuesNoManifestOrCommandLineHolds()
    {
        var (kubectl, calls) = StandIn("""
            case "$*" in
              *"create -f -"*) cat >"$(dirname "$0")/secret.yaml" ;;
              *"jsonpath={.data.browser-token}"*) printf 'c2VjcmV0LXRva2Vu' ;;
            esac
            """);
        var builder = Model();
        builder.AddKubernetesPods("kubernetes");
        var logs = new FakeLogCollector();
        var pods = await builder.MapAsync(Options());

        await new KubectlDeployment(Options(), new FakeLogger(logs), () => Path.Combine(_root.FullName, "out"), kubectl)
            .DeployAsync(pods, CancellationToken.None);

        var recorded = File.ReadAllLines(calls);
        Assert.Equal(
        [
            "--context prod -n demo-apps get secret aspire-dashboard-login --ignore-not-found -o name",
            "--context prod -n demo-apps create -f -",
        ], recorded.Where(c => (c.Contains("secret", StringComparison.Ordinal) && !c.Contains("jsonpath", StringComparison.Ordinal)) || c.Contains("create", StringComparison.Ordinal)));
        // One create, labelled as it is made: no later step can leave it unlabelled, where destroy would not find it.
        var secret = KubernetesYaml.Deserialize<V1Secret>(File.ReadAllText(Path.Combine(_root.FullName, "secret.yaml")));
        Assert.Equal("aspire-dashboard-login", secret.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "podsuite", ["app.kubernetes.io/part-of"] = "demo" }, secret.Metadata.Labels);
        Assert.Equal(["browser-token", "api-key"], secret.StringData.Keys);
        Assert.All(secret.StringData.Values, v => Assert.Matches("^[0-9a-f]{32}$", v));
        Assert.Equal([calls, kubectl, Path.Combine(_root.FullName, "secret.yaml")], Directory.GetFiles(_root.FullName).Order());
        Assert.All(secret.StringData.Values, v => Assert.DoesNotContain(v, string.Join("\n", recorded) + string.Concat(Directory.GetFiles(Path.Combine(_root.FullName, "out"), "*", SearchOption.AllDirectories).Select(File.ReadAllText))));
        Assert.Contains(logs.GetSnapshot(), r => r.Message.Contains($"run '{kubectl} --context prod -n demo-apps port-forward service/aspire-dashboard 18888', then open http://localhost:18888/login?t=secret-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnExistingLoginSecretIsKept()
    {
        var (kubectl, calls) = StandIn("""
            case "$*" in
              *"get secret aspire-dashboard-login --ignore-not-found"*) echo "secret/aspire-dashboard-login" ;;
              *"jsonpath"*) printf 'b2xk' ;;
            esac
            """);
        var builder = Model();
        builder.AddKubernetesPods("kubernetes");
        var pods = await builder.MapAsync(Options());

        await new KubectlDeployment(Options(), NullLogger.Instance, () => Path.Combine(_root.FullName, "out"), kubectl)
            .DeployAsync(pods, CancellationToken.None);

        Assert.DoesNotContain(File.ReadAllLines(calls), c => c.Contains("create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWorkloadThatIsNotReadyFailsTheDeployNamingItWithItsLogs()
    {
        var (kubectl, _) = StandIn("""
            case "$*" in
              *"rollout status"*) echo 'error: timed out waiting for the condition' >&2; exit 1 ;;
              *"logs deployment/web"*) echo '[pod/web-1/app] Unhandled exception: database is locked' ;;
            esac
            """);
        var pods = await Model().MapAsync(Options());

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => new KubectlDeployment(Options(), NullLogger.Instance, () => Path.Combine(_root.FullName, "out"), kubectl)
            .DeployAsync(pods, CancellationToken.None));

        Assert.StartsWith("The deploy failed: Deployment 'web' was not ready within 120 s", error.Message);
        Assert.Contains("timed out waiting for the condition", error.Message);
        Assert.Contains("[pod/web-1/app] Unhandled exception: database is locked", error.Message);
    }

    private static KubernetesPublishOptions Options()
    {
        var options = Publisher.Options;
        options.Namespace = "demo-apps";
        options.KubeContext = "prod";
        options.DeployTimeout = TimeSpan.FromMinutes(2);
        return options;
    }

    private static IDistributedApplicationBuilder Model()
    {
        var builder = PodModel.CreatePublishingBuilder();
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web"));
        builder.AddContainer("job", "example/job").InPod(builder.AddPod("batch").PublishAsJob()).RunsToCompletion();
        builder.AddContainer("task", "example/task").InPod(builder.AddPod("once")).RunsToCompletion();
        return builder;
    }

    // A kubectl that appends its arguments to a file, one call a line, then does what the script says.
    private (string Kubectl, string Calls) StandIn(string script)
    {
        var calls = Path.Combine(_root.FullName, "calls");
        var kubectl = Path.Combine(_root.FullName, "kubectl");
        File.WriteAllText(kubectl, $"#!/bin/sh\necho \"$*\" >>'{calls}'\n{script}\nexit 0\n");
        File.SetUnixFileMode(kubectl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return (kubectl, calls);
    }
}
