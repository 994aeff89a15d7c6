using System.Runtime.InteropServices;

// The sidecar: every two seconds it writes index.html into the pod's shared volume (Notes__Directory), which the web
// app beside it serves. It writes a new file and moves it over the old one, so the web app never serves half a page.
var directory = Environment.GetEnvironmentVariable("Notes__Directory")
    ?? throw new InvalidOperationException("Notes__Directory must name the pod's shared volume.");
Directory.CreateDirectory(directory);

using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var started = DateTimeOffset.UtcNow;
var page = Path.Combine(directory, "index.html");
using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
do
{
    var html = $"""
        <!doctype html>
        <title>{Environment.MachineName}</title>
        <h1>Written by the sidecar</h1>
        <p>Started {started:u}; last written {DateTimeOffset.UtcNow:u}.</p>
        """;
    var next = page + ".next";
    await File.WriteAllTextAsync(next, html);
    File.Move(next, page, overwrite: true);
}
while (await WaitForNextTick(timer, stop.Token));

Console.WriteLine("Stopped.");

static async Task<bool> WaitForNextTick(PeriodicTimer timer, CancellationToken cancellationToken)
{
    try
    {
        return await timer.WaitForNextTickAsync(cancellationToken);
    }
    catch (OperationCanceledException)
    {
        return false;
    }
}
