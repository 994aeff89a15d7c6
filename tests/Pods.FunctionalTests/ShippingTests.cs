namespace Pods.FunctionalTests;

/// <summary>
/// The app host's own shipping steps under podman: a deploy waits until every pod is ready and says so, a second one
/// with nothing changed builds and restarts nothing, and destroy removes this app's pods and only them.
/// </summary>
[Collection(PodRuntimeCollection.Name)]
public class ShippingTests(PodRuntime pods)
{
    private static readonly string[] s_pods = PodRuntime.DemoPods;

    [SkippableFact]
    public void TheDeployWaitedForEveryPodAndPrintedWhereEachStands()
    {
        pods.SkipUnlessRunning();

        Assert.Contains("Every pod is ready:", pods.DeployOutput);
        Assert.Matches(@"mc1\s+2/2\s+Running\s+0\s+http://localhost:8081", pods.DeployOutput);
        Assert.Matches(@"mc2\s+2/2\s+Completed\s+0\s+-", pods.DeployOutput);
        Assert.Matches(@"mc3\s+2/2\s+Running\s+0\s+http://localhost:8080", pods.DeployOutput);
        Assert.Matches(@"myapp-pod\s+1/1\s+Running\s+0\s+http://localhost:8082", pods.DeployOutput);
    }

    [SkippableFact]
    public async Task ASecondDeployWithNothingChangedBuildsNoImageAndRestartsNoPod()
    {
        pods.SkipUnlessRunning();
        var before = await PodIdsAsync();

        var output = await pods.RunStepAsync("deploy-pods");

        Assert.Contains("Images: 0 built, 13 unchanged", output);   // 9 project images and 4 Dockerfile images
        Assert.All(s_pods, pod => Assert.Contains($"Pod {pod}: unchanged, left as it is", output));
        Assert.Equal(before, await PodIdsAsync());
    }

    [SkippableFact]
    public async Task DestroyRemovesThisAppsPodsAndLeavesAPodStartedByHandAndAnotherAppsAlone()
    {
        pods.SkipUnlessRunning();
        const string byHand = "podsuite-test-started-by-hand";
        const string otherApp = "podsuite-test-another-app";
        await pods.PodmanAsync("pod", "rm", "--force", byHand);
        await pods.PodmanAsync("pod", "rm", "--force", otherApp);
        Assert.Equal(0, (await pods.PodmanAsync("pod", "create", "--name", byHand)).ExitCode);
        Assert.Equal(0, (await pods.PodmanAsync("pod", "create", "--name", otherApp,
            "--label", "app.kubernetes.io/managed-by=podsuite", "--label", "app.kubernetes.io/part-of=another-app")).ExitCode);
        try
        {
            var output = await pods.RunStepAsync("destroy-pods");

            Assert.Contains($"Destroyed {s_pods.Length} pods of '{PodRuntime.PartOf}'", output);
            Assert.Contains("Removed secret aspire-dashboard-login", output);
            Assert.NotEqual(0, (await pods.PodmanAsync("secret", "inspect", "aspire-dashboard-login")).ExitCode);
            var left = (await pods.PodmanAsync("pod", "ps", "--format", "{{.Name}}")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Empty(left.Intersect(s_pods));
            Assert.Contains(byHand, left);
            Assert.Contains(otherApp, left);
            var containers = (await pods.PodmanAsync("ps", "--all", "--format", "{{.Names}}")).Output;
            Assert.DoesNotContain("mc1-log-writer", containers);
            var volumes = (await pods.PodmanAsync("volume", "ls", "--format", "{{.Name}}")).Output;
            Assert.DoesNotContain("mc1-html", volumes);
        }
        finally
        {
            await pods.PodmanAsync("pod", "rm", "--force", byHand);
            await pods.PodmanAsync("pod", "rm", "--force", otherApp);
            // The other tests of the collection need the pods.
            await pods.RedeployAsync();
        }
    }

    private async Task<string[]> PodIdsAsync()
    {
        var ids = new List<string>();
        foreach (var pod in s_pods)
        {
            var (exitCode, output) = await pods.PodmanAsync("pod", "inspect", pod, "--format", "{{.Id}}");
            Assert.True(exitCode == 0, output);
            ids.Add(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim());
        }

        return [.. ids];
    }
}
