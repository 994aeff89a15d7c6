using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Aspire.Hosting;

namespace PodSuite.Hosting.Kubernetes.Runtimes;

/// <summary>A command a deploy runs (dotnet, podman, kubectl), as it would be typed.</summary>
/// <param name="File">The program.</param>
/// <param name="Arguments">Its arguments.</param>
internal sealed record ExternalCommand(string File, IReadOnlyList<string> Arguments)
{
    public static ExternalCommand Of(string file, params string[] arguments) => new(file, arguments);

    public override string ToString() => string.Join(' ', new[] { File }.Concat(Arguments).Select(Quote));

    /// <summary>
    /// Runs the command to its end, or kills it (and its children) after <paramref name="timeout"/>: its exit code, its
    /// output with standard error, and its standard output alone. A program that is not installed is an error naming it.
    /// </summary>
    public async Task<(int ExitCode, string Output, string StandardOutput)> RunAsync(TimeSpan timeout, CancellationToken cancellationToken, string? standardInput = null)
    {
        var start = new ProcessStartInfo(File)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var standardOutput = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            Append(output, e.Data);
            Append(standardOutput, e.Data);
        };
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new DistributedApplicationException($"'{File}' could not be started ({ex.Message}): is it installed and on the PATH?", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new DistributedApplicationException($"'{this}' did not finish within {timeout.TotalSeconds:0} s and was stopped. Its output:\n{Tail(Text(output), 20)}");
        }

        return (process.ExitCode, Text(output), Text(standardOutput));
    }

    /// <summary>Runs the command and returns its standard output; a non-zero exit is an error quoting the command and its output.</summary>
    public async Task<string> RunCheckedAsync(TimeSpan timeout, CancellationToken cancellationToken, string? standardInput = null)
    {
        var (exitCode, output, standardOutput) = await RunAsync(timeout, cancellationToken, standardInput).ConfigureAwait(false);
        return exitCode == 0
            ? standardOutput
            : throw new DistributedApplicationException($"'{this}' failed (exit code {exitCode}):\n{Tail(output, 20)}");
    }

    /// <summary>The last <paramref name="lines"/> lines of a command's output.</summary>
    public static string Tail(string output, int lines) =>
        string.Join('\n', output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>One word as a POSIX shell reads it back as that word: as it is when it holds nothing a shell would read, else in single quotes.</summary>
    public static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@%+".Contains(c)) ? argument : $"'{argument.Replace("'", "'\\''")}'";
}
