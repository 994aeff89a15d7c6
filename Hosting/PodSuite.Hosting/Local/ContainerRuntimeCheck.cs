using Microsoft.Extensions.Configuration;

namespace PodSuite.Hosting.Local;

/// <summary>
/// Whether the local run has a container runtime to run container members with: the one Aspire is told to use
/// (<c>DcpPublisher:ContainerRuntime</c>, <c>ASPIRE_CONTAINER_RUNTIME</c>), else docker or podman, as a file on PATH.
/// </summary>
internal static class ContainerRuntimeCheck
{
    /// <summary>The runtimes looked for, in Aspire's order.</summary>
    public static IReadOnlyList<string> Candidates(IConfiguration configuration) =>
        (configuration["DcpPublisher:ContainerRuntime"] ?? configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"]) is { Length: > 0 } configured
            ? [configured]
            : ["docker", "podman"];

    /// <summary>The first candidate found on PATH (as configuration has it: the environment's unless given), or null.</summary>
    public static string? Find(IConfiguration configuration) =>
        Candidates(configuration).FirstOrDefault(runtime => (configuration["PATH"] ?? Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, runtime))));
}
