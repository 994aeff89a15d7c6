using PodSuite.StaticSite;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
using var site = new RootBoundFileProvider(SiteRoot.From(app.Configuration));

app.MapDefaultEndpoints();
app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = site, DefaultFileNames = { "index.html" } });
app.UseStaticFiles(new StaticFileOptions
{
    FileProvider = site,
    // The page changes every second; a cached copy would hide the new lines.
    OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-store",
});
app.Run();
