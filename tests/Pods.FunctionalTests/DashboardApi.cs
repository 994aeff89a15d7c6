using System.Text.Json;

namespace Pods.FunctionalTests;

/// <summary>
/// The deployed dashboard's telemetry HTTP API, at the pod's own address, with the API key its container was given
/// from the login Secret. Its answers are OTLP JSON.
/// </summary>
internal sealed class DashboardApi(string baseAddress, string apiKey)
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<DashboardApi> OfAsync(PodRuntime pods)
    {
        var environment = (await pods.InspectAsync("aspire-dashboard-dashboard")).GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()!);
        var key = environment.Single(e => e.StartsWith("DASHBOARD__API__PRIMARYAPIKEY=", StringComparison.Ordinal)).Split('=', 2)[1];
        return new DashboardApi($"http://{await pods.AddressOfAsync("aspire-dashboard")}:18888/api/telemetry/", key);
    }

    public async Task<List<string>> ResourcesAsync() =>
        [.. (await GetAsync("resources")).EnumerateArray().Select(r => r.GetProperty("name").GetString()!)];

    public async Task<List<Span>> SpansAsync(string query) =>
        [.. Resources(await GetAsync(query), "resourceSpans").SelectMany(r => r.Scoped.GetProperty("scopeSpans").EnumerateArray()
            .SelectMany(s => s.GetProperty("spans").EnumerateArray())
            .Select(s => new Span(r.Attributes, s.GetProperty("traceId").GetString()!, s.GetProperty("spanId").GetString()!,
                s.TryGetProperty("parentSpanId", out var parent) ? parent.GetString()! : "", s.GetProperty("name").GetString()!)))];

    public async Task<List<LogRecord>> LogsAsync(string resource) =>
        [.. Resources(await GetAsync($"logs?resource={resource}&limit=50"), "resourceLogs").SelectMany(r => r.Scoped.GetProperty("scopeLogs").EnumerateArray()
            .SelectMany(s => s.GetProperty("logRecords").EnumerateArray())
            .Select(l => new LogRecord(r.Attributes, l.GetProperty("body").GetProperty("stringValue").GetString()!)))];

    private static IEnumerable<(Dictionary<string, string> Attributes, JsonElement Scoped)> Resources(JsonElement answer, string kind) =>
        answer.GetProperty("data").TryGetProperty(kind, out var resources)
            ? resources.EnumerateArray().Select(r => (Attributes(r.GetProperty("resource")), r))
            : [];

    private static Dictionary<string, string> Attributes(JsonElement resource) =>
        resource.GetProperty("attributes").EnumerateArray().ToDictionary(
            a => a.GetProperty("key").GetString()!,
            a => a.GetProperty("value").TryGetProperty("stringValue", out var text) ? text.GetString()! : a.GetProperty("value").ToString());

    // A resource or trace the dashboard has not heard of yet is a 404: nothing yet.
    private async Task<JsonElement> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, baseAddress + path);
        request.Headers.Add("x-api-key", apiKey);
        using var response = await s_http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return JsonDocument.Parse(path == "resources" ? "[]" : """{"data":{}}""").RootElement.Clone();
        }

        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public sealed record Span(Dictionary<string, string> Resource, string TraceId, string SpanId, string ParentSpanId, string Name)
    {
        public string Service => Resource["service.name"];
    }

    public sealed record LogRecord(Dictionary<string, string> Resource, string Body);
}
