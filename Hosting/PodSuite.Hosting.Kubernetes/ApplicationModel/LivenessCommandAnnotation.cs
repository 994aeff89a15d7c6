namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A command run in the member's published container to tell whether it is alive (an exec liveness probe): for a
/// long-running member without an HTTP endpoint to probe, such as a sidecar that writes files.
/// </summary>
/// <param name="command">The command and its arguments, as the container runs them (no shell).</param>
public sealed class LivenessCommandAnnotation(IReadOnlyList<string> command) : IResourceAnnotation
{
    /// <summary>The command and its arguments.</summary>
    public IReadOnlyList<string> Command { get; } = command;
}
