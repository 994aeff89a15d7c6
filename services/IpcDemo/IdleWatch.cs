using PodSuite.Ipc;

namespace PodSuite.IpcDemo;

/// <summary>
/// Notices when a consumer has received nothing for its idle time, and then wakes its blocked receive with a message to
/// itself. The hot path only counts: one increment a message.
/// </summary>
internal sealed class IdleWatch(MessageQueue queue, TimeSpan timeout)
{
    private long _progress;
    private long _expiredAt = -1;

    public TimeSpan Timeout { get; } = timeout;

    /// <summary>Whether the idle time passed with no message since; a message that came after the wake-up clears it.</summary>
    public bool Expired => Interlocked.Read(ref _expiredAt) == Interlocked.Read(ref _progress);

    public void Progress() => Interlocked.Increment(ref _progress);

    /// <summary>Starts watching; dispose to stop. With an infinite timeout nothing is watched.</summary>
    public IDisposable? Start()
    {
        if (Timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        var seen = -1L;
        var quiet = TimeSpan.Zero;
        var period = Timeout < TimeSpan.FromSeconds(4) ? Timeout / 4 : TimeSpan.FromSeconds(1);
        return new Timer(_ =>
        {
            var now = Interlocked.Read(ref _progress);
            quiet = now == seen ? quiet + period : TimeSpan.Zero;
            seen = now;
            if (quiet >= Timeout && Interlocked.Exchange(ref _expiredAt, now) != now)
            {
                queue.TrySend((long)EnvelopeKind.Wake, new byte[Envelope.HeaderSize]);
            }
        }, null, period, period);
    }
}
