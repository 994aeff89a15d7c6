namespace Pods.FunctionalTests;

/// <summary>
/// A deploy touches only this app's pods and volumes, under real podman: one of the user's, or another app's, in the way
/// fails the deploy before anything changes, naming it and how to remove it.
/// </summary>
[Collection(PodRuntimeCollection.Name)]
public class OwnershipTests(PodRuntime pods)
{
    [SkippableFact]
    public async Task APodStartedByHandWithTheNameOfOneOfThisAppsIsNeverReplaced()
    {
        pods.SkipUnlessRunning();
        Assert.Equal(0, (await pods.PodmanAsync("pod", "rm", "--force", "mc1")).ExitCode);
        Assert.Equal(0, (await pods.PodmanAsync("pod", "create", "--name", "mc1")).ExitCode);
        Assert.Equal(0, (await pods.PodmanAsync("run", "-d", "--pod", "mc1", "--name", "users-own", "localhost:5055/dotnet/runtime-deps:10.0", "sleep", "600")).ExitCode);
        var before = await PodIdsAsync();
        try
        {
            var (exitCode, output) = await pods.TryRunStepAsync("deploy-pods");

            Assert.Equal(1, exitCode);
            Assert.Contains("- pod 'mc1' was started by hand (it has no app.kubernetes.io/managed-by=podsuite label): remove it with 'podman pod rm --force mc1'", output);
            Assert.DoesNotContain("Pod mc1:", output);
            Assert.Equal("running", (await pods.InspectAsync("users-own")).GetProperty("State").GetProperty("Status").GetString());
            Assert.Equal(before, await PodIdsAsync());
        }
        finally
        {
            await pods.PodmanAsync("pod", "rm", "--force", "mc1");
            await pods.RedeployAsync();
        }
    }

    [SkippableFact]
    public async Task AnotherAppsDeployTakesNoneOfThisAppsPods()
    {
        pods.SkipUnlessRunning();
        var before = await PodIdsAsync();

        var (exitCode, output) = await pods.TryRunStepAsync("deploy-pods", "--PodSuite:PartOf=another-app");

        Assert.Equal(1, exitCode);
        Assert.Contains("(those of 'another-app'), and these are in the way:", output);
        Assert.Contains($"- pod 'myapp-pod' belongs to another app, '{PodRuntime.PartOf}' (app.kubernetes.io/part-of): remove it with 'podman pod rm --force myapp-pod'", output);
        Assert.Equal(before, await PodIdsAsync());
    }

    [SkippableFact]
    public async Task AVolumeMadeByHandWithTheNameOfOneOfThisAppsIsNeverTaken()
    {
        pods.SkipUnlessRunning();
        Assert.Equal(0, (await pods.PodmanAsync("pod", "rm", "--force", "mc1")).ExitCode);
        await pods.PodmanAsync("volume", "rm", "mc1-html");
        Assert.Equal(0, (await pods.PodmanAsync("volume", "create", "mc1-html")).ExitCode);
        try
        {
            var (exitCode, output) = await pods.TryRunStepAsync("deploy-pods");

            Assert.Equal(1, exitCode);
            Assert.Contains("- volume 'mc1-html' was made by hand (it has no app.kubernetes.io/managed-by=podsuite label): remove it with 'podman volume rm mc1-html'", output);
            Assert.Equal("{}", (await pods.PodmanAsync("volume", "inspect", "mc1-html", "--format", "{{json .Labels}}")).Output.Trim().Split('\n')[^1]);
        }
        finally
        {
            await pods.PodmanAsync("volume", "rm", "mc1-html");
            await pods.RedeployAsync();
        }
    }

    [SkippableFact]
    public async Task TheVolumesOfADeployAreLabelledAsThisAppsAndThePodsRunTheImagesPushedByDigest()
    {
        pods.SkipUnlessRunning();

        var (_, volumes) = await pods.PodmanAsync("volume", "ls", "--filter", "label=app.kubernetes.io/managed-by=podsuite",
            "--filter", $"label=app.kubernetes.io/part-of={PodRuntime.PartOf}", "--format", "{{.Name}}");

        Assert.Contains("mc1-html", volumes.Split('\n'));
        Assert.Contains("myapp-pod-data", volumes.Split('\n'));
        var image = (await pods.InspectAsync("mc3-webapp")).GetProperty("ImageName").GetString();
        Assert.Matches("^localhost:5055/webapp(:src-[0-9a-f]{12})?@sha256:[0-9a-f]{64}$", image);
    }

    private async Task<string[]> PodIdsAsync()
    {
        var ids = new List<string>();
        foreach (var pod in PodRuntime.DemoPods.Where(p => p != "mc1"))
        {
            var (exitCode, output) = await pods.PodmanAsync("pod", "inspect", pod, "--format", "{{.Id}}");
            Assert.True(exitCode == 0, output);
            ids.Add(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim());
        }

        return [.. ids];
    }
}
