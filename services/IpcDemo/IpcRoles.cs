using Microsoft.Extensions.Options;
using PodSuite.Ipc;

namespace PodSuite.IpcDemo;

/// <summary>
/// A role that does its work once on a thread of its own (queue calls block), reports the run when
/// <c>Ipc:ReportTo</c> is set, then ends the process.
/// </summary>
public abstract class RunOnceRole(RunRecord record, RunReporter reporter, IOptions<IpcOptions> options, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    /// <summary>How long the report is still tried after the process is asked to stop.</summary>
    public static readonly TimeSpan ReportGraceOnStop = TimeSpan.FromSeconds(2);

    /// <summary>The demo's settings, already checked when the program started.</summary>
    protected IpcOptions Settings => options.Value;

    /// <summary>The member's name in the pod, which its report carries.</summary>
    protected abstract string Member { get; }

    /// <returns>The outcome's name and the process's exit code.</returns>
    protected abstract (string Outcome, int ExitCode) Run(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var (outcome, exitCode) = await Task.Factory.StartNew(() => Run(stoppingToken), TaskCreationOptions.LongRunning).ConfigureAwait(false);
            Environment.ExitCode = exitCode;
            await ReportAsync(outcome, exitCode, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Whatever went wrong, the container failed: never a 0 that shows it finished.
            Environment.ExitCode = 1;
            throw;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task ReportAsync(string outcome, int exitCode, CancellationToken stoppingToken)
    {
        if (Settings.ParseReportTo() is not { } address)
        {
            return;
        }

        // A stopping member still gets its report out, within a short grace.
        using var limit = new CancellationTokenSource();
        using var onStop = stoppingToken.Register(() => limit.CancelAfter(ReportGraceOnStop));
        await reporter.SendAsync(address, record.Report(Member, outcome, exitCode), Settings.ReportTimeout, limit.Token).ConfigureAwait(false);
    }
}

/// <summary>Runs the producer once.</summary>
public sealed class ProducerRole(
    QueueProducer producer, RunRecord record, RunReporter reporter, IOptions<IpcOptions> options, IHostApplicationLifetime lifetime)
    : RunOnceRole(record, reporter, options, lifetime)
{
    protected override string Member => "producer";

    protected override (string, int) Run(CancellationToken stoppingToken)
    {
        var outcome = producer.Produce(MessageQueue.Create(Settings.ParseQueueKey()!.Value), Settings.Count, Settings.Interval, stoppingToken);
        return (outcome.ToString(), (int)outcome);
    }
}

/// <summary>Runs the consumer once, with the outcome as the exit code.</summary>
public sealed class ConsumerRole(
    QueueConsumer consumer, RunRecord record, RunReporter reporter, IOptions<IpcOptions> options, IHostApplicationLifetime lifetime)
    : RunOnceRole(record, reporter, options, lifetime)
{
    protected override string Member => "consumer";

    protected override (string, int) Run(CancellationToken stoppingToken)
    {
        var queue = consumer.WaitForQueue(Settings.ParseQueueKey()!.Value, Settings.QueueWaitTimeout, stoppingToken);
        var outcome = queue is null ? ConsumeOutcome.NoQueue : consumer.Consume(queue, stoppingToken, Settings.IdleTimeout);
        return (outcome.ToString(), (int)outcome);
    }
}
