using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Serialization;
using PodSuite.InitOrder;
using PodSuite.MyAppDb;

namespace PodSuite.MyApp;

public static class ItemsPage
{
    /// <summary>The containers of myapp-pod in the order they must run: the init steps, then myapp.</summary>
    public static readonly string[] StartOrder = ["init-myservice", "init-mydb", "myapp"];

    public static string Render(IReadOnlyList<Item> items, IReadOnlyList<InitOrderRecord> initOrder)
    {
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>myapp</title></head><body>")
            .Append("<h1>myapp</h1><p>Rows seeded by init-mydb, after init-myservice saw its dependency answer.</p><table>")
            .Append("<tr><th>id</th><th>name</th><th>quantity</th></tr>");
        foreach (var item in items)
        {
            html.Append("<tr><td>").Append(item.Id).Append("</td><td>").Append(WebUtility.HtmlEncode(item.Name))
                .Append("</td><td>").Append(item.Quantity).Append("</td></tr>");
        }

        html.Append("</table><h2>How this pod started</h2>")
            .Append("<p>Each init step, and then myapp, wrote a line to <code>").Append(InitOrderLog.FileName)
            .Append("</code> in the pod's shared volume as it began and as it ended. All read one clock, so this is the ")
            .Append("order they really ran in.</p>")
            .Append("<table id=\"init-order\"><tr><th>time (UTC)</th><th>container</th><th>event</th></tr>");
        foreach (var record in initOrder)
        {
            html.Append("<tr><td>").Append(record.At.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(record.Container))
                .Append("</td><td>").Append(record.Began ? "began" : $"ended, exit code {record.ExitCode}").Append("</td></tr>");
        }

        html.Append("</table>");
        var problems = InitOrderCheck.FindProblems(initOrder, StartOrder);
        if (problems.Count == 0)
        {
            return html.Append("<p id=\"init-order-verdict\">One after the other: each step ended with success before the next began.</p></body></html>").ToString();
        }

        html.Append("<p id=\"init-order-verdict\">Not in order:</p><ul>");
        foreach (var problem in problems)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(problem)).Append("</li>");
        }

        return html.Append("</ul></body></html>").ToString();
    }
}

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<Item>))]
[JsonSerializable(typeof(IReadOnlyList<InitOrderRecord>))]
[JsonSerializable(typeof(DatabaseStatus))]
internal sealed partial class MyAppJsonContext : JsonSerializerContext;
