namespace Hosting.UnitTests;

/// <summary>Runs that end the process: the exit code and what is printed, with Console.Error captured.</summary>
[Collection(nameof(ConsoleErrorCollection))]
public class ExitCodeTests
{
    [Fact]
    public async Task AnInvalidModelEndsARunWithExitCodeOneAndItsMessageOnceWithoutAStackTrace()
    {
        var builder = PodModel.CreateBuilder();
        builder.AddExecutable("worker", "true", ".").InPod(builder.AddPod("first")).InPod(builder.AddPod("second"));

        var (exitCode, printed) = await RunAsync(builder);

        Assert.Equal(1, exitCode);
        Assert.Single(Occurrences(printed, "Resource 'worker' is put in pods 'first' and 'second'"));
        Assert.StartsWith(PodModelValidator.Heading, printed);
        Assert.DoesNotContain("   at ", printed);
    }

    [Fact]
    public async Task WaitsInACycleEndARunAtStartNamingEveryResourceOnTheCycle()
    {
        var builder = PodModel.CreateBuilder();
        var pod = builder.AddPod("pod");
        var a = builder.AddExecutable("a", "true", ".").InPod(pod);
        var b = builder.AddExecutable("b", "true", ".").InPod(pod);
        var c = builder.AddExecutable("c", "true", ".");
        a.WaitForCompletion(b);
        b.WaitFor(c);
        c.WaitFor(a);
        builder.AddExecutable("d", "true", ".").WaitFor(a);

        var (exitCode, printed) = await RunAsync(builder);

        Assert.Equal(1, exitCode);
        Assert.Contains("'a', which waits for 'b', which waits for 'c', which waits for 'a': they wait for each other in a cycle", printed);
        Assert.Single(Occurrences(printed, "in a cycle"));
    }

    [Fact]
    public async Task WithVerboseLoggingTheStackTraceIsPrintedToo()
    {
        var builder = PodModel.CreateBuilder("--Logging:LogLevel:Default=Debug");
        builder.AddExecutable("worker", "true", ".").InPod(builder.AddPod("first")).InPod(builder.AddPod("second"));

        var (exitCode, printed) = await RunAsync(builder);

        Assert.Equal(1, exitCode);
        Assert.Contains("   at ", printed);
    }

    [Fact]
    public async Task AValidPublishEndsWithExitCodeZero()
    {
        var output = Directory.CreateTempSubdirectory("podsuite-exit-code-");
        var builder = PodModel.CreateBuilder("--operation", "publish", "--step", "publish", "--output-path", output.FullName);
        builder.AddExecutable("worker", "true", ".").InPod(builder.AddPod("pod")).ExcludeFromManifest();

        try
        {
            var (exitCode, printed) = await RunAsync(builder);

            Assert.Equal((0, ""), (exitCode, printed));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Printed)> RunAsync(IDistributedApplicationBuilder builder)
    {
        await using var app = builder.Build();
        var original = Console.Error;
        using var printed = new StringWriter();
        Console.SetError(printed);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            return (await app.RunWithExitCodeAsync(timeout.Token), printed.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    private static IEnumerable<int> Occurrences(string text, string part)
    {
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }
}

[CollectionDefinition(nameof(ConsoleErrorCollection), DisableParallelization = true)]
public sealed class ConsoleErrorCollection;
