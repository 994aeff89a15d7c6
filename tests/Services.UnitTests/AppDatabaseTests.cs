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
