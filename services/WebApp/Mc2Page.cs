using System.Globalization;
using System.Net;
using System.Text;
using PodSuite.Pages;
using PodSuite.IpcRun;

namespace PodSuite.WebApp;

/// <summary>
/// mc2's page, which teaches its pattern: a producer and a consumer on one System V message queue in the pod's IPC
/// namespace. mc2 runs to completion, so the page is served here, in mc3, from the reports its members sent on their
/// way out: the run's messages as produced and as consumed, each member's outcome and exit code.
/// </summary>
public static class Mc2Page
{
    /// <param name="producer">The producer's latest report, if any.</param>
    /// <param name="consumer">The consumer's latest report, if any.</param>
    /// <param name="container">The container (the member's name) that made the page.</param>
    /// <param name="host">The host name: the pod's in a pod.</param>
    public static string Render(IpcRunReport? producer, IpcRunReport? consumer, string container, string host)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>mc2: the last run</title><style>").Append(PageStyle.Css).Append("</style></head><body>")
            .Append("<h1>Pod mc2: a producer and a consumer on one message queue</h1>")
            .Append("<h2>What you are seeing</h2>")
            .Append("<p id=\"answered\">Container <strong>").Append(Encode(container)).Append("</strong> on host <strong>").Append(Encode(host))
            .Append("</strong>, in pod mc3, made this page. mc2 runs to completion: by now its two containers have exited, so neither is left to serve it. ")
            .Append("On its way out each sent its record of the run here, over the network to mc3's proxy: that is how one pod reaches another.</p>")
            .Append("<p>Inside mc2 the two talk another way. <strong>producer</strong> creates a System V message queue and sends numbered messages, each two random digits, ")
            .Append("then an exit message; <strong>consumer</strong> reads them in order. The queue lives in the pod's IPC namespace, which the containers of a pod share: ")
            .Append("no other pod can see it.</p>")
            .Append("<h2>The last run</h2>");
        if (producer is null && consumer is null)
        {
            html.Append("<p id=\"no-run\">No run reported since this web app started. mc2 runs once, when it starts: run it again (see <em>Try this</em>) to see one here.</p>");
        }
        else
        {
            AppendMembers(html, producer, consumer);
            AppendMessages(html, producer, consumer);
            AppendVerdict(html, producer, consumer);
        }

        return html
            .Append("<h2>How the pod is written</h2><p>In the pod model (<code>AppHost/AppHost.cs</code>):</p>")
            .Append("<pre>var mc2 = builder.AddPod(\"mc2\");\nvar queueKey = mc2.AddIpcKey(\"queue\");\n")
            .Append("builder.AddProject&lt;Projects.IpcDemo&gt;(\"producer\").WithArgs(\"produce\")\n    .InPod(mc2).RunsToCompletion().WithIpcKey(queueKey, \"Ipc__QueueKey\");\n")
            .Append("builder.AddProject&lt;Projects.IpcDemo&gt;(\"consumer\").WithArgs(\"consume\")\n    .InPod(mc2).RunsToCompletion().WithIpcKey(queueKey, \"Ipc__QueueKey\");</pre>")
            .Append("<p>Published (<code>manifests/mc2/pod.yaml</code>): a bare Pod, not a Deployment, with <code>restartPolicy: Never</code>, ")
            .Append("so Kubernetes runs it once and keeps each container's exit code. Both containers get the same queue key; nothing else is needed, ")
            .Append("since a pod's containers share one IPC namespace by default. Each also gets the proxy's address, to send its report.</p>")
            .Append("<h2>Try this</h2><ul>")
            .Append("<li>In the dashboard, restart <code>consumer</code>, then <code>producer</code>, and reload: a new run, with new digits.</li>")
            .Append("<li>Restart <code>consumer</code> alone: no producer creates a queue, so after 30 s it gives up and reports exit code 2.</li>")
            .Append("<li>Deployed to Kubernetes, the exit codes Kubernetes kept, the same as above:")
            .Append("<pre>kubectl get pod mc2 \\\n  -o jsonpath='{range .status.containerStatuses[*]}{.name}={.state.terminated.exitCode} {end}'</pre></li>")
            .Append("<li><code>curl -s http://localhost:8080/api/runs/mc2</code>: the reports as JSON.</li>")
            .Append("</ul></body></html>")
            .ToString();
    }

    private static void AppendMembers(StringBuilder html, IpcRunReport? producer, IpcRunReport? consumer)
    {
        html.Append("<table id=\"members\"><thead><tr><th scope=\"col\">container</th><th scope=\"col\">messages</th>")
            .Append("<th scope=\"col\">outcome</th><th scope=\"col\">exit code</th></tr></thead><tbody>");
        var ended = new List<string>();
        foreach (var (member, report) in new[] { ("producer", producer), ("consumer", consumer) })
        {
            html.Append("<tr><th scope=\"row\">").Append(member).Append("</th>");
            if (report is null)
            {
                html.Append("<td colspan=\"3\">no report</td></tr>");
                continue;
            }

            ended.Add($"{member} at {Time(report.EndedAt)}");
            html.Append("<td>").Append(Number(report.Total)).Append("</td><td>").Append(Encode(report.Outcome))
                .Append("</td><td>").Append(Number(report.ExitCode)).Append("</td></tr>");
        }

        html.Append("</tbody></table><p id=\"ended\" class=\"note\">Ended (UTC): ").Append(string.Join(", ", ended)).Append(".</p>");
    }

    private static void AppendMessages(StringBuilder html, IpcRunReport? producer, IpcRunReport? consumer)
    {
        var sent = producer?.Messages.ToDictionary(m => m.Number) ?? [];
        var received = consumer?.Messages.ToDictionary(m => m.Number) ?? [];
        html.Append("<table id=\"messages\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">produced</th><th scope=\"col\">consumed</th>")
            .Append("<th scope=\"col\">on the queue for</th></tr></thead><tbody>");
        foreach (var number in sent.Keys.Union(received.Keys).Order())
        {
            html.Append("<tr><td>").Append(Number(number)).Append("</td><td>").Append(Encode(sent.GetValueOrDefault(number)?.Text ?? "–"))
                .Append("</td><td>").Append(Encode(received.GetValueOrDefault(number)?.Text ?? "–")).Append("</td><td>")
                .Append(received.GetValueOrDefault(number)?.LatencyMicroseconds is { } latency ? $"{latency.ToString("0", CultureInfo.InvariantCulture)} µs" : "–")
                .Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        var listed = Math.Max(producer?.Messages.Count ?? 0, consumer?.Messages.Count ?? 0);
        var total = Math.Max(producer?.Total ?? 0, consumer?.Total ?? 0);
        if (total > listed)
        {
            html.Append("<p class=\"note\">The first ").Append(Number(listed)).Append(" of ").Append(Number(total)).Append(" messages.</p>");
        }
    }

    private static void AppendVerdict(StringBuilder html, IpcRunReport? producer, IpcRunReport? consumer)
    {
        var problems = IpcRunCheck.FindProblems(producer, consumer);
        if (problems.Count == 0)
        {
            html.Append("<p id=\"verdict\">Every message arrived, in order, as it was sent, and both containers exited 0.</p>");
            return;
        }

        html.Append("<p id=\"verdict\">Not a clean run:</p><ul>");
        foreach (var problem in problems)
        {
            html.Append("<li>").Append(Encode(problem)).Append("</li>");
        }

        html.Append("</ul>");
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
