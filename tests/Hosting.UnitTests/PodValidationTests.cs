namespace Hosting.UnitTests;

public class PodValidationTests
{
    [Fact]
    public async Task AResourceInTwoPodsFailsNamingTheResourceAndBothPods()
    {
        var builder = PodModel.CreateBuilder();
        var first = builder.AddPod("first");
        var second = builder.AddPod("second");
        builder.AddExecutable("worker", "true", ".").InPod(first).InPod(second);

        var message = await builder.ValidationErrorAsync();

        Assert.Contains("Resource 'worker' is put in pods 'first' and 'second'", message);
        Assert.Contains("Remove all but one of its InPod calls", message);
    }

    [Fact]
    public async Task TwoMembersOfOnePodWithTheSameTargetPortFailNamingBoth()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("web");
        builder.AddExecutable("api", "true", ".").InPod(pod).WithHttpEndpoint(targetPort: 5000);
        builder.AddExecutable("admin", "true", ".").InPod(pod).WithHttpEndpoint(targetPort: 5000, name: "admin");

        var message = await builder.ValidationErrorAsync();

        Assert.Contains("'api' endpoint 'http' and 'admin' endpoint 'admin' of pod 'web' all declare target port 5000", message);
        Assert.Contains("Give all but one of them another targetPort", message);
    }

    [Fact]
    public async Task MembersOfDifferentPodsMayUseTheSameTargetPort()
    {
        var builder = PodModel.CreateBuilder();
        builder.AddExecutable("api", "true", ".").InPod(builder.AddPod("one")).WithHttpEndpoint(targetPort: 5000);
        builder.AddExecutable("other", "true", ".").InPod(builder.AddPod("two")).WithHttpEndpoint(targetPort: 5000);

        await using var app = await builder.BuildAndPrepareAsync();
    }

    [Fact]
    public async Task ASharedVolumeMountedByAMemberOfAnotherPodFails()
    {
        var builder = PodModel.CreateBuilder();
        var owner = builder.AddPod("owner");
        var data = owner.AddSharedVolume("data");
        builder.AddExecutable("stranger", "true", ".").InPod(builder.AddPod("elsewhere")).WithSharedVolume(data, "/data", "DATA");

        var message = await builder.ValidationErrorAsync();

        Assert.Contains(
            "Resource 'stranger' mounts shared volume 'data' of pod 'owner' but is in pod 'elsewhere'; only members of a pod can mount its volumes",
            message);
        Assert.Contains("Put 'stranger' in pod 'owner' with InPod", message);
    }

    [Fact]
    public async Task ASharedVolumeMountedByAResourceInNoPodFails()
    {
        var builder = PodModel.CreateBuilder();
        var data = builder.AddPod("owner").AddSharedVolume("data");
        builder.AddExecutable("loner", "true", ".").WithSharedVolume(data, "/data", "DATA");

        var message = await builder.ValidationErrorAsync();

        Assert.Contains("Resource 'loner' mounts shared volume 'data' of pod 'owner' but is in no pod", message);
    }

    [Fact]
    public async Task AMemberMountingOneVolumeAtTwoPathsFails()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var data = pod.AddSharedVolume("data");
        builder.AddExecutable("twice", "true", ".").InPod(pod)
            .WithSharedVolume(data, "/one", "ONE")
            .WithSharedVolume(data, "/two", "TWO");

        var message = await builder.ValidationErrorAsync();

        Assert.Contains("Resource 'twice' mounts shared volume 'data' of pod 'pod' at '/one' and '/two'", message);
        Assert.Contains("Keep one WithSharedVolume call for it", message);
    }

    [Fact]
    public async Task AMissingConfigFileFailsNamingTheResourceAndThePath()
    {
        var builder = PodModel.CreateBuilder();
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-file-{Guid.NewGuid():N}.json");
        builder.AddExecutable("reader", "true", ".").InPod(builder.AddPod("pod")).WithConfigFile(missing, "/etc/reader", "READER_CONFIG");

        var message = await builder.ValidationErrorAsync();

        Assert.Contains($"Config file '{missing}' given to 'reader' does not exist", message);
    }

    [Fact]
    public async Task TwoConfigFilesAtOnePathFailNamingBoth()
    {
        var first = Directory.CreateTempSubdirectory("podsuite-config-a-");
        var second = Directory.CreateTempSubdirectory("podsuite-config-b-");
        try
        {
            File.WriteAllText(Path.Combine(first.FullName, "routes.json"), "{}");
            File.WriteAllText(Path.Combine(second.FullName, "routes.json"), "{}");
            var builder = PodModel.CreateBuilder();
            builder.AddExecutable("proxy", "true", ".").InPod(builder.AddPod("mc3"))
                .WithConfigFile(Path.Combine(first.FullName, "routes.json"), "/etc/proxy", "A")
                .WithConfigFile(Path.Combine(second.FullName, "routes.json"), "/etc/proxy", "B");

            var message = await builder.ValidationErrorAsync();

            Assert.Contains($"Resource 'proxy' is given '{Path.Combine(first.FullName, "routes.json")}' and '{Path.Combine(second.FullName, "routes.json")}' at one path, '/etc/proxy/routes.json'", message);
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task EveryMistakeIsReportedAtOnce()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var data = pod.AddSharedVolume("data");
        builder.AddExecutable("a", "true", ".").InPod(pod).InPod(builder.AddPod("other"));
        builder.AddExecutable("b", "true", ".").WithSharedVolume(data, "/data", "DATA");

        var message = await builder.ValidationErrorAsync();

        Assert.Contains("Resource 'a' is put in pods", message);
        Assert.Contains("Resource 'b' mounts shared volume 'data'", message);
    }

    [Fact]
    public void AMountPathThatIsNotAbsoluteIsRefusedNamingTheResource()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var data = pod.AddSharedVolume("data");
        var member = builder.AddExecutable("member", "true", ".").InPod(pod);

        var error = Assert.Throws<ArgumentException>(() => member.WithSharedVolume(data, "data", "DATA"));

        Assert.Contains("'data' given to 'member' is not an absolute container path", error.Message);
    }

    [Fact]
    public void TwoSharedVolumesOfOnePodWithOneNameAreRefused()
    {
        var pod = PodModel.CreateBuilder().AddPod("pod");
        pod.AddSharedVolume("data");

        var error = Assert.Throws<DistributedApplicationException>(() => pod.AddSharedVolume("data"));

        Assert.Contains("Pod 'pod' already has a shared volume named 'data'", error.Message);
    }
}
