using Microsoft.Extensions.Options;
using PodSuite.Ipc;

namespace PodSuite.IpcDemo;

/// <summary>A role that does its work once on a thread of its own (queue calls block), then ends the process.</summary>
public abstract class RunOnceRole(IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <returns>The process's exit code.</returns>
    protected abstract int Run(CancellationToken stoppingToken);

    protected sealed override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Factory.StartNew(() =>
    {
        try
        {
            Environment.ExitCode = Run(stoppingToken);
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
    }, TaskCreationOptions.LongRunning);
}

/// <summary>Runs the producer once.</summary>
public sealed class ProducerRole(QueueProducer producer, IOptions<IpcOptions> options, IHostApplicationLifetime lifetime)
    : RunOnceRole(lifetime)
{
    protected override int Run(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        return (int)producer.Produce(MessageQueue.Create(settings.ParseQueueKey()!.Value), settings.Count, settings.Interval, stoppingToken);
    }
}

/// <summary>Runs the consumer once, with the outcome as the exit code.</summary>
public sealed class ConsumerRole(QueueConsumer consumer, IOptions<IpcOptions> options, IHostApplicationLifetime lifetime)
    : RunOnceRole(lifetime)
{
    protected override int Run(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var queue = consumer.WaitForQueue(settings.ParseQueueKey()!.Value, settings.QueueWaitTimeout, stoppingToken);
        return (int)(queue is null ? ConsumeOutcome.NoQueue : consumer.Consume(queue, stoppingToken, settings.IdleTimeout));
    }
}
