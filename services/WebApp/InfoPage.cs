using System.Globalization;
using System.Net;
using System.Text;
using PodSuite.Pages;

namespace PodSuite.WebApp;

/// <summary>
/// The web app's page, which teaches pod mc3's pattern: what answered, the path the request took through the pod's
/// proxy, how the pod is written in the model and the manifest, and what to try. Server-rendered, no script.
/// </summary>
public static class InfoPage
{
    /// <param name="info">The request as the web app saw it.</param>
    /// <param name="container">The container (the member's name) that made the page.</param>
    /// <param name="localPort">The port the request arrived on.</param>
    /// <param name="proxyPort">The port kept for the proxy (HTTP/2 without TLS), if any.</param>
    public static string Render(PodInfo info, string container, int localPort, int? proxyPort)
    {
        var proxied = info.ForwardedHeaders.Count > 0;
        var host = Encode(info.Hostname);
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>mc3: ").Append(Encode(container)).Append(" on ").Append(host).Append("</title><style>").Append(PageStyle.Css).Append("</style></head><body>")
            .Append("<h1>Pod mc3: a web app behind a proxy, over localhost</h1>")
            .Append("<h2>What you are seeing</h2>")
            .Append("<p id=\"answered\">Container <strong>").Append(Encode(container)).Append("</strong> on host <strong>").Append(host)
            .Append("</strong> made this page. The request reached it on port <strong>").Append(localPort.ToString(CultureInfo.InvariantCulture))
            .Append("</strong> over <strong>").Append(Encode(info.Protocol)).Append("</strong>. It has been up for ")
            .Append(info.UptimeSeconds.ToString("0", CultureInfo.InvariantCulture)).Append(" s.</p>")
            .Append("<p class=\"note\">In a pod the host name is the pod's; in the local run, this machine's.</p>")
            .Append("<h2>The path of this request</h2>");
        if (proxied)
        {
            html.Append("<ol id=\"path\"><li>Your browser asked <code>").Append(Encode(info.ForwardedHeaders.GetValueOrDefault("X-Forwarded-Host", info.ForwardedHeaders.GetValueOrDefault("X-Original-Host", "the proxy"))))
                .Append("</code>: the <strong>proxy</strong> container (YARP), the pod's only way in.</li>")
                .Append("<li>The proxy forwarded it to <code>localhost:").Append(localPort.ToString(CultureInfo.InvariantCulture)).Append("</code> over ")
                .Append(Encode(info.Protocol)).Append(localPort == proxyPort ? ": HTTP/2 without TLS (h2c), on a port kept for it, so one connection carries every request." : ".")
                .Append(" Containers of one pod share its network, so <em>localhost</em> is the other container (in the local run, Aspire's own proxy sits in between).</li>")
                .Append("<li><strong>").Append(Encode(container)).Append("</strong> answered, and the proxy passed the page back.</li></ol>")
                .Append("<p>The headers the proxy added, so that the web app still knows who asked:</p>")
                .Append("<table id=\"headers\"><thead><tr><th scope=\"col\">header</th><th scope=\"col\">value</th><th scope=\"col\">meaning</th></tr></thead><tbody>");
            foreach (var (name, value) in info.ForwardedHeaders)
            {
                html.Append("<tr><th scope=\"row\">").Append(Encode(name)).Append("</th><td>").Append(Encode(value)).Append("</td><td>")
                    .Append(Meaning(name)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }
        else
        {
            html.Append("<p id=\"path\">Straight to the web app: no proxy forwarded this request, so it carries no forwarding headers. ")
                .Append("In a published pod nothing outside the pod can do this; ask the proxy instead.</p>");
        }

        return html
            .Append("<h2>How the pod is written</h2>")
            .Append("<p>In the pod model (<code>AppHost/AppHost.cs</code>):</p><pre>var mc3 = builder.AddPod(\"mc3\");\n")
            .Append("var webapp = builder.AddProject&lt;Projects.WebApp&gt;(\"webapp\").InPod(mc3)\n    .WithHttpEndpoint(name: \"h2c\")   // the proxy's way in\n    ...;\n")
            .Append("builder.AddProject&lt;Projects.Proxy&gt;(\"proxy\").InPod(mc3)\n    .WithReference(webapp)\n    .WithHttpEndpoint(port: 8080)\n    .WithExternalHttpEndpoints();</pre>")
            .Append("<p>Published (<code>manifests/mc3/deployment.yaml</code>): one Deployment whose pod has two containers, ")
            .Append("<code>proxy</code> (port 8080, on the pod's Service) and <code>webapp</code> (ports 5000 and 5001, on no Service). ")
            .Append("The proxy finds the web app at <code>http://localhost:5001</code>, from the reference.</p>")
            .Append("<h2>Try this</h2><ul>")
            .Append("<li><code>curl -s http://localhost:8080/api/info</code>: the same facts as JSON.</li>")
            .Append("<li>Open <a href=\"/mc2\"><code>/mc2</code></a>: this web app also serves pod mc2's page, since mc2's containers run to completion and report their run here.</li>")
            .Append("<li>With the pods deployed under podman, <code>curl http://localhost:5001</code>: refused. Only the proxy's port is published; the web app is reached through it alone.</li>")
            .Append("<li>Stop <code>webapp</code> in the dashboard and reload: the proxy answers 502 at once, and this page comes back when you start it again.</li>")
            .Append("</ul></body></html>")
            .ToString();
    }

    private static string Meaning(string header) => header.ToLowerInvariant() switch
    {
        "x-forwarded-for" => "the address the request came from, as the proxy saw it",
        "x-forwarded-proto" => "the scheme the browser used",
        "x-forwarded-host" => "the host and port the browser asked for",
        "x-forwarded-prefix" => "the path prefix the proxy removed",
        "x-original-for" or "x-original-proto" or "x-original-host" =>
            "what the request said before ASP.NET Core's forwarded-headers middleware (on in the published containers) applied the X-Forwarded-* values",
        "forwarded" => "the standard form of the X-Forwarded-* headers",
        _ => "",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
