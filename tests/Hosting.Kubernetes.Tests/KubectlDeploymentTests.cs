using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using PodSuite.Hosting.Kubernetes.Runtimes;
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
            "kubectl --context prod -n demo-apps delete deployments,jobs,pods,services,configmaps,networkpolicies,secrets,persistentvolumeclaims " +
            "-l 'app.kubernetes.io/managed-by=podsuite,app.kubernetes.io/part-of=demo,!podsuite.io/data' --wait=true",
            kubectl.Delete().ToString());
        var options = Options();
        options.DestroyData = true;
        Assert.EndsWith(
            "secrets,persistentvolumeclaims -l app.kubernetes.io/managed-by=podsuite,app.kubernetes.io/part-of=demo --wait=true",
            new KubectlDeployment(options, NullLogger.Instance, () => "manifests").Delete().ToString());
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

        await new KubectlDeployment(Options(), new FakeLogger(logs), () => Path.Combine(_root.FullName, "work"), kubectl)
            .DeployAsync(pods, CancellationToken.None);

        Assert.Equal(
        [
            "--context prod -n demo-apps get deployment/web networkpolicy/web job/batch networkpolicy/batch pod/once networkpolicy/once --ignore-not-found --show-managed-fields -o json",
            "--context prod get namespace demo-apps",
            "--context prod create namespace demo-apps",
            $"--context prod apply --server-side --field-manager=podsuite -k {Path.Combine(_root.FullName, "work", "manifests")}",
            "--context prod -n demo-apps rollout status deployment/web --timeout=120s",
            "--context prod -n demo-apps wait --for=condition=complete job/batch --timeout=120s",
            "--context prod -n demo-apps wait --for=jsonpath={.status.phase}=Succeeded pod/once --timeout=120s",
            "--context prod -n demo-apps get pods -l app.kubernetes.io/managed-by=podsuite,app.kubernetes.io/part-of=demo -o wide",
        ], File.ReadAllLines(calls));
        Assert.True(File.Exists(Path.Combine(_root.FullName, "work", "manifests", "kustomization.yaml")), "the manifests were not written to the work directory before the apply");
        Assert.False(Directory.Exists(Path.Combine(_root.FullName, "out")));
        Assert.Equal("Deploying to kube context 'prod', namespace 'demo-apps'", logs.GetSnapshot()[0].Message);
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
        var logs = new FakeLogCollector();

        await DeployWithDashboardAsync(kubectl, new FakeLogger(logs));

        var recorded = File.ReadAllLines(calls);
        Assert.Equal(
        [
            "--context prod -n demo-apps get secret aspire-dashboard-login --ignore-not-found -o json",
            "--context prod -n demo-apps create -f -",
        ], recorded.Where(c => (c.Contains("secret", StringComparison.Ordinal) && !c.Contains("jsonpath", StringComparison.Ordinal)) || c.Contains("create", StringComparison.Ordinal)));
        // One create, labelled as it is made: no later step can leave it unlabelled, where destroy would not find it.
        var secret = KubernetesYaml.Deserialize<V1Secret>(File.ReadAllText(Path.Combine(_root.FullName, "secret.yaml")));
        Assert.Equal("aspire-dashboard-login", secret.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "podsuite", ["app.kubernetes.io/part-of"] = "demo" }, secret.Metadata.Labels);
        Assert.Equal(["browser-token", "api-key", "otlp-api-key", "otlp-headers"], secret.StringData.Keys);
        Assert.All(secret.StringData.Values.Take(3), v => Assert.Matches("^[0-9a-f]{32}$", v));
        Assert.Equal($"x-otlp-api-key={secret.StringData["otlp-api-key"]}", secret.StringData["otlp-headers"]);
        Assert.Equal([calls, kubectl, Path.Combine(_root.FullName, "secret.yaml")], Directory.GetFiles(_root.FullName).Order());
        Assert.All(secret.StringData.Values, v => Assert.DoesNotContain(v, string.Join("\n", recorded) + string.Concat(Directory.GetFiles(Path.Combine(_root.FullName, "work"), "*", SearchOption.AllDirectories).Select(File.ReadAllText))));
        Assert.Contains(logs.GetSnapshot(), r => r.Message.Contains($"run '{kubectl} --context prod -n demo-apps port-forward service/aspire-dashboard 18888', then open http://localhost:18888/login?t=secret-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALoginSecretWithEveryKeyIsKeptAsItIs()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "secret.json"), LoginSecretJson(Ours, "browser-token", "api-key", "otlp-api-key", "otlp-headers"));
        var (kubectl, calls) = StandIn(LoginSecretAnswer);

        await DeployWithDashboardAsync(kubectl, NullLogger.Instance);

        Assert.DoesNotContain(File.ReadAllLines(calls), c => c.Contains("create", StringComparison.Ordinal) || c.Contains("replace", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALoginSecretAnEarlierDeployMadeGainsTheOtlpKeyItsOtherValuesKept()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "secret.json"), LoginSecretJson(Ours, "browser-token", "api-key"));
        var (kubectl, calls) = StandIn(LoginSecretAnswer);
        var logs = new FakeLogCollector();

        await DeployWithDashboardAsync(kubectl, new FakeLogger(logs));

        var recorded = File.ReadAllLines(calls);
        Assert.Contains("--context prod -n demo-apps replace -f -", recorded);
        Assert.DoesNotContain(recorded, c => c.Contains("create -f", StringComparison.Ordinal));
        var replaced = KubernetesYaml.Deserialize<V1Secret>(File.ReadAllText(Path.Combine(_root.FullName, "replaced.yaml")));
        // The object as it was read, so a change made since fails the replace; its values kept, the new pair beside them.
        Assert.Equal("4711", replaced.Metadata.ResourceVersion);
        Assert.Equal(["browser-token", "api-key"], replaced.Data.Keys);
        Assert.Equal("old-browser-token", System.Text.Encoding.UTF8.GetString(replaced.Data["browser-token"]));
        Assert.Equal(["otlp-api-key", "otlp-headers"], replaced.StringData.Keys);
        Assert.Equal($"x-otlp-api-key={replaced.StringData["otlp-api-key"]}", replaced.StringData["otlp-headers"]);
        Assert.DoesNotContain(replaced.StringData["otlp-api-key"], string.Join("\n", recorded));
        Assert.Contains(logs.GetSnapshot(), r => r.Message == "Secret aspire-dashboard-login: added otlp-api-key, otlp-headers, the values it had kept");
    }

    [Fact]
    public async Task ALoginSecretOfTheUsersThatLacksTheOtlpKeyFailsTheDeployBeforeAnythingChanges()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "secret.json"), LoginSecretJson("{}", "browser-token", "api-key"));
        var (kubectl, calls) = StandIn(LoginSecretAnswer);

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => DeployWithDashboardAsync(kubectl, NullLogger.Instance));

        Assert.StartsWith("The deploy failed, and changed nothing: secret 'aspire-dashboard-login' was not made by PodSuite", error.Message);
        Assert.Contains("lacks 'otlp-api-key', 'otlp-headers'", error.Message);
        Assert.Contains("patch secret aspire-dashboard-login --type=merge", error.Message);
        Assert.Contains("delete secret aspire-dashboard-login", error.Message);
        Assert.DoesNotContain(File.ReadAllLines(calls), c => c.Contains(" create ", StringComparison.Ordinal) || c.Contains("replace", StringComparison.Ordinal) || c.Contains("apply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAppsSecretIsAppliedFromStandardInputAndEachPodThatReadsItCarriesTheHashOfItsValues()
    {
        var (kubectl, calls) = StandIn("""
            case "$*" in
              *"apply --server-side --field-manager=podsuite -f -"*) cat >"$(dirname "$0")/app-secret.yaml" ;;
            esac
            """);
        var builder = PodModel.CreateBuilder(["--operation", "publish", "--Parameters:api-key=s3cret"]);
        var key = builder.AddParameter("api-key", secret: true);
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web")).WithEnvironment("AUTH", ReferenceExpression.Create($"Bearer {key}"));
        builder.AddContainer("other", "example/other").InPod(builder.AddPod("plain"));
        var pods = await builder.MapAsync(Options());

        await new KubectlDeployment(Options(), NullLogger.Instance, () => Path.Combine(_root.FullName, "work"), kubectl).DeployAsync(pods, CancellationToken.None);

        var recorded = File.ReadAllLines(calls);
        Assert.Contains("--context prod -n demo-apps get secret demo-secrets --ignore-not-found -o json", recorded);
        var secret = KubernetesYaml.Deserialize<V1Secret>(File.ReadAllText(Path.Combine(_root.FullName, "app-secret.yaml")));
        Assert.Equal("demo-secrets", secret.Metadata.Name);
        Assert.Equal("true", secret.Metadata.Labels["podsuite.io/data"]);
        Assert.Equal(new Dictionary<string, string> { ["app.AUTH"] = "Bearer s3cret" }, secret.StringData);
        var applied = string.Concat(Directory.GetFiles(Path.Combine(_root.FullName, "work"), "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain("s3cret", applied + string.Join("\n", recorded));
        var web = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(Path.Combine(_root.FullName, "work", "manifests", "web", "deployment.yaml")));
        Assert.Matches("^[0-9a-f]{16}$", web.Spec.Template.Metadata.Annotations["podsuite.io/secrets"]);
        var plain = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(Path.Combine(_root.FullName, "work", "manifests", "plain", "deployment.yaml")));
        Assert.False(plain.Spec.Template.Metadata.Annotations?.ContainsKey("podsuite.io/secrets") ?? false);
    }

    [Fact]
    public async Task AnAppSecretOfTheUsersFailsTheDeployBeforeAnythingChanges()
    {
        var (kubectl, calls) = StandIn("""
            case "$*" in
              *"get secret demo-secrets --ignore-not-found -o json"*) echo '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"demo-secrets"}}' ;;
            esac
            """);
        var builder = PodModel.CreateBuilder(["--operation", "publish", "--Parameters:api-key=s3cret"]);
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web")).WithEnvironment("API_KEY", builder.AddParameter("api-key", secret: true));
        var pods = await builder.MapAsync(Options());

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() =>
            new KubectlDeployment(Options(), NullLogger.Instance, () => Path.Combine(_root.FullName, "work"), kubectl).DeployAsync(pods, CancellationToken.None));

        Assert.StartsWith("The deploy failed, and changed nothing: secret 'demo-secrets' was not made by PodSuite", error.Message);
        Assert.DoesNotContain(File.ReadAllLines(calls), c => c.Contains("apply", StringComparison.Ordinal) || c.Contains(" create ", StringComparison.Ordinal));
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

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => new KubectlDeployment(Options(), NullLogger.Instance, () => Path.Combine(_root.FullName, "work"), kubectl)
            .DeployAsync(pods, CancellationToken.None));

        Assert.StartsWith("The deploy failed: Deployment 'web' was not ready within 120 s", error.Message);
        Assert.Contains("timed out waiting for the condition", error.Message);
        Assert.Contains("[pod/web-1/app] Unhandled exception: database is locked", error.Message);
    }

    [Fact]
    public async Task DeployAndDestroySayFirstWhichKubeContextAndNamespaceTheyActIn()
    {
        var (kubectl, _) = StandIn("""
            case "$*" in
              "config current-context") echo kind-dev ;;
              "config view --minify -o jsonpath={..namespace}") printf 'team-a' ;;
            esac
            """);
        var options = Options();
        options.Namespace = null;
        options.KubeContext = null;
        var logs = new FakeLogCollector();
        var pods = await Model().MapAsync(options);
        var deployment = new KubectlDeployment(options, new FakeLogger(logs), () => Path.Combine(_root.FullName, "work"), kubectl);

        await deployment.DeployAsync(pods, CancellationToken.None);
        await deployment.DestroyAsync(pods, CancellationToken.None);

        var messages = logs.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Equal("Deploying to kube context 'kind-dev', namespace 'team-a'", messages[0]);
        Assert.Equal("Destroying in kube context 'kind-dev', namespace 'team-a'", messages.Single(m => m.StartsWith("Destroying", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AChangedOrFailedRunToCompletionWorkloadIsDeletedToRunAgainAndAnUnchangedCompletedOneIsLeft()
    {
        var pods = await Model().MapAsync(Options());
        var batch = PodSpecHash.Of(pods.Single(p => p.Name == "batch"));
        var once = PodSpecHash.Of(pods.Single(p => p.Name == "once"));
        WriteExisting(
            Existing("Job", "batch", "demo", batch, """{"succeeded":1}"""),
            Existing("Pod", "once", "demo", "an-older-spec", """{"phase":"Succeeded"}"""));
        var (kubectl, calls) = StandIn(ExistingAnswer);

        await new KubectlDeployment(Options(), NullLogger.Instance, () => Path.Combine(_root.FullName, "work"), kubectl).DeployAsync(pods, CancellationToken.None);

        var recorded = File.ReadAllLines(calls);
        Assert.Equal(["--context prod -n demo-apps delete pod/once --cascade=foreground --wait=true"], recorded.Where(c => c.Contains("delete", StringComparison.Ordinal)));
        Assert.True(Array.FindIndex(recorded, c => c.Contains("delete pod/once", StringComparison.Ordinal)) < Array.FindIndex(recorded, c => c.Contains(" apply ", StringComparison.Ordinal)));
        var applied = File.ReadAllText(Path.Combine(_root.FullName, "work", "manifests", "once", "pod.yaml"));
        Assert.Contains($"podsuite.io/spec: {once}", applied.Replace("\"", "", StringComparison.Ordinal));

        WriteExisting(Existing("Pod", "once", "demo", PodSpecHash.Of((await Model().MapAsync(Options())).Single(p => p.Name == "once")), """{"phase":"Failed"}"""));
        File.Delete(calls);
        await new KubectlDeployment(Options(), NullLogger.Instance, () => Path.Combine(_root.FullName, "work"), kubectl).DeployAsync(await Model().MapAsync(Options()), CancellationToken.None);
        Assert.Contains("--context prod -n demo-apps delete pod/once --cascade=foreground --wait=true", File.ReadAllLines(calls));
    }

    [Theory]
    [InlineData("{}", "was not made by PodSuite (it has no app.kubernetes.io/managed-by=podsuite label)")]
    [InlineData("""{"app.kubernetes.io/managed-by":"podsuite","app.kubernetes.io/part-of":"other"}""", "belongs to another app, 'other' (app.kubernetes.io/part-of)")]
    public async Task AnObjectInTheWayThatIsNotThisAppsFailsTheDeployBeforeAnythingChanges(string labels, string why)
    {
        WriteExisting($$"""{"kind":"Deployment","metadata":{"name":"web","labels":{{labels}},"managedFields":[{"manager":"kubectl-create"},{"manager":"helm"}]""" + "}}");
        var (kubectl, calls) = StandIn(ExistingAnswer);
        var pods = await Model().MapAsync(Options());

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() =>
            new KubectlDeployment(Options(), NullLogger.Instance, () => Path.Combine(_root.FullName, "work"), kubectl).DeployAsync(pods, CancellationToken.None));

        Assert.Equal(
            "The deploy failed, and changed nothing: PodSuite applies only over its own objects (those of 'demo'), and these are in the way:\n" +
            $"- Deployment 'web' {why}, field managers 'kubectl-create', 'helm': remove it with '{kubectl} --context prod -n demo-apps delete deployment/web'",
            error.Message);
        Assert.All(File.ReadAllLines(calls), c => Assert.Contains(" get ", $" {c} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnApplyThatMeetsAnotherManagersFieldsIsNeverForcedAndFailsNamingTheObjectAndTheManager()
    {
        WriteExisting(Existing("Deployment", "web", "demo", null, "{}").Replace("\"managedFields\":[]", "\"managedFields\":[{\"manager\":\"podsuite\"},{\"manager\":\"kubectl-edit\"}]", StringComparison.Ordinal));
        var (kubectl, calls) = StandIn(ExistingAnswer + """

            case "$*" in
              *" apply "*)
                echo 'error: Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.template.spec.containers[name="app"].image' >&2
                echo 'Please review the fields above--they currently have other managers.' >&2
                exit 1 ;;
            esac
            """);
        var pods = await Model().MapAsync(Options());

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() =>
            new KubectlDeployment(Options(), NullLogger.Instance, () => Path.Combine(_root.FullName, "work"), kubectl).DeployAsync(pods, CancellationToken.None));

        Assert.StartsWith("The deploy failed: the apply would take over fields that another field manager ('kubectl-edit') owns, in Deployment 'web', and PodSuite never forces that.", error.Message);
        Assert.Contains("--force-conflicts", error.Message);
        Assert.DoesNotContain(File.ReadAllLines(calls), c => c.Contains("--force-conflicts", StringComparison.Ordinal));
    }

    private const string Ours = """{"app.kubernetes.io/managed-by":"podsuite","app.kubernetes.io/part-of":"demo"}""";

    // A kubectl whose cluster holds the login Secret in secret.json; what a replace is given goes to replaced.yaml.
    private const string LoginSecretAnswer = """
        case "$*" in
          *"get secret aspire-dashboard-login --ignore-not-found -o json"*) cat "$(dirname "$0")/secret.json" ;;
          *"replace -f -"*) cat >"$(dirname "$0")/replaced.yaml" ;;
          *"jsonpath"*) printf 'b2xk' ;;
        esac
        """;

    private static string LoginSecretJson(string labels, params string[] keys)
    {
        var data = string.Join(',', keys.Select(k => $"\"{k}\":\"{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("old-" + k))}\""));
        return $$"""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"aspire-dashboard-login","resourceVersion":"4711","labels":{{labels}}},"data":{""" + data + "}}";
    }

    private const string ExistingAnswer = """
        case "$*" in
          *"--show-managed-fields -o json"*) cat "$(dirname "$0")/existing.json" ;;
        esac
        """;

    private void WriteExisting(params string[] items) =>
        File.WriteAllText(Path.Combine(_root.FullName, "existing.json"), $$"""{"kind":"List","items":[{{string.Join(',', items)}}]}""");

    private static string Existing(string kind, string name, string partOf, string? spec, string status)
    {
        var annotations = spec is null ? "{}" : $$"""{"podsuite.io/spec":"{{spec}}"}""";
        var labels = $$"""{"app.kubernetes.io/managed-by":"podsuite","app.kubernetes.io/part-of":"{{partOf}}"}""";
        return $$"""{"kind":"{{kind}}","metadata":{"name":"{{name}}","labels":{{labels}},"annotations":{{annotations}},"managedFields":[]},"status":""" + status + "}";
    }

    // The model with the dashboard, whose login Secret the deploy makes, deployed through the given kubectl.
    private async Task DeployWithDashboardAsync(string kubectl, Microsoft.Extensions.Logging.ILogger logger)
    {
        var builder = Model();
        builder.AddKubernetesPods("kubernetes");
        var pods = await builder.MapAsync(Options());
        await new KubectlDeployment(Options(), logger, () => Path.Combine(_root.FullName, "work"), kubectl).DeployAsync(pods, CancellationToken.None);
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
