using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Serialization;
using PodSuite.InitOrder;
using PodSuite.MyAppDb;
using PodSuite.Pages;

namespace PodSuite.MyApp;

/// <summary>
/// myapp's page, which teaches myapp-pod's pattern: what answered and on which of its two ports, the init steps'
/// timeline from their own record, the rows they prepared, how the pod is written, and what to try.
/// </summary>
public static class ItemsPage
{
    /// <summary>The containers of myapp-pod in the order they must run: the init steps, then myapp.</summary>
    public static readonly string[] StartOrder = ["init-myservice", "init-mydb", "myapp"];

    /// <param name="items">The rows init-mydb prepared.</param>
    /// <param name="initOrder">The pod's init-order record.</param>
    /// <param name="container">The container (the member's name) that made the page.</param>
    /// <param name="host">The host name: the pod's in a pod.</param>
    /// <param name="requested">The host and port the browser asked for.</param>
    /// <param name="localPort">The port the request arrived on.</param>
    /// <param name="adminPort">The admin port, if any.</param>
    public static string Render(
        IReadOnlyList<Item> items, IReadOnlyList<InitOrderRecord> initOrder, string container, string host, string requested, int localPort, int? adminPort)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>myapp-pod: ").Append(Encode(container)).Append("</title><style>").Append(PageStyle.Css).Append("</style></head><body>")
            .Append("<h1>Pod myapp-pod: init steps in order, then the app</h1>")
            .Append("<h2>What you are seeing</h2><p id=\"answered\">Container <strong>").Append(Encode(container)).Append("</strong> on host <strong>")
            .Append(Encode(host)).Append("</strong> made this page, for a request to <code>").Append(Encode(requested))
            .Append("</code>. It listens on port <strong>").Append(Port(localPort)).Append("</strong> (in the local run, Aspire's own proxy takes the published port and passes requests on to it).");
        if (adminPort is { } admin)
        {
            html.Append(" Its second port, <strong>").Append(Port(admin)).Append("</strong>, is for admins: <code>/admin/db</code> and <code>/admin/init-order</code>.");
        }

        html.Append("</p><p>It started only after two init steps, one after the other: <strong>init-myservice</strong> waited until the mc3 proxy answered, ")
            .Append("then <strong>init-mydb</strong> created or migrated the database on the pod's shared volume. myapp refuses to start on a database that is missing or out of date.</p>")
            .Append("<h2>How this pod started</h2>")
            .Append("<p>Each init step, and then myapp, wrote a line to <code>").Append(InitOrderLog.FileName)
            .Append("</code> in the pod's shared volume as it began and as it ended. All read one clock, so this is the order they really ran in.</p>")
            .Append("<table id=\"init-order\"><thead><tr><th scope=\"col\">time (UTC)</th><th scope=\"col\">container</th><th scope=\"col\">event</th></tr></thead><tbody>");
        var began = new Dictionary<string, DateTimeOffset>();
        foreach (var record in initOrder)
        {
            var took = !record.Began && began.TryGetValue(record.Container, out var start)
                ? $", after {(record.At - start).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
                : "";
            if (record.Began)
            {
                began[record.Container] = record.At;
            }

            html.Append("<tr><td>").Append(record.At.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(Encode(record.Container))
                .Append("</td><td>").Append(record.Began ? "began" : $"ended, exit code {record.ExitCode}{took}").Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        var problems = InitOrderCheck.FindProblems(initOrder, StartOrder);
        if (problems.Count == 0)
        {
            html.Append("<p id=\"init-order-verdict\">One after the other: each step ended with success before the next began.</p>");
        }
        else
        {
            html.Append("<p id=\"init-order-verdict\">Not in order:</p><ul>");
            foreach (var problem in problems)
            {
                html.Append("<li>").Append(Encode(problem)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2>The rows init-mydb prepared</h2><table id=\"items\"><thead><tr><th scope=\"col\">id</th><th scope=\"col\">name</th><th scope=\"col\">quantity</th></tr></thead><tbody>");
        foreach (var item in items)
        {
            html.Append("<tr><td>").Append(item.Id).Append("</td><td>").Append(Encode(item.Name))
                .Append("</td><td>").Append(item.Quantity).Append("</td></tr>");
        }

        return html.Append("</tbody></table>")
            .Append("<h2>How the pod is written</h2><p>In the pod model (<code>AppHost/AppHost.cs</code>), the order is a <code>WaitForCompletion</code> chain:</p>")
            .Append("<pre>var myappPod = builder.AddPod(\"myapp-pod\");\nvar initMyService = builder.AddProject&lt;Projects.InitMyService&gt;(\"init-myservice\")\n    .InPod(myappPod).RunsToCompletion().WithReference(proxy);\n")
            .Append("var initMyDb = builder.AddProject&lt;Projects.InitMyDb&gt;(\"init-mydb\")\n    .InPod(myappPod).RunsToCompletion().WaitForCompletion(initMyService);\n")
            .Append("builder.AddProject&lt;Projects.MyApp&gt;(\"myapp\").InPod(myappPod).WaitForCompletion(initMyDb)\n    .WithHttpEndpoint(port: 8082)\n    .WithHttpEndpoint(port: 8083, name: \"admin\")\n    .PublishEndpointAs(\"admin\", PodServiceType.ClusterIP);</pre>")
            .Append("<p>Published (<code>manifests/myapp-pod/deployment.yaml</code>): <code>initContainers</code> init-myservice, then init-mydb, which Kubernetes runs ")
            .Append("one after the other, each to success, before it starts the container myapp. One Service per port: <code>myapp-pod-http</code> (8082) and ")
            .Append("<code>myapp-pod-admin</code> (8083), a ClusterIP Service that no other pod may call.</p>")
            .Append("<h2>Try this</h2><ul>")
            .Append("<li><code>curl -s http://localhost:8083/admin/init-order</code> (in the local run): the same record as JSON.</li>")
            .Append("<li>Deployed to Kubernetes, <code>kubectl get pod -l app.kubernetes.io/name=myapp-pod -w</code> while it starts: <code>Init:0/2</code>, <code>Init:1/2</code>, then <code>Running</code>.</li>")
            .Append("<li>Deployed, the admin port is not on any node: <code>kubectl port-forward svc/myapp-pod-admin 8083</code>, then <code>http://localhost:8083/admin/db</code>.</li>")
            .Append("</ul></body></html>")
            .ToString();
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<Item>))]
[JsonSerializable(typeof(IReadOnlyList<InitOrderRecord>))]
[JsonSerializable(typeof(DatabaseStatus))]
internal sealed partial class MyAppJsonContext : JsonSerializerContext;
