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
        Assert.Contains("logs --tail 15 mc2-consumer", File.ReadAllText(Calls));
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
    public async Task APodThatRunsWhatTheModelSaysAlreadyIsNotPlayedAgain()
    {
        var podman = StandIn(states: "mc2-producer=exited:0 mc2-consumer=exited:0", log: "");

        await DeployAsync(podman, TimeSpan.FromMinutes(1));
        await DeployAsync(podman, TimeSpan.FromMinutes(1));

        var calls = File.ReadAllLines(Calls);
        Assert.Single(calls, c => c.StartsWith("kube play", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, c => c.StartsWith("pod rm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChangedPodIsRemovedWithItsVolumesThenPlayedAgain()
    {
        var podman = StandIn(states: "mc2-producer=exited:0 mc2-consumer=exited:0", log: "", label: "an-older-spec");

        await DeployAsync(podman, TimeSpan.FromMinutes(1));

        var calls = File.ReadAllLines(Calls).Where(c => c.StartsWith("pod rm", StringComparison.Ordinal) || c.StartsWith("volume rm", StringComparison.Ordinal) || c.StartsWith("kube play", StringComparison.Ordinal));
        Assert.Equal(["pod rm --force --time 5 mc2", "volume rm mc2-podsuite-tmp", "kube play"], calls.Select(c => c.StartsWith("kube play", StringComparison.Ordinal) ? "kube play" : c));
    }

    private async Task DeployAsync(string podman, TimeSpan timeout)
    {
        var builder = PodModel.CreatePublishingBuilder();
        var mc2 = builder.AddPod("mc2");
        builder.AddContainer("producer", "example/ipc").InPod(mc2).RunsToCompletion();
        builder.AddContainer("consumer", "example/ipc").InPod(mc2).RunsToCompletion();
        var options = Publisher.ForPodman;
        options.DeployTimeout = timeout;
        var pods = await builder.MapAsync(options);

        await new PodmanDeployment(options, new PodmanPods(_http, podman), NullLogger.Instance, () => Path.Combine(_root.FullName, "work"))
            .DeployAsync(pods, CancellationToken.None);
    }

    // A podman that answers as podman 4.3 does: a pod's spec label (the one it last played, or the given one), the
    // containers' states from "name=status:exit code" pairs, the pod's address, and one log line.
    private string StandIn(string states, string log, string? label = null)
    {
        var podman = Path.Combine(_root.FullName, "podman");
        var spec = Path.Combine(_root.FullName, "spec");
        if (label is not null)
        {
            File.WriteAllText(spec, label);
        }

        File.WriteAllText(podman, $$$"""
            #!/bin/sh
            echo "$*" >>'{{{Calls}}}'
            case "$1 $2" in
              "pod inspect")
                case "$*" in
                  *podsuite.io/spec*) [ -f '{{{spec}}}' ] && cat '{{{spec}}}' && exit 0; echo "Error: no such pod $3" >&2; exit 125 ;;
                  *InfraContainerID*) echo infra ;;
                esac ;;
              "kube play") for file; do :; done; grep -o 'podsuite.io/spec: [0-9a-f]*' "$file" | cut -d' ' -f2 >'{{{spec}}}' ;;
              "volume exists") exit 0 ;;
            esac
            case "$1" in
              inspect)
                [ "$2" = infra ] && { echo "10.88.0.9 "; exit 0; }
                shift; out="["; sep=""
                for name in "$@"; do
                  for pair in {{{states}}}; do
                    [ "${pair%%=*}" = "$name" ] || continue
                    state=${pair#*=}
                    out="$out$sep{\"Name\":\"$name\",\"State\":{\"Status\":\"${state%%:*}\",\"ExitCode\":${state#*:}},\"RestartCount\":0}"; sep=","
                  done
                done
                echo "$out]" ;;
              logs) echo '{{{log}}}' ;;
            esac
            exit 0
            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(podman, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return podman;
    }
}
