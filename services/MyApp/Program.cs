using PodSuite.MyApp;
using PodSuite.MyAppDb;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, MyAppJsonContext.Default));

// Refuse to start on a database init-mydb has not prepared: serving errors later would hide the cause.
var database = DatabaseLocation.In(builder.Configuration[DatabaseLocation.DirectoryKey]);
database.RequireCurrent();
builder.Services.AddSingleton(database);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGet("/api/items", (AppDatabase db) => db.Items());
app.MapGet("/", (AppDatabase db) => Results.Content(ItemsPage.Render(db.Items()), "text/html; charset=utf-8"));
app.MapAdminEndpoints(app.Configuration.GetValue<int?>(AdminEndpoints.PortKey));
app.Run();
