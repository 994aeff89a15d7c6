using System.Net;
using System.Text;

namespace PodSuite.WebApp;

/// <summary>The web app's page: its hostname and the forwarded headers of the request.</summary>
public static class InfoPage
{
    public static string Render(PodInfo info)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>webapp on ")
            .Append(WebUtility.HtmlEncode(info.Hostname))
            .Append("</title></head><body><h1>Hello from ")
            .Append(WebUtility.HtmlEncode(info.Hostname))
            .Append("</h1><p>Up for ")
            .Append(info.UptimeSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture))
            .Append(" s.</p><h2>Forwarded headers</h2>");
        if (info.ForwardedHeaders.Count == 0)
        {
            html.Append("<p>None: this request did not come through the proxy.</p>");
        }
        else
        {
            html.Append("<dl>");
            foreach (var (name, value) in info.ForwardedHeaders)
            {
                html.Append("<dt>").Append(WebUtility.HtmlEncode(name)).Append("</dt><dd>")
                    .Append(WebUtility.HtmlEncode(value)).Append("</dd>");
            }

            html.Append("</dl>");
        }

        return html.Append("</body></html>").ToString();
    }
}
