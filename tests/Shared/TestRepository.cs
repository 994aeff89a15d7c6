using System.Diagnostics;

namespace PodSuite.Tests;

/// <summary>The PodSuite checkout the tests run from, and running its commands as child processes.</summary>
internal static class TestRepository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Runs a command to its end (killed with its children after <paramref name="timeout"/>).</summary>
    /// <returns>Its exit code (127 when it could not start) and its output and errors.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(string command, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = workingDirectory ?? Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (127, ex.Message);
        }

        using (process)
        {
            using var cancel = new CancellationTokenSource(timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
            var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PodSuite.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the PodSuite repository.");
    }
}
