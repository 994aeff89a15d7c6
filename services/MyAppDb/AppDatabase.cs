using Microsoft.Data.Sqlite;

namespace PodSuite.MyAppDb;

/// <summary>
/// myapp's SQLite database in the pod's shared volume: a versioned schema (SQLite's <c>user_version</c>) that
/// init-mydb brings up to date and myapp checks before it serves.
/// </summary>
public sealed class AppDatabase(string path)
{
    public const string FileName = "myapp.db";

    private const int Corrupt = 11;        // SQLITE_CORRUPT
    private const int NotADatabase = 26;   // SQLITE_NOTADB

    /// <summary>Each step takes the schema from the version before it to its own; applied in one transaction each.</summary>
    private static readonly (int Version, string Sql)[] s_migrations =
    [
        (1, """
            CREATE TABLE items (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                created_utc TEXT NOT NULL
            );
            """),
        (2, """
            ALTER TABLE items ADD COLUMN quantity INTEGER NOT NULL DEFAULT 0;
            INSERT INTO items (name, created_utc, quantity) VALUES
                ('sidecar', '2026-01-01T00:00:00Z', 3),
                ('init container', '2026-01-01T00:00:00Z', 2),
                ('shared volume', '2026-01-01T00:00:00Z', 1);
            """),
    ];

    /// <summary>The schema version this code reads and writes.</summary>
    public static int CurrentVersion => s_migrations[^1].Version;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Creates the database if needed and applies the missing migrations.</summary>
    /// <returns>The versions applied; empty when the database was already current.</returns>
    public IReadOnlyList<int> Migrate() => Named(() =>
    {
        using var connection = Open(SqliteOpenMode.ReadWriteCreate);
        RequireIntact(connection);
        var version = ReadVersion(connection);
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"Database '{Path}' is at schema version {version}, newer than {CurrentVersion} that this init-mydb knows; deploy the newer init-mydb.");
        }

        var applied = new List<int>();
        foreach (var (target, sql) in s_migrations.Where(m => m.Version > version))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, sql, transaction);
            Execute(connection, $"PRAGMA user_version = {target};", transaction);
            transaction.Commit();
            applied.Add(target);
        }

        return applied;
    });

    /// <summary>Throws, saying what to do, unless the database exists at <see cref="CurrentVersion"/>.</summary>
    public void RequireCurrent()
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException(
                $"Database '{Path}' does not exist. init-mydb creates it: run it before myapp (in the pod it is an init container).");
        }

        Named(() =>
        {
            using var connection = Open(SqliteOpenMode.ReadOnly);
            RequireIntact(connection);
            var version = ReadVersion(connection);
            if (version > CurrentVersion)
            {
                // init-mydb cannot take a schema back: only a matching myapp, or the data of this version, can help.
                throw new InvalidOperationException(
                    $"Database '{Path}' is at schema version {version}, newer than {CurrentVersion} that this myapp reads. " +
                    "Deploy the myapp (and init-mydb) built for that version, or restore a backup of the database at version " +
                    $"{CurrentVersion}.");
            }

            if (version < CurrentVersion)
            {
                throw new InvalidOperationException(
                    $"Database '{Path}' is at schema version {version} but myapp needs version {CurrentVersion}. Run init-mydb to migrate it.");
            }

            return version;
        });
    }

    /// <summary>
    /// Whether the database can serve: intact by SQLite's quick check, and its rows readable. myapp's readiness; a
    /// database damaged after the start makes the pod not ready rather than serving errors.
    /// </summary>
    /// <returns><see langword="null"/> when it can, else why not, naming the file.</returns>
    public string? Problem()
    {
        try
        {
            Named(() =>
            {
                using var connection = Open(SqliteOpenMode.ReadOnly);
                RequireIntact(connection, quick: true);
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM items";
                return command.ExecuteScalar();
            });
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
    }

    public int SchemaVersion() => Named(() =>
    {
        using var connection = Open(SqliteOpenMode.ReadOnly);
        return ReadVersion(connection);
    });

    public IReadOnlyList<Item> Items() => Named(() =>
    {
        using var connection = Open(SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, quantity, created_utc FROM items ORDER BY id";
        using var reader = command.ExecuteReader();
        var items = new List<Item>();
        while (reader.Read())
        {
            items.Add(new Item(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3)));
        }

        return items;
    });

    // SQLite's own errors do not say which file: every one of ours does.
    private T Named<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (SqliteException ex)
        {
            throw new InvalidOperationException($"Database '{Path}': {ex.Message}", ex);
        }
    }

    /// <summary>Throws, saying what to do, when SQLite's integrity check finds the database damaged.</summary>
    private void RequireIntact(SqliteConnection connection, bool quick = false)
    {
        using var command = connection.CreateCommand();
        command.CommandText = quick ? "PRAGMA quick_check(5);" : "PRAGMA integrity_check(5);";
        var problems = new List<string>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                problems.Add(reader.GetString(0));
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is Corrupt or NotADatabase)
        {
            // Damaged badly enough that the check itself cannot run.
            problems.Add(ex.Message);
        }

        if (problems is not ["ok"])
        {
            throw new InvalidOperationException(
                $"Database '{Path}' is damaged ({string.Join("; ", problems)}). Restore it from a backup, or delete it so " +
                "that init-mydb creates a fresh one.");
        }
    }

    private SqliteConnection Open(SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>One row of the demo table.</summary>
public sealed record Item(long Id, string Name, int Quantity, string CreatedUtc);
