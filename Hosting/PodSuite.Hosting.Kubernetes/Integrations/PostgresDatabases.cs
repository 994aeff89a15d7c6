using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Kubernetes.Integrations;

/// <summary>
/// The databases of Aspire's PostgreSQL server (<c>AddPostgres(...).AddDatabase("appdb")</c>), made in the pods. Aspire
/// creates them only in its local run, when the server is ready; in the pods the server's image does it, from a script
/// in <c>/docker-entrypoint-initdb.d</c>, which the official image (and any that keeps its contract) runs once, when
/// the data directory is new. Read by name and reflection, so that PodSuite does not depend on
/// Aspire.Hosting.PostgreSQL: <c>PostgresServerResource.Databases</c> maps each database resource to its name.
/// </summary>
internal static class PostgresDatabases
{
    public const string InitDirectory = "/docker-entrypoint-initdb.d";
    public const string ScriptName = "podsuite-create-databases.sql";
    private const string ServerType = "Aspire.Hosting.ApplicationModel.PostgresServerResource";

    /// <summary>The script that creates the server's databases, or null when <paramref name="member"/> has none.</summary>
    public static string? ScriptFor(IResource member)
    {
        if (member.GetType().FullName != ServerType
            || member.GetType().GetProperty("Databases")?.GetValue(member) is not IReadOnlyDictionary<string, string> { Count: > 0 } databases)
        {
            return null;
        }

        var script = new StringBuilder("-- Made by PodSuite: the databases of the app host's AddDatabase calls.\n");
        foreach (var name in databases.Values.Distinct(StringComparer.Ordinal))
        {
            script.Append("CREATE DATABASE \"").Append(name.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\";\n");
        }

        return script.ToString();
    }
}
