using PodSuite.InitOrder;
using PodSuite.MyAppDb;

namespace PodSuite.MyApp;

/// <summary>
/// The admin port: database status and the pod's init-order log, answered only on that port so they need not be
/// exposed with the app.
/// </summary>
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

        var admin = app.MapGroup("/admin").AddEndpointFilter((context, next) => context.HttpContext.Connection.LocalPort == adminPort
            ? next(context)
            : ValueTask.FromResult<object?>(Results.NotFound()));
        admin.MapGet("/db", (AppDatabase db) => new DatabaseStatus(db.Path, db.SchemaVersion(), db.Items().Count));
        admin.MapGet("/init-order", (InitOrderLog order) => order.Read());
    }
}

public sealed record DatabaseStatus(string Path, int SchemaVersion, int Items);
