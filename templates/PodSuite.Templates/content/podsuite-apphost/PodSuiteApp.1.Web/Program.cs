using Microsoft.Extensions.FileProviders;

// The web app: serves the files its sidecar writes into the pod's shared volume (Web__Root).
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var root = app.Configuration["Web:Root"]
    ?? throw new InvalidOperationException("Web:Root (environment variable Web__Root) must name the pod's shared volume.");
Directory.CreateDirectory(root);
var pages = new PhysicalFileProvider(Path.GetFullPath(root));

app.MapGet("/health", () => "healthy");
app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages });
app.UseStaticFiles(new StaticFileOptions
{
    FileProvider = pages,
    // The sidecar rewrites the page every few seconds; a cached copy would hide that.
    OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-store",
});
app.Run();
