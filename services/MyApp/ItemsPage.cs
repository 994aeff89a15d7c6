using System.Net;
using System.Text;
using System.Text.Json.Serialization;
using PodSuite.MyAppDb;

namespace PodSuite.MyApp;

public static class ItemsPage
{
    public static string Render(IReadOnlyList<Item> items)
    {
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>myapp</title></head><body>")
            .Append("<h1>myapp</h1><p>Rows seeded by init-mydb, after init-myservice saw its dependency answer.</p><table>")
            .Append("<tr><th>id</th><th>name</th><th>quantity</th></tr>");
        foreach (var item in items)
        {
            html.Append("<tr><td>").Append(item.Id).Append("</td><td>").Append(WebUtility.HtmlEncode(item.Name))
                .Append("</td><td>").Append(item.Quantity).Append("</td></tr>");
        }

        return html.Append("</table></body></html>").ToString();
    }
}

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<Item>))]
[JsonSerializable(typeof(DatabaseStatus))]
internal sealed partial class MyAppJsonContext : JsonSerializerContext;
