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
app.MapGet("/", (AppDatabase db, InitOrderLog order) => Results.Content(ItemsPage.Render(db.Items(), order.Read()), "text/html; charset=utf-8"));
app.MapAdminEndpoints(app.Configuration.GetValue<int?>(AdminEndpoints.PortKey));
app.Run();
