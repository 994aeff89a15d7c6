var builder = DistributedApplication.CreateBuilder(args);

// mc1: a log writer and a static site sharing a volume
var mc1 = builder.AddPod("mc1");
var html = mc1.AddSharedVolume("html");

builder.AddProject<Projects.LogWriter>("log-writer")
    .InPod(mc1)
    .WithSharedVolume(html, "/var/log-writer/html", "LogWriter__Directory");

builder.AddProject<Projects.StaticSite>("static-site")
    .InPod(mc1)
    .WithSharedVolume(html, "/srv/static-site", "StaticSite__Root")
    .WithHttpEndpoint(port: 8081)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

// mc2: a producer and a consumer on a System V message queue in the pod's IPC namespace; both run to completion.
// The consumer does not wait for the producer: it copes with starting first.
var mc2 = builder.AddPod("mc2");
var queueKey = mc2.AddIpcKey("queue");

builder.AddProject<Projects.IpcDemo>("producer")
    .WithArgs("produce")
    .InPod(mc2)
    .RunsToCompletion()
    .WithIpcKey(queueKey, "Ipc__QueueKey");

builder.AddProject<Projects.IpcDemo>("consumer")
    .WithArgs("consume")
    .InPod(mc2)
    .RunsToCompletion()
    .WithIpcKey(queueKey, "Ipc__QueueKey");

// mc3: a reverse proxy reaching its web app over localhost
var mc3 = builder.AddPod("mc3");

var webapp = builder.AddProject<Projects.WebApp>("webapp")
    .InPod(mc3)
    .WithHttpEndpoint()
    .PublishWithContainerPort(5000)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Proxy>("proxy")
    .InPod(mc3)
    .WithConfigFile("pods/mc3/proxy-routes.json", "/etc/proxy", "Proxy__RoutesFile")
    .WithReference(webapp)
    .WithHttpEndpoint(port: 8080)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
