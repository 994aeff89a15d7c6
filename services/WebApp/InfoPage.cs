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
    /// <param name="arrival">Where the request reached the web app.</param>
    public static string Render(PodInfo info, string container, Arrival arrival)
    {
        var proxied = info.ForwardedHeaders.Count > 0;
        var host = Encode(info.Hostname);
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>mc3: ").Append(Encode(container)).Append(" on ").Append(host).Append("</title><style>").Append(PageStyle.Css).Append("</style></head><body>")
            .Append("<h1>Pod mc3: a web app behind a proxy, over a socket they share</h1>")
            .Append("<h2>What you are seeing</h2>")
            .Append("<p id=\"answered\">Container <strong>").Append(Encode(container)).Append("</strong> on host <strong>").Append(host)
            .Append("</strong> made this page. The request reached it on ").Append(arrival.Socket is null ? "port" : "socket").Append(" <strong>")
            .Append(Encode(arrival.Where[(arrival.Where.IndexOf(' ', StringComparison.Ordinal) + 1)..]))
            .Append("</strong> over <strong>").Append(Encode(info.Protocol)).Append("</strong>. It has been up for ")
            .Append(info.UptimeSeconds.ToString("0", CultureInfo.InvariantCulture)).Append(" s.</p>")
            .Append("<p class=\"note\">In a pod the host name is the pod's; in the local run, this machine's.</p>")
            .Append("<h2>The path of this request</h2>");
        if (proxied)
        {
            html.Append("<ol id=\"path\"><li>Your browser asked <code>").Append(Encode(info.ForwardedHeaders.GetValueOrDefault("X-Forwarded-Host", info.ForwardedHeaders.GetValueOrDefault("X-Original-Host", "the proxy"))))
                .Append("</code>: the <strong>proxy</strong> container (YARP), the pod's only way in.</li>");
            if (arrival.Socket is { } socket)
            {
                html.Append("<li>The proxy forwarded it over the Unix socket <code>").Append(Encode(socket)).Append("</code>, over ")
                    .Append(Encode(info.Protocol)).Append(arrival.IsTheProxys ? ": HTTP/2 without TLS (h2c), so one connection carries every request." : ".")
                    .Append(" No TCP port: the socket is a file in a volume the two containers share, as mc1's page is a file its two containers share.</li>");
            }
            else
            {
                html.Append("<li>The proxy forwarded it to <code>localhost:").Append(Encode(arrival.Where["port ".Length..])).Append("</code> over ")
                    .Append(Encode(info.Protocol)).Append(arrival.IsTheProxys ? ": HTTP/2 without TLS (h2c), on a port kept for it, so one connection carries every request." : ".")
                    .Append(" Containers of one pod share its network, so <em>localhost</em> is the other container (in the local run, Aspire's own proxy sits in between).</li>");
            }

            html.Append("<li><strong>").Append(Encode(container)).Append("</strong> answered, and the proxy passed the page back.</li></ol>")
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
            .Append("<h2>The socket</h2><ul id=\"socket\">")
            .Append("<li><strong>Where it lives:</strong> <code>webapp.sock</code> in the pod's shared volume <code>sockets</code>, mounted at <code>/run/mc3</code> in both containers: ")
            .Append("an <code>emptyDir</code> in the published pod, this run's own temporary directory locally. A socket's path holds at most 107 bytes; the app host refuses a longer one at start.</li>")
            .Append("<li><strong>Who creates it:</strong> the web app, when it starts. A socket left by a web app that crashed is removed first, but only once nothing answers on it; anything else at that path stops the web app with an error, untouched.</li>")
            .Append("<li><strong>Who may connect:</strong> its mode is 0660, so the web app's user and group. The proxy runs as the same user (1654 in the pod, you locally); any other user is refused.</li>")
            .Append("<li><strong>When the web app restarts:</strong> the socket is made again, and the proxy's next request opens a new connection to it. Until then the proxy answers 502 at once, and logs one line a second.</li>")
            .Append("<li><strong>Probes</strong> stay on the web app's TCP port 5000, which no Service exposes.</li></ul>")
            .Append("<h2>How the pod is written</h2>")
            .Append("<p>In the pod model (<code>AppHost/AppHost.cs</code>):</p><pre>var mc3 = builder.AddPod(\"mc3\");\n")
            .Append("var socket = mc3.AddSharedVolume(\"sockets\").AddUnixSocket(\"webapp.sock\");\n")
            .Append("builder.AddProject&lt;Projects.WebApp&gt;(\"webapp\").InPod(mc3)\n    .ListensOnUnixSocket(socket, \"/run/mc3\", \"WebApp__ProxySocket\")   // the proxy's way in\n    ...;\n")
            .Append("builder.AddProject&lt;Projects.Proxy&gt;(\"proxy\").InPod(mc3)\n    .ConnectsToUnixSocket(socket, \"/run/mc3\", \"Proxy__UpstreamSockets__webapp\")\n    .WithHttpEndpoint(port: 8080)\n    .WithExternalHttpEndpoints();</pre>")
            .Append("<p>Published (<code>manifests/mc3/deployment.yaml</code>): one Deployment whose pod has two containers, ")
            .Append("<code>proxy</code> (port 8080, on the pod's Service) and <code>webapp</code> (port 5000 for its probes, on no Service), and an <code>emptyDir</code> ")
            .Append("volume <code>sockets</code> mounted in both. Each is told the socket's path: <code>WebApp__ProxySocket</code> and <code>Proxy__UpstreamSockets__webapp</code> are <code>/run/mc3/webapp.sock</code>. ")
            .Append("The routes file sends requests to <code>http://webapp</code>, and the proxy connects to host <code>webapp</code> through that socket.</p>")
            .Append("<h2>Try this</h2><ul>")
            .Append("<li><code>curl -s http://localhost:8080/api/info</code>: the same facts as JSON.</li>")
            .Append("<li>Open <a href=\"/mc2\"><code>/mc2</code></a>: this web app also serves pod mc2's page, since mc2's containers run to completion and report their run here.</li>")
            .Append("<li>With the pods deployed under podman, <code>podman exec mc3-webapp ls -l /run/mc3</code>: the socket, <code>srw-rw----</code>. Only the proxy's port is published; the web app is reached through it alone.</li>")
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
