namespace PodSuite.InitMyService;

/// <summary>What init-myservice waits for and how long, from the <c>InitMyService</c> section.</summary>
public sealed class DependencyWaitOptions
{
    public const string Section = "InitMyService";

    /// <summary>The URL that must answer with a success status; a service discovery name such as <c>http://proxy/health</c>.</summary>
    public Uri Url { get; set; } = new("http://proxy/health");

    /// <summary>How long to keep trying before giving up.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The pause after the first failed attempt; it doubles up to <see cref="LongestPause"/>.</summary>
    public TimeSpan FirstPause { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan LongestPause { get; set; } = TimeSpan.FromSeconds(2);
}
