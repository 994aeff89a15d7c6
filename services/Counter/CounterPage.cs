using System.Net;
using System.Text;
using PodSuite.Pages;

namespace PodSuite.Counter;

/// <summary>
/// The counter's page, which teaches two patterns: the ambassador (the app reaches Redis at localhost, twemproxy beside
/// it shards the keys) and the adapter (an exporter beside each Redis server, read through Prometheus).
/// </summary>
public static class CounterPage
{
    /// <param name="totals">What this process has written.</param>
    /// <param name="shards">Each shard's keys, as Prometheus has them.</param>
    /// <param name="connection">The app's connection string, its password hidden.</param>
    /// <param name="host">The host name: the pod's in a pod.</param>
    public static string Render(KeyTotals totals, ShardReport shards, string connection, string host)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>ambassador: counter</title><style>").Append(PageStyle.Css).Append("</style></head><body>")
            .Append("<h1>Pod ambassador: the app talks to localhost, twemproxy beside it shards the keys</h1>")
            .Append("<h2>What the app sees</h2><p>Container <strong>counter</strong> on host <strong>").Append(Encode(host))
            .Append("</strong> knows one Redis, at the address in its connection string:</p><pre id=\"connection\">").Append(Encode(connection)).Append("</pre>")
            .Append("<p>That is <strong>twemproxy</strong>, the container beside it in the pod. The app knows no shard, no shard's address and no service ")
            .Append("discovery: <code>proxy=Twemproxy</code> tells StackExchange.Redis to use only the commands twemproxy can route. ")
            .Append("(In the local run the port is the one Aspire gave the ambassador; in a pod it is 6379.)</p>")
            .Append("<form method=\"post\" action=\"/\"><button type=\"submit\">Write 10 keys</button></form>")
            .Append("<p id=\"written\">Since it started, this app has written <strong>").Append(totals.Written).Append("</strong> keys")
            .Append(", tried <strong>").Append(totals.Retried).Append("</strong> a second time after the ambassador answered with an error")
            .Append(", and given up on <strong>").Append(totals.Failed).Append("</strong>.</p>")
            .Append("<h2>Where the keys are, from the adapters</h2>");
        if (shards.Problem is { } problem)
        {
            html.Append("<p id=\"shards-problem\">").Append(Encode(problem)).Append("</p>");
        }
        else
        {
            html.Append("<table id=\"shards\"><thead><tr><th scope=\"col\">shard</th><th scope=\"col\">keys</th><th scope=\"col\">Redis reached by its adapter</th></tr></thead><tbody>");
            foreach (var shard in shards.Shards)
            {
                html.Append("<tr><td>").Append(Encode(shard.Shard)).Append("</td><td>").Append(shard.Keys?.ToString() ?? "unknown")
                    .Append("</td><td>").Append(shard.Up switch { true => "yes", false => "no: the server is down", null => "no sample" }).Append("</td></tr>");
            }

            html.Append("</tbody></table><p id=\"shards-total\">Together: <strong>").Append(shards.TotalKeys).Append("</strong> keys. ")
                .Append("Prometheus scrapes each adapter every 5 s, so a write shows here within about that.</p>");
        }

        return html
            .Append("<h2>What the ambassador does with each key</h2>")
            .Append("<p>twemproxy (Debian's <code>nutcracker</code> 0.5) hashes the key's name with <code>murmur</code> onto a ring of the shards' ")
            .Append("<em>names</em> (<code>ketama</code>), and forwards the command to that shard's Redis, through its Service. The names, not the addresses, ")
            .Append("decide where a key goes, so a key lands on the same shard in the local run, under podman and in Kubernetes, where the addresses differ. ")
            .Append("(Its usual example hash, <code>fnv1a_64</code>, sent 99 keys of 100 to one shard of two here.)</p>")
            .Append("<p><strong>The password.</strong> twemproxy's <code>redis_auth</code> is one password for the whole pool: twemproxy sends it to every ")
            .Append("shard, and asks every client for the same one (without it, the app gets <code>NOAUTH Authentication required</code>). ")
            .Append("It cannot add a password the app does not send. So both shards share one password, <code>shards-password</code>, ")
            .Append("a secret parameter of the app host; the app has it from the app's Secret, and twemproxy has it as <code>REDIS_AUTH</code> in its ")
            .Append("environment, from the same Secret, never in a ConfigMap: its entry point writes the configuration at start into <code>/tmp</code>, ")
            .Append("readable by twemproxy's user only (the pod's <code>/tmp</code> is shared with the app's container, which runs as another user). ")
            .Append("The other way, shards without a password behind a NetworkPolicy, is only as safe as the cluster's network plugin, and podman enforces no ")
            .Append("NetworkPolicy at all; the password holds on every target, and the NetworkPolicy is there as well. One gap is left: the adapter knows ")
            .Append("the password too, and its <code>/scrape?target=</code> endpoint (which 1.45 cannot turn off) would send it to any Redis it is pointed at, ")
            .Append("so its port is for Prometheus alone: in a cluster the NetworkPolicy admits only the monitoring pod to it.</p>")
            .Append("<p><strong>Losing a shard.</strong> With <code>auto_eject_hosts</code>, the first command that fails on a shard ejects it ")
            .Append("(<code>server_failure_limit: 1</code>); that command fails, and this app tries it once more. For the next 5 s ")
            .Append("(<code>server_retry_timeout</code>) every key hashes to the shard that is left, so new writes succeed. The lost shard's keys are not there: ")
            .Append("reads of them find nothing. Every 5 s twemproxy tries the shard again; while it is down, that try fails one command and ejects it again. ")
            .Append("When it returns, keys written to the other shard meanwhile whose place is on the returned shard are no longer found through the ")
            .Append("ambassador; and the returned shard has its old keys only if its server kept them: these shards have no volume, so a shard restarted ")
            .Append("in a new container (the dashboard's stop and start, a new pod) comes back empty. A cache can live with that, a store of record cannot.</p>")
            .Append("<h2>What each adapter reports</h2>")
            .Append("<p>Beside each Redis server, in its pod, runs Debian's <code>prometheus-redis-exporter</code> 1.45. It asks its Redis at localhost ")
            .Append("for <code>INFO</code> and presents the answer at <code>:9121/metrics</code> in Prometheus's format: <code>redis_up</code>, ")
            .Append("<code>redis_db_keys{db=\"db0\"}</code>, memory, clients, commands. Every pod of the app could have such an adapter, whatever its main ")
            .Append("container is, and Prometheus reads them all the same way. Prometheus (Debian's 2.42, a pod of the app's) scrapes both adapters and labels ")
            .Append("each with its shard; this page asks its HTTP API for <code>").Append(Encode(ShardKeys.KeysQuery)).Append("</code>.</p>")
            .Append("<h2>How the pods are written</h2><pre>var shardsPassword = builder.AddParameter(\"shards-password\", secret: true, ...);\n")
            .Append("var redisA = builder.AddRedis(\"redis-a\", password: shardsPassword).InPod(shardA);\n")
            .Append("builder.AddDockerfile(\"exporter-a\", \"pods/next/redis-exporter\").InPod(shardA)\n")
            .Append("    .WithEnvironment(\"REDIS_ADDR\", $\"redis://{redisA tcp endpoint}\");\n")
            .Append("var twemproxy = builder.AddDockerfile(\"twemproxy\", \"pods/next/twemproxy\").InPod(ambassador)\n")
            .Append("    .WithEnvironment(\"TWEMPROXY_SHARDS\", $\"shard-a={redisA tcp endpoint} shard-b={redisB tcp endpoint}\");\n")
            .Append("builder.AddProject&lt;Projects.Counter&gt;(\"counter\").InPod(ambassador)\n")
            .Append("    .WithEnvironment(\"ConnectionStrings__ambassador\", $\"{twemproxy tcp endpoint},password={shardsPassword},proxy=Twemproxy\");</pre>")
            .Append("<p>The endpoints are rendered for each target: in the manifests, a member of the same pod is <code>localhost</code> and a Redis in another pod ")
            .Append("is its Service (<code>redis-a:6379</code>), with a NetworkPolicy that admits only the pods that refer to it. Pod <strong>ambassador</strong> ")
            .Append("holds counter and twemproxy; pods <strong>shard-a</strong> and <strong>shard-b</strong> each hold a Redis and its adapter; pod ")
            .Append("<strong>monitoring</strong> holds Prometheus.</p>")
            .Append("<h2>Things to try</h2><ol>")
            .Append("<li>Press <em>Write 10 keys</em> a few times, and watch both shards grow, and their sum equal what the app wrote.</li>")
            .Append("<li>Stop one shard (the dashboard's stop button on <code>redis-b</code>, or <code>podman stop shard-b-redis-b</code> under podman), then write again: ")
            .Append("the writes succeed, a few after a second try, and the adapter of the stopped shard reports it down.</li>")
            .Append("<li>Read an adapter's <code>/metrics</code>: the dashboard's link on <code>exporter-a</code>, or ")
            .Append("<code>kubectl port-forward pod/&lt;shard-a pod&gt; 9121</code> and <code>curl localhost:9121/metrics | grep redis_db_keys</code>.</li>")
            .Append("<li>Ask Prometheus yourself: <code>sum(redis_db_keys{db=\"db0\"})</code> in its own page (the dashboard's link on <code>prometheus</code>).</li>")
            .Append("</ol></body></html>")
            .ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
