using Microsoft.Extensions.Logging.Abstractions;
using PodSuite.Hosting.Kubernetes.Runtimes.Podman;

namespace Hosting.Kubernetes.Tests;

/// <summary>
/// The podman deploy's decisions and failures, against a stand-in podman that records its calls and reports container
/// states as podman does (the real pods are deployed in tests/Pods.FunctionalTests, where every pod becomes ready).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PodmanDeploymentTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("podsuite-podman-");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private string Calls => Path.Combine(_root.FullName, "calls");

    public void Dispose()
    {
        _http.Dispose();
        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task AMemberThatExitsNonZeroFailsTheDeployNamingThePodTheContainerAndItsLog()
    {
        var podman = StandIn(states: "mc2-producer=exited:0 mc2-consumer=exited:3", log: "Expected message 0 but got 302");

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => DeployAsync(podman, TimeSpan.FromMinutes(1)));

        Assert.StartsWith("The deploy failed: container 'consumer' of pod 'mc2' exited with code 3. Its last log lines:\nExpected message 0 but got 302", error.Message);
        Assert.Matches(@"mc2\s+1/2\s+Failed\s+0\s+-", error.Message);
        Assert.Contains("--log-level=error logs --tail 15 mc2-consumer", File.ReadAllText(Calls));
    }

    [Fact]
    public async Task APodNotReadyInTimeFailsTheDeployNamingTheContainerAndItsState()
    {
        var podman = StandIn(states: "mc2-producer=exited:0 mc2-consumer=created:0", log: "(no output yet)");

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => DeployAsync(podman, TimeSpan.FromSeconds(1)));

        Assert.StartsWith("The deploy failed: container 'consumer' of pod 'mc2' was not ready within 1 s (state: created). Its last log lines:\n(no output yet)", error.Message);
        Assert.Matches(@"mc2\s+1/2\s+Starting", error.Message);
    }

    [Fact]
    public async Task APodThatRunsWhatTheModelSaysAndIsDoneIsNotPlayedAgain()
    {
        var podman = StandIn(states: "mc2-producer=exited:0 mc2-consumer=exited:0", log: "");

        await DeployAsync(podman, TimeSpan.FromMinutes(1));
        await DeployAsync(podman, TimeSpan.FromMinutes(1));

        var calls = File.ReadAllLines(Calls);
        Assert.Single(calls, c => c.StartsWith("kube play", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, c => c.StartsWith("pod rm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChangedPodIsRemovedWithItsVolumesThenPlayedAgainWithVolumesLabelledAsThisAppsOwn()
    {
        var podman = StandIn(states: "mc2-producer=exited:0 mc2-consumer=exited:0", log: "", pod: Ours("an-older-spec"),
            volume: """{"app.kubernetes.io/managed-by":"podsuite","app.kubernetes.io/part-of":"demo"}""");

        await DeployAsync(podman, TimeSpan.FromMinutes(1));

        Assert.Equal(
        [
            "pod rm --force --time 5 mc2",
            "volume rm mc2-podsuite-tmp",
            "volume create --label app.kubernetes.io/managed-by=podsuite --label app.kubernetes.io/part-of=demo mc2-podsuite-tmp",
            "kube play",
        ], Changes());
    }

    [Fact]
    public async Task AnUnchangedPodWithAContainerThatExitedNonZeroIsPlayedAgain()
    {
        var podman = StandIn(states: "mc2-producer=exited:0 mc2-consumer=exited:0", log: "");
        await DeployAsync(podman, TimeSpan.FromMinutes(1));
        File.WriteAllText(Path.Combine(_root.FullName, "states"), "mc2-producer=exited:0 mc2-consumer=exited:3");
        File.WriteAllText(Path.Combine(_root.FullName, "after-play"), "mc2-producer=exited:0 mc2-consumer=exited:0");
        File.Delete(Calls);

        await DeployAsync(podman, TimeSpan.FromMinutes(1));

        Assert.Equal(["pod rm --force --time 5 mc2", "volume rm mc2-podsuite-tmp", "volume create", "kube play"], Changes().Select(c => c.StartsWith("volume create", StringComparison.Ordinal) ? "volume create" : c));
    }

    [Fact]
    public async Task PodsArePlayedWithTlsVerifiedEvenFromARegistryOnThisMachine()
    {
        var podman = StandIn(states: "mc2-producer=exited:0 mc2-consumer=exited:0", log: "");

        await DeployAsync(podman, TimeSpan.FromMinutes(1), registry: "localhost:5055");

        Assert.Contains(File.ReadAllLines(Calls), c => c.StartsWith("kube play --log-level=error --replace --quiet ", StringComparison.Ordinal));
        Assert.DoesNotContain("tls-verify", File.ReadAllText(Calls), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "pod 'mc2' was started by hand (it has no app.kubernetes.io/managed-by=podsuite label): remove it with 'PODMAN pod rm --force mc2'")]
    [InlineData("""{"app.kubernetes.io/managed-by":"podsuite","app.kubernetes.io/part-of":"other"}""",
        "pod 'mc2' belongs to another app, 'other' (app.kubernetes.io/part-of): remove it with 'PODMAN pod rm --force mc2'")]
    public async Task APodInTheWayThatIsNotThisAppsFailsTheDeployBeforeAnythingChanges(string labels, string why)
    {
        var podman = StandIn(states: "mc2-producer=exited:0 mc2-consumer=exited:0", log: "", pod: labels);

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => DeployAsync(podman, TimeSpan.FromMinutes(1)));

        Assert.Equal(
            "The deploy failed, and changed nothing: PodSuite replaces only its own pods and volumes (those of 'demo'), and these are in the way:\n" +
            $"- {why.Replace("PODMAN", podman, StringComparison.Ordinal)}", error.Message);
        Assert.Empty(Changes());
    }

    [Fact]
    public async Task AVolumeOfAnotherAppFailsTheDeployAndAnUnlabelledOneOfThisAppsPodIsAdopted()
    {
        var foreign = StandIn(states: "mc2-producer=exited:0 mc2-consumer=exited:0", log: "", pod: Ours("old"),
            volume: """{"app.kubernetes.io/managed-by":"podsuite","app.kubernetes.io/part-of":"other"}""");
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => DeployAsync(foreign, TimeSpan.FromMinutes(1)));
        Assert.EndsWith($"- volume 'mc2-podsuite-tmp' belongs to another app, 'other' (app.kubernetes.io/part-of): remove it with '{foreign} volume rm mc2-podsuite-tmp'", error.Message);
        Assert.Empty(Changes());

        // Made by an earlier version, which labelled its pods but not their volumes: the pod's, so this app's.
        var earlier = StandIn(states: "mc2-producer=exited:0 mc2-consumer=exited:0", log: "", pod: Ours("old"), volume: "{}");
        await DeployAsync(earlier, TimeSpan.FromMinutes(1));
        Assert.Contains("volume rm mc2-podsuite-tmp", Changes());
    }

    // The calls that change something, a play's file left out.
    [Theory]
    [InlineData(1, true)]
    [InlineData(99, false)]
    public async Task DestroyAsksPodmanAgainWhenItsStopRacesItsRemoveAndGivesUpAfterThree(int failures, bool removed)
    {
        // A podman whose "pod rm" fails as podman 4.3's race does, the given number of times, while the pod stays.
        var podman = Path.Combine(_root.FullName, "podman");
        var failed = Path.Combine(_root.FullName, "failed");
        File.WriteAllText(podman, $$$"""
            #!/bin/sh
            echo "$*" >>'{{{Calls}}}'
            case "$1 $2" in
              "pod ps") echo '[{"Name":"mc2","Labels":{"app.kubernetes.io/managed-by":"podsuite","app.kubernetes.io/part-of":"demo"}}]' ;;
              "volume ls") echo '[]' ;;
              "pod rm")
                n=$(cat '{{{failed}}}' 2>/dev/null || echo 0)
                if [ "$n" -lt {{{failures}}} ]; then echo $((n + 1)) >'{{{failed}}}'; echo 'Error: container state improper: stopped' >&2; exit 125; fi ;;
              "pod exists") exit 0 ;;
              "secret inspect") exit 125 ;;
            esac
            exit 0
            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(podman, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var deployment = new PodmanDeployment(Publisher.ForPodman, new PodmanPods(_http, podman), NullLogger.Instance, () => Path.Combine(_root.FullName, "work"));

        var destroy = deployment.DestroyAsync([], CancellationToken.None);

        if (removed)
        {
            await destroy;
            Assert.Equal(2, File.ReadAllLines(Calls).Count(c => c.StartsWith("pod rm", StringComparison.Ordinal)));
        }
        else
        {
            var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => destroy);
            Assert.Contains("failed (exit code 125), three times", error.Message);
            Assert.Contains("container state improper", error.Message);
            Assert.Equal(3, File.ReadAllLines(Calls).Count(c => c.StartsWith("pod rm", StringComparison.Ordinal)));
        }
    }

    private string[] Changes() => File.Exists(Calls)
        ? [.. File.ReadAllLines(Calls)
            .Where(c => c.StartsWith("pod rm", StringComparison.Ordinal) || c.StartsWith("volume rm", StringComparison.Ordinal)
                || c.StartsWith("volume create", StringComparison.Ordinal) || c.StartsWith("kube play", StringComparison.Ordinal))
            .Select(c => c.StartsWith("kube play", StringComparison.Ordinal) ? "kube play" : c)]
        : [];

    private static string Ours(string spec) =>
        $$"""{"app.kubernetes.io/managed-by":"podsuite","app.kubernetes.io/part-of":"demo","podsuite.io/spec":"{{spec}}"}""";

    private async Task DeployAsync(string podman, TimeSpan timeout, string? registry = null)
    {
        var builder = PodModel.CreatePublishingBuilder();
        var mc2 = builder.AddPod("mc2");
        // Restricted, as the demo's own images are, so the pod has its scratch volume.
        builder.AddContainer("producer", "example/ipc").InPod(mc2).RunsToCompletion().PublishWithSecurityProfile(ContainerSecurityProfile.Restricted(1654));
        builder.AddContainer("consumer", "example/ipc").InPod(mc2).RunsToCompletion().PublishWithSecurityProfile(ContainerSecurityProfile.Restricted(1654));
        var options = Publisher.ForPodman;
        options.DeployTimeout = timeout;
        options.Registry = registry ?? options.Registry;
        var pods = await builder.MapAsync(options);

        await new PodmanDeployment(options, new PodmanPods(_http, podman), NullLogger.Instance, () => Path.Combine(_root.FullName, "work"))
            .DeployAsync(pods, CancellationToken.None);
    }

    // A podman that answers as podman 4.3 does: the pod's labels (the given ones, then those of the pod it last played),
    // the volume's labels (the given ones, or "ours" once created), the containers' states from "name=status:exit code"
    // pairs (those of the file "after-play" once a pod is played, if there is one), the pod's address, and one log line.
    private string StandIn(string states, string log, string? pod = null, string? volume = null)
    {
        var podman = Path.Combine(_root.FullName, "podman");
        var podLabels = Path.Combine(_root.FullName, "pod");
        var volumeLabels = Path.Combine(_root.FullName, "volume");
        var statesFile = Path.Combine(_root.FullName, "states");
        var afterPlay = Path.Combine(_root.FullName, "after-play");
        File.Delete(podLabels);
        File.Delete(volumeLabels);
        File.Delete(Calls);
        File.WriteAllText(statesFile, states);
        if (pod is not null)
        {
            File.WriteAllText(podLabels, pod);
        }

        if (volume is not null)
        {
            File.WriteAllText(volumeLabels, volume);
        }

        File.WriteAllText(podman, $$$"""
            #!/bin/sh
            echo "$*" >>'{{{Calls}}}'
            case "$1 $2" in
              "pod ps") [ -f '{{{podLabels}}}' ] && echo "[{\"Name\":\"mc2\",\"Labels\":$(cat '{{{podLabels}}}')}]" || echo "[]" ;;
              "pod inspect") echo infra ;;
              "pod rm") rm -f '{{{podLabels}}}' ;;
              "volume ls") [ -f '{{{volumeLabels}}}' ] && echo "[{\"Name\":\"mc2-podsuite-tmp\",\"Labels\":$(cat '{{{volumeLabels}}}')}]" || echo "[]" ;;
              "volume rm") rm -f '{{{volumeLabels}}}' ;;
              "volume create") echo '{"app.kubernetes.io/managed-by":"podsuite","app.kubernetes.io/part-of":"demo"}' >'{{{volumeLabels}}}' ;;
              "kube play")
                for file; do :; done
                spec=$(grep -o 'podsuite.io/spec: [0-9a-f]*' "$file" | cut -d' ' -f2)
                echo "{\"app.kubernetes.io/managed-by\":\"podsuite\",\"app.kubernetes.io/part-of\":\"demo\",\"podsuite.io/spec\":\"$spec\"}" >'{{{podLabels}}}'
                [ -f '{{{afterPlay}}}' ] && mv '{{{afterPlay}}}' '{{{statesFile}}}' ;;
            esac
            case "$1" in
              inspect)
                [ "$2" = infra ] && { echo "10.88.0.9 "; exit 0; }
                shift; out="["; sep=""
                for name in "$@"; do
                  for pair in $(cat '{{{statesFile}}}'); do
                    [ "${pair%%=*}" = "$name" ] || continue
                    state=${pair#*=}
                    out="$out$sep{\"Name\":\"$name\",\"State\":{\"Status\":\"${state%%:*}\",\"ExitCode\":${state#*:}},\"RestartCount\":0}"; sep=","
                  done
                done
                echo "$out]" ;;
              --log-level=error) echo '{{{log}}}' ;;
            esac
            exit 0
            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(podman, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return podman;
    }
}
