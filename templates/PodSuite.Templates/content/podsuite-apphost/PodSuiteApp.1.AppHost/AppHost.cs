// One pod, as Kubernetes runs it: a web app and a sidecar that share a volume. `dotnet run` runs each as a process,
// with the pod and its members in Aspire's dashboard; the step publish-kubernetes-pods writes the pod as ONE
// multi-container Kubernetes pod (a kustomize base):
//   dotnet run -- --operation publish --step publish-kubernetes-pods --output-path ../manifests
var builder = DistributedApplication.CreateBuilder(args);
builder.AddKubernetesPods("kubernetes");

// The pod's name came from `dotnet new -n`. It names the Kubernetes pod and its Service: at most 63 lower-case
// letters, digits and '-', starting with a letter.
var pod = builder.AddPod("podsuite-app-pod");
var pages = pod.AddSharedVolume("pages");

// The sidecar writes the page into the shared volume...
builder.AddProject("notes", "../PodSuiteApp.1.Notes/PodSuiteApp.1.Notes.csproj")
    .InPod(pod)
    .WithSharedVolume(pages, "/var/notes/pages", "Notes__Directory");

// ...and the web app serves it from there.
builder.AddProject("web", "../PodSuiteApp.1.Web/PodSuiteApp.1.Web.csproj")
    .InPod(pod)
    .WithSharedVolume(pages, "/srv/web", "Web__Root")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
