using PodSuite.InitOrder;
using PodSuite.MyApp;
using PodSuite.MyAppDb;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, MyAppJsonContext.Default));

var initOrder = InitOrderLog.In(builder.Configuration[InitOrderLog.DirectoryKey], TimeProvider.System);
initOrder.Began("myapp");
builder.Services.AddSingleton(initOrder);

// Refuse to start on a database init-mydb has not prepared: serving errors later would hide the cause.
var database = DatabaseLocation.In(builder.Configuration[DatabaseLocation.DirectoryKey]);
database.RequireCurrent();
builder.Services.AddSingleton(database);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGet("/api/items", (AppDatabase db) => db.Items());
var adminPort = app.Configuration.GetValue<int?>(AdminEndpoints.PortKey);
// Aspire names each member's telemetry after it, here and in the pods: the container's name.
var container = app.Configuration["OTEL_SERVICE_NAME"] ?? "myapp";
app.MapGet("/", (HttpRequest request, AppDatabase db, InitOrderLog order) => Results.Content(
    ItemsPage.Render(db.Items(), order.Read(), container, System.Net.Dns.GetHostName(), request.Host.Value ?? "", request.HttpContext.Connection.LocalPort, adminPort),
    "text/html; charset=utf-8"));
app.MapAdminEndpoints(adminPort);
app.Run();
