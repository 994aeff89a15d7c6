namespace Hosting.UnitTests;

public class UnixSocketTests
{
    [Fact]
    public async Task InALocalRunTheListenerAndTheClientAreGivenOnePathInTheVolumesHostDirectory()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var socket = pod.AddSharedVolume("sockets").AddUnixSocket("app.sock");
        var server = builder.AddExecutable("server", "true", ".").InPod(pod).ListensOnUnixSocket(socket, "/run/app", "SERVER_SOCKET");
        var client = builder.AddExecutable("client", "true", ".").InPod(pod).ConnectsToUnixSocket(socket, "/run/sockets", "CLIENT_SOCKET");

        await using var app = await builder.BuildAndPrepareAsync();
        var serverEnv = await server.Resource.EnvironmentAsync(DistributedApplicationOperation.Run);
        var clientEnv = await client.Resource.EnvironmentAsync(DistributedApplicationOperation.Run);

        Assert.Equal(Path.Combine(socket.Volume.LocalPath!, "app.sock"), serverEnv["SERVER_SOCKET"]);
        Assert.Equal(serverEnv["SERVER_SOCKET"], clientEnv["CLIENT_SOCKET"]);
        Assert.True(Directory.Exists(socket.Volume.LocalPath));
    }

    [Fact]
    public async Task WhenPublishedEachMemberFindsTheSocketUnderItsOwnMountOfTheVolume()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var socket = pod.AddSharedVolume("sockets").AddUnixSocket("app.sock");
        var server = builder.AddExecutable("server", "true", ".").InPod(pod).ListensOnUnixSocket(socket, "/run/app", "SERVER_SOCKET");
        var client = builder.AddExecutable("client", "true", ".").InPod(pod).ConnectsToUnixSocket(socket, "/run/sockets/", "CLIENT_SOCKET");

        var serverEnv = await server.Resource.EnvironmentAsync(DistributedApplicationOperation.Publish);
        var clientEnv = await client.Resource.EnvironmentAsync(DistributedApplicationOperation.Publish);

        Assert.Equal("/run/app/app.sock", serverEnv["SERVER_SOCKET"]);
        Assert.Equal("/run/sockets/app.sock", clientEnv["CLIENT_SOCKET"]);
        var mount = Assert.Single(client.Resource.Annotations.OfType<SharedVolumeMountAnnotation>());
        Assert.Equal((socket.Volume, "/run/sockets/"), (mount.Volume, mount.MountPath));
        Assert.Null(mount.EnvironmentVariable);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AMemberThatAlsoMountsTheVolumeAtThatPathMountsItOnceAndIsToldOfBoth(bool volumeFirst)
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var sockets = pod.AddSharedVolume("sockets");
        var server = builder.AddExecutable("server", "true", ".").InPod(pod);
        var socket = sockets.AddUnixSocket("app.sock");
        if (volumeFirst)
        {
            server.WithSharedVolume(sockets, "/run/app", "SERVER_DIR").ListensOnUnixSocket(socket, "/run/app", "SERVER_SOCKET");
        }
        else
        {
            server.ListensOnUnixSocket(socket, "/run/app", "SERVER_SOCKET").WithSharedVolume(sockets, "/run/app", "SERVER_DIR");
        }

        var env = await server.Resource.EnvironmentAsync(DistributedApplicationOperation.Publish);

        Assert.Equal(("/run/app", "/run/app/app.sock"), (env["SERVER_DIR"], env["SERVER_SOCKET"]));
        Assert.Equal("SERVER_DIR", Assert.Single(server.Resource.Annotations.OfType<SharedVolumeMountAnnotation>()).EnvironmentVariable);
    }

    [Fact]
    public async Task ASocketNobodyListensOnFailsNamingItAndTheFix()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var socket = pod.AddSharedVolume("sockets").AddUnixSocket("app.sock");
        builder.AddExecutable("client", "true", ".").InPod(pod).ConnectsToUnixSocket(socket, "/run/app", "CLIENT_SOCKET");

        var message = await builder.ValidationErrorAsync();

        Assert.Contains("Unix socket 'app.sock' in shared volume 'sockets' of pod 'pod' is connected to by 'client' but no member listens on it", message);
        Assert.Contains("call ListensOnUnixSocket on the member that serves it", message);
    }

    [Fact]
    public async Task TwoListenersOnOneSocketFailNamingBoth()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var socket = pod.AddSharedVolume("sockets").AddUnixSocket("app.sock");
        builder.AddExecutable("one", "true", ".").InPod(pod).ListensOnUnixSocket(socket, "/run/app", "SOCKET");
        builder.AddExecutable("two", "true", ".").InPod(pod).ListensOnUnixSocket(socket, "/run/app", "SOCKET");

        var message = await builder.ValidationErrorAsync();

        Assert.Contains("Unix socket 'app.sock' in shared volume 'sockets' of pod 'pod' is listened on by 'one' and 'two'", message);
    }

    [Fact]
    public async Task AMemberOfAnotherPodCannotReachTheSocket()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var socket = pod.AddSharedVolume("sockets").AddUnixSocket("app.sock");
        builder.AddExecutable("server", "true", ".").InPod(pod).ListensOnUnixSocket(socket, "/run/app", "SOCKET");
        builder.AddExecutable("outsider", "true", ".").InPod(builder.AddPod("other")).ConnectsToUnixSocket(socket, "/run/app", "SOCKET");

        var message = await builder.ValidationErrorAsync();

        Assert.Contains("Resource 'outsider' mounts shared volume 'sockets' of pod 'pod' but is in pod 'other'", message);
    }

    [Fact]
    public async Task AContainerPathLongerThanTheKernelHoldsFailsNamingThePathAndItsLength()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var socket = pod.AddSharedVolume("sockets").AddUnixSocket("app.sock");
        var mountPath = "/run/" + new string('d', 94);   // 99 bytes, and "/app.sock" makes 108
        builder.AddExecutable("server", "true", ".").InPod(pod).ListensOnUnixSocket(socket, mountPath, "SOCKET");

        var message = await builder.ValidationErrorAsync();

        Assert.Contains($"Resource 'server' would find Unix socket 'app.sock' at '{mountPath}/app.sock', 108 bytes; a socket's path holds at most 107", message);
        Assert.Contains("Mount the volume at a shorter path or give the socket a shorter name", message);
    }

    [Fact]
    public async Task APathOfExactly107BytesIsAccepted()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var socket = pod.AddSharedVolume("sockets").AddUnixSocket("s");
        var mountPath = "/" + new string('d', 104);   // and "/s" makes 107
        var server = builder.AddExecutable("server", "true", ".").InPod(pod).ListensOnUnixSocket(socket, mountPath, "SOCKET");

        var env = await server.Resource.EnvironmentAsync(DistributedApplicationOperation.Publish);

        Assert.Equal(107, env["SOCKET"].Length);
        await using var app = await builder.BuildAndPrepareAsync();
    }

    [Fact]
    public async Task ALocalRunWhoseTemporaryDirectoryMakesThePathTooLongIsRefusedAtStartNamingIt()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        // Fits in the container (3 + 1 + 100 bytes), not under this run's temporary directory.
        var socket = pod.AddSharedVolume("sockets").AddUnixSocket(new string('s', 100));
        builder.AddExecutable("server", "true", ".").InPod(pod).ListensOnUnixSocket(socket, "/s", "SOCKET");

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => builder.BuildAndPrepareAsync());

        Assert.Contains($"Unix socket '{socket.Name}' in shared volume 'sockets' of pod 'pod' would be at '{Path.GetTempPath().TrimEnd('/')}/podsuite-pod-sockets-", error.Message);
        Assert.Contains("a socket's path holds at most 107. Set TMPDIR to a shorter directory, or give the socket a shorter name", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("run/app.sock")]
    [InlineData("..")]
    public void ASocketNameThatIsNotAFileNameIsRefused(string name)
    {
        var volume = PodModel.CreateBuilder().AddPod("pod").AddSharedVolume("sockets");

        var error = Assert.Throws<ArgumentException>(() => volume.AddUnixSocket(name));

        Assert.Contains("of pod 'pod'; use a name without '/', such as 'webapp.sock'", error.Message);
    }

    [Fact]
    public void TwoSocketsOfOneNameInAVolumeAreRefused()
    {
        var volume = PodModel.CreateBuilder().AddPod("pod").AddSharedVolume("sockets");
        volume.AddUnixSocket("app.sock");

        var error = Assert.Throws<DistributedApplicationException>(() => volume.AddUnixSocket("app.sock"));

        Assert.Contains("Shared volume 'sockets' of pod 'pod' already has a Unix socket named 'app.sock'", error.Message);
    }
}
