var builder = DistributedApplication.CreateBuilder(args);

// Publishing: each pod becomes ONE multi-container Kubernetes pod in manifests/ (see README, "Deploy to Kubernetes").
// Configuration overrides these defaults: --PodSuite:Registry=..., --PodSuite:ImageTag=..., --PodSuite:Runtime=Podman.
// Shipping: --step deploy-pods builds and pushes the images, deploys the pods and waits for them; --step destroy-pods.
builder.AddKubernetesPods("kubernetes")
    .WithProperties(kubernetes =>
    {
        kubernetes.Registry = "localhost:5055";
        kubernetes.DefaultServiceType = PodServiceType.NodePort;
        // The base images eng/pods/setup.sh puts in that registry; left unset, the SDK uses Microsoft's.
        kubernetes.RuntimeDepsBaseImage = "localhost:5055/dotnet/runtime-deps:10.0";
        kubernetes.AspNetBaseImage = "localhost:5055/dotnet/aspnet:10.0";
        // What waits for another pod's Service (the ambassador waits for its shards): netcat, which setup.sh builds.
        kubernetes.WaitImage = "localhost:5055/debian/netcat:bookworm";
    })
    // The dashboard deployed with the pods, which every container reports to: the image eng/pods/setup.sh builds from
    // the dashboard NuGet ships at this Aspire's version; left unset, Microsoft's.
    .WithDashboard(dashboard => dashboard.Image = $"localhost:5055/aspire-dashboard:{KubernetesPodsDashboard.AspireVersion}");

// mc1: a log writer and a static site sharing a volume
var mc1 = builder.AddPod("mc1");
var html = mc1.AddSharedVolume("html");

builder.AddProject<Projects.LogWriter>("log-writer")
    .InPod(mc1)
    .WithSharedVolume(html, "/var/log-writer/html", "LogWriter__Directory")
    .PublishWithLivenessCommand("/app/LogWriter", "--check");   // alive while the page gains lines

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

var producer = builder.AddProject<Projects.IpcDemo>("producer")
    .WithArgs("produce")
    .InPod(mc2)
    .RunsToCompletion()
    .WithIpcKey(queueKey, "Ipc__QueueKey");

var consumer = builder.AddProject<Projects.IpcDemo>("consumer")
    .WithArgs("consume")
    .InPod(mc2)
    .RunsToCompletion()
    .WithIpcKey(queueKey, "Ipc__QueueKey");

// mc3: a reverse proxy reaching its web app over a Unix socket in a volume the two share. The socket carries HTTP/2
// without TLS, one connection for every request, and costs less than TCP on localhost (bench/RESULTS.md); the web
// app's TCP port stays for its probes and the dashboard.
var mc3 = builder.AddPod("mc3");
var webappSocket = mc3.AddSharedVolume("sockets").AddUnixSocket("webapp.sock");

builder.AddProject<Projects.WebApp>("webapp")
    .InPod(mc3)
    .WithHttpEndpoint()
    .PublishWithContainerPort(5000)
    .ListensOnUnixSocket(webappSocket, "/run/mc3", "WebApp__ProxySocket")
    .WithHttpHealthCheck("/health");

var proxy = builder.AddProject<Projects.Proxy>("proxy")
    .InPod(mc3)
    .WithConfigFile("pods/mc3/proxy-routes.json", "/etc/proxy", "Proxy__RoutesFile")
    .ConnectsToUnixSocket(webappSocket, "/run/mc3", "Proxy__UpstreamSockets__webapp")
    .WithHttpEndpoint(port: 8080)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

// mc2 runs to completion, so mc3's web app serves its page (/mc2): each member reports its run there on its way out.
var mc2Reports = ReferenceExpression.Create($"{proxy.GetEndpoint("http")}/runs/mc2");
producer.WithEnvironment("Ipc__ReportTo", mc2Reports);
consumer.WithEnvironment("Ipc__ReportTo", mc2Reports);

// myapp-pod: init steps that run one after the other, each to success, before the app; the app exposes two ports.
// Each of them also notes in the shared volume init-order when it began and ended: the pod's own record of the order.
var myappPod = builder.AddPod("myapp-pod")
    .PublishWithService(PodServiceType.NodePort, PodServicePorts.ServicePerPort);
var data = myappPod.AddSharedVolume("data");
var initOrder = myappPod.AddSharedVolume("init-order");

var initMyService = builder.AddProject<Projects.InitMyService>("init-myservice")
    .InPod(myappPod)
    .RunsToCompletion()
    .WithSharedVolume(initOrder, "/var/lib/init-order", "InitOrder__Directory")
    .WithReference(proxy)
    .WithEnvironment("InitMyService__Url", "http://proxy/health");

var initMyDb = builder.AddProject<Projects.InitMyDb>("init-mydb")
    .InPod(myappPod)
    .RunsToCompletion()
    .WithSharedVolume(initOrder, "/var/lib/init-order", "InitOrder__Directory")
    .WithSharedVolume(data, "/var/lib/myapp", "MyDb__Directory")
    .WaitForCompletion(initMyService);

var myapp = builder.AddProject<Projects.MyApp>("myapp")
    .InPod(myappPod)
    .WithSharedVolume(initOrder, "/var/lib/init-order", "InitOrder__Directory")
    .WithSharedVolume(data, "/var/lib/myapp", "MyDb__Directory")
    .WaitForCompletion(initMyDb)
    .WithHttpEndpoint(port: 8082)
    .WithHttpEndpoint(port: 8083, name: "admin")
    .WithExternalHttpEndpoints()
    .PublishEndpointAs("admin", PodServiceType.ClusterIP)   // published, the admin port is reached by kubectl port-forward only
    .WithHttpHealthCheck("/health");
myapp.WithEnvironment("MyApp__AdminPort", myapp.GetEndpoint("admin").Property(EndpointProperty.TargetPort));

// The ambassador and the adapter, with Aspire's Redis: see NextPods.cs.
builder.AddAmbassadorAndAdapters();

return await builder.Build().RunWithExitCodeAsync();
