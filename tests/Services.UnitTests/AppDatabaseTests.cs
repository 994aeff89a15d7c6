using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using PodSuite.MyAppDb;

namespace Services.UnitTests;

public sealed class AppDatabaseTests : IDisposable
{
    private readonly DirectoryInfo _volume = Directory.CreateTempSubdirectory("podsuite-myapp-");

    private AppDatabase Database => DatabaseLocation.In(_volume.FullName);

    public void Dispose() => _volume.Delete(recursive: true);

    [Fact]
    public void InitMyDbCreatesTheDatabaseAtTheCurrentSchemaWithTheDemoRows()
    {
        var applied = Database.Migrate();

        Assert.Equal([1, 2], applied);
        Assert.Equal(AppDatabase.CurrentVersion, Database.SchemaVersion());
        Assert.Equal(["sidecar", "init container", "shared volume"], Database.Items().Select(i => i.Name));
    }

    [Fact]
    public async Task ADatabaseWithAValidHeaderButDamagedPagesIsRefusedByInitMyDbAndMakesMyAppNotReady()
    {
        Database.Migrate();
        using (var file = File.OpenWrite(Database.Path))
        {
            // Page 2, the items table, overwritten; the header (and its schema version) stays valid.
            file.Seek(4096, SeekOrigin.Begin);
            file.Write(Enumerable.Repeat((byte)0x55, 4096).ToArray());
        }

        Assert.Equal(AppDatabase.CurrentVersion, Database.SchemaVersion());
        var migrate = Assert.Throws<InvalidOperationException>(() => Database.Migrate());
        var start = Assert.Throws<InvalidOperationException>(() => Database.RequireCurrent());
        var readiness = await new PodSuite.MyApp.DatabaseHealthCheck(Database).CheckHealthAsync(new());

        Assert.True(migrate.Message.StartsWith($"Database '{Database.Path}' is damaged (", StringComparison.Ordinal), migrate.Message);
        Assert.Contains("Restore it from a backup, or delete it so that init-mydb creates a fresh one", migrate.Message);
        Assert.Equal(migrate.Message, start.Message);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, readiness.Status);
        Assert.StartsWith($"Database '{Database.Path}' is damaged", readiness.Description);
    }

    [Fact]
    public void ANewerDatabaseTellsMyAppWhatCanHelpNotInitMyDb()
    {
        Database.Migrate();
        using (var connection = new SqliteConnection($"Data Source={Database.Path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {AppDatabase.CurrentVersion + 1};";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => Database.RequireCurrent());

        Assert.Contains($"newer than {AppDatabase.CurrentVersion} that this myapp reads", error.Message);
        Assert.Contains("Deploy the myapp (and init-mydb) built for that version, or restore a backup", error.Message);
        Assert.DoesNotContain("Run init-mydb", error.Message);
    }

    [Fact]
    public void SqlitesOwnErrorsNameTheFile()
    {
        Directory.CreateDirectory(Database.Path);   // SQLite cannot open a directory, and its message does not say which

        var error = Assert.Throws<InvalidOperationException>(() => Database.Migrate());

        Assert.StartsWith($"Database '{Database.Path}': ", error.Message);
        Assert.IsType<SqliteException>(error.InnerException);
    }

    [Fact]
    public void RunningInitMyDbTwiceChangesNothing()
    {
        Database.Migrate();
        var before = Fingerprint();

        var applied = Database.Migrate();

        Assert.Empty(applied);
        Assert.Equal(before, Fingerprint());
        Assert.Equal(3, Database.Items().Count);
    }

    [Fact]
    public void AnOlderDatabaseIsMigratedKeepingItsRows()
    {
        Execute("""
            CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_utc TEXT NOT NULL);
            INSERT INTO items (name, created_utc) VALUES ('from version 1', '2025-06-01T00:00:00Z');
            PRAGMA user_version = 1;
            """);

        var applied = Database.Migrate();

        Assert.Equal([2], applied);
        var items = Database.Items();
        Assert.Equal("from version 1", items[0].Name);
        Assert.Equal(0, items[0].Quantity);
        Assert.Equal(4, items.Count);
    }

    [Fact]
    public void MyAppRefusesAMissingDatabaseSayingToRunInitMyDb()
    {
        var error = Assert.Throws<InvalidOperationException>(Database.RequireCurrent);

        Assert.Contains("does not exist", error.Message);
        Assert.Contains("init-mydb", error.Message);
        Assert.False(File.Exists(Database.Path), "checking the database must not create it");
    }

    [Fact]
    public void MyAppRefusesADatabaseAtTheWrongSchemaVersion()
    {
        Execute("CREATE TABLE items (id INTEGER PRIMARY KEY); PRAGMA user_version = 1;");

        var error = Assert.Throws<InvalidOperationException>(Database.RequireCurrent);

        Assert.Contains($"is at schema version 1 but myapp needs version {AppDatabase.CurrentVersion}. Run init-mydb to migrate it.", error.Message);
    }

    [Fact]
    public void ADatabaseNewerThanTheCodeIsNotTouched()
    {
        Execute("PRAGMA user_version = 99;");

        var error = Assert.Throws<InvalidOperationException>(() => Database.Migrate());

        Assert.Contains("schema version 99, newer than", error.Message);
    }

    [Fact]
    public void AMissingVolumeIsNamedWithTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseLocation.In(Path.Combine(_volume.FullName, "absent")));

        Assert.Contains("MyDb__Directory", error.Message);
    }

    private string Fingerprint() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Database.Path)));

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
