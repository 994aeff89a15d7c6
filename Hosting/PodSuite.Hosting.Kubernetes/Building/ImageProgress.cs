using System.Diagnostics;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// What the image steps of one pipeline run did, for the totals <c>build-pod-images</c> and <c>push-pod-images</c>
/// print once every image's step has run (the per-image steps may run in parallel).
/// </summary>
internal sealed class ImageProgress
{
    private readonly Lock _lock = new();
    private Stopwatch? _buildStarted;
    private Stopwatch? _pushStarted;

    public int Built { get; private set; }

    public int Pushed { get; private set; }

    public int Unchanged { get; private set; }

    public TimeSpan BuildElapsed => _buildStarted?.Elapsed ?? TimeSpan.Zero;

    public TimeSpan PushElapsed => _pushStarted?.Elapsed ?? TimeSpan.Zero;

    public void BuildStarted()
    {
        lock (_lock)
        {
            _buildStarted ??= Stopwatch.StartNew();
        }
    }

    public void PushStarted()
    {
        lock (_lock)
        {
            _pushStarted ??= Stopwatch.StartNew();
        }
    }

    public void ImageBuilt()
    {
        lock (_lock)
        {
            Built++;
        }
    }

    public void ImagePushed()
    {
        lock (_lock)
        {
            Pushed++;
        }
    }

    public void ImageUnchanged()
    {
        lock (_lock)
        {
            Unchanged++;
        }
    }
}
