using Microsoft.Extensions.Options;
using PodSuite.Ipc;

namespace PodSuite.IpcDemo;

/// <summary>Runs the producer once, then ends the process.</summary>
public sealed class ProducerRole(QueueProducer producer, IOptions<IpcOptions> options, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Factory.StartNew(() =>
    {
        try
        {
            var settings = options.Value;
            var queue = MessageQueue.Create(settings.ParsedQueueKey());
            producer.Produce(queue, settings.Count, settings.Interval, stoppingToken);
        }
        catch (MessageQueueException)
        {
            Environment.ExitCode = 1;
            throw;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }, TaskCreationOptions.LongRunning);
}

/// <summary>Runs the consumer once, then ends the process with the outcome as its exit code.</summary>
public sealed class ConsumerRole(QueueConsumer consumer, IOptions<IpcOptions> options, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Factory.StartNew(() =>
    {
        try
        {
            var settings = options.Value;
            var queue = consumer.WaitForQueue(settings.ParsedQueueKey(), settings.QueueWaitTimeout, stoppingToken);
            Environment.ExitCode = (int)(queue is null ? ConsumeOutcome.NoQueue : consumer.Consume(queue, stoppingToken));
        }
        catch (MessageQueueException)
        {
            Environment.ExitCode = 1;
            throw;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }, TaskCreationOptions.LongRunning);
}
