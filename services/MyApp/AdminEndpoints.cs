using PodSuite.MyAppDb;

namespace PodSuite.MyApp;

/// <summary>The admin port: database status, answered only on that port so it need not be exposed with the app.</summary>
public static class AdminEndpoints
{
    /// <summary>The configuration key (environment variable <c>MyApp__AdminPort</c>) of the port the admin endpoints answer on.</summary>
    public const string PortKey = "MyApp:AdminPort";

    public static void MapAdminEndpoints(this WebApplication app, int? adminPort)
    {
        if (adminPort is null)
        {
            return;
        }

        app.MapGet("/admin/db", (AppDatabase db) => new DatabaseStatus(db.Path, db.SchemaVersion(), db.Items().Count))
            .AddEndpointFilter((context, next) => context.HttpContext.Connection.LocalPort == adminPort
                ? next(context)
                : ValueTask.FromResult<object?>(Results.NotFound()));
    }
}

public sealed record DatabaseStatus(string Path, int SchemaVersion, int Items);
