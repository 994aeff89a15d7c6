namespace Hosting.Kubernetes.Tests;

/// <summary>
/// An app with Aspire's Redis and PostgreSQL, as a user's app host has them: internal endpoints other pods use get
/// ClusterIP Services, connection strings and their per-property values reach the app with in-cluster addresses, and
/// every value that holds a secret (a generated password, a connection string with it) comes from the app's Secret.
/// </summary>
public class DatabaseAppTests
{
    [Fact]
    public async Task AConnectionStringReachesTheAppWithTheServicesAddressAndItsPasswordFromTheAppsSecret()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var cache = builder.AddRedis("cache");
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web")).WithReference(cache).WaitFor(cache);

        var pods = await builder.MapAsync();

        var app = pods.Pod("web").Container("app");
        var connection = Assert.Single(app.Env, e => e.Name == "ConnectionStrings__cache");
        Assert.Null(connection.Value);
        Assert.Equal(("demo-secrets", "app.ConnectionStrings__cache"), (connection.ValueFrom.SecretKeyRef.Name, connection.ValueFrom.SecretKeyRef.Key));
        Assert.Equal("cache", app.Env("CACHE_HOST"));
        Assert.Equal("6379", app.Env("CACHE_PORT"));
        Assert.Equal("cache-password", Assert.Single(app.Env, e => e.Name == "CACHE_PASSWORD").ValueFrom.SecretKeyRef.Key);
        var secret = Assert.Single(pods.Pod("web").SecretValues!, v => v.Key == "app.ConnectionStrings__cache");
        Assert.Equal("cache:6379,password=p4ss", secret.Compose(ValuesOf(secret, "p4ss")));

        var redis = pods.Pod("cache").Container("cache");
        Assert.Equal("cache-password", Assert.Single(redis.Env, e => e.Name == "REDIS_PASSWORD").ValueFrom.SecretKeyRef.Key);
        Assert.DoesNotContain("p4ss", pods.Yaml());
        var service = Assert.Single(pods.Pod("cache").Services);
        Assert.Equal(("cache", "ClusterIP", 6379), (service.Metadata.Name, service.Spec.Type, service.Spec.Ports.Single().Port));
        Assert.Equal("web", Assert.Single(Assert.Single(pods.Pod("cache").NetworkPolicy!.Spec.Ingress).FromProperty).PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.Contains("until nc -z -w 2 cache 6379", pods.Pod("web").Container("wait-for-cache").Command[2]);
    }

    [Fact]
    public async Task APostgresDatabasesConnectionStringAndUriEncodeItsPasswordWhereAspireSaysSo()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var db = builder.AddPostgres("pg").AddDatabase("appdb");
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web")).WithReference(db);

        var pods = await builder.MapAsync();

        var values = pods.Pod("web").SecretValues!.ToDictionary(v => v.Key);
        var connection = values["app.ConnectionStrings__appdb"];
        Assert.Equal("Host=pg;Port=5432;Username=postgres;Password=p@ss/word;Database=appdb", connection.Compose(ValuesOf(connection, "p@ss/word")));
        var uri = values["app.APPDB_URI"];
        Assert.Equal("postgresql://postgres:p%40ss%2Fword@pg:5432/appdb", uri.Compose(ValuesOf(uri, "p@ss/word")));
        var pg = pods.Pod("pg").Container("pg");
        Assert.Equal("pg-password", Assert.Single(pg.Env, e => e.Name == "POSTGRES_PASSWORD").ValueFrom.SecretKeyRef.Key);
        Assert.Equal("web", Assert.Single(Assert.Single(pods.Pod("pg").NetworkPolicy!.Spec.Ingress).FromProperty).PodSelector.MatchLabels["app.kubernetes.io/name"]);
    }

    [Fact]
    public async Task ThePostgresServersImageCreatesEachDatabaseOfTheModelFromAScriptInItsInitDirectory()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var pg = builder.AddPostgres("pg");
        pg.AddDatabase("appdb");
        pg.AddDatabase("reports", databaseName: "odd\"name");
        builder.AddPostgres("bare");

        var pods = await builder.MapAsync();

        var configMap = Assert.Single(pods.Pod("pg").ConfigMaps);
        Assert.Equal("pg-initdb", configMap.Metadata.Name);
        Assert.Equal(
            "-- Made by PodSuite: the databases of the app host's AddDatabase calls.\nCREATE DATABASE \"appdb\";\nCREATE DATABASE \"odd\"\"name\";\n",
            configMap.Data["podsuite-create-databases.sql"]);
        var mount = Assert.Single(pods.Pod("pg").Container("pg").VolumeMounts, m => m.Name == "pg-initdb");
        Assert.Equal(("/docker-entrypoint-initdb.d", true), (mount.MountPath, mount.ReadOnlyProperty));
        Assert.Empty(pods.Pod("bare").ConfigMaps);
    }

    [Fact]
    public async Task APlainParameterIsItsValueAndASecretOneAKeyOfTheAppsSecret()
    {
        var builder = PodModel.CreateBuilder(["--operation", "publish", "--Parameters:greeting=hello", "--Parameters:api-key=s3cret"]);
        var greeting = builder.AddParameter("greeting");
        var apiKey = builder.AddParameter("api-key", secret: true);
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web"))
            .WithEnvironment("GREETING", greeting)
            .WithEnvironment("API_KEY", apiKey)
            .WithEnvironment("AUTH_HEADER", ReferenceExpression.Create($"Bearer {apiKey}"));

        var pods = await builder.MapAsync();

        var app = pods.Pod("web").Container("app");
        Assert.Equal("hello", app.Env("GREETING"));
        Assert.Equal("api-key", Assert.Single(app.Env, e => e.Name == "API_KEY").ValueFrom.SecretKeyRef.Key);
        Assert.Equal("app.AUTH_HEADER", Assert.Single(app.Env, e => e.Name == "AUTH_HEADER").ValueFrom.SecretKeyRef.Key);
        Assert.DoesNotContain("s3cret", pods.Yaml());
    }

    [Fact]
    public async Task TheGeneratedReadmeListsTheKeysOfTheAppsSecretWithWhatEachHolds()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var cache = builder.AddRedis("cache");
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web")).WithReference(cache);
        var options = Publisher.Options;
        var pods = await builder.MapAsync(options);

        var readme = PodSuite.Hosting.Kubernetes.Output.ManifestReadme.Render(pods, options);

        Assert.Contains("The containers read secret values from the Secret `demo-secrets`", readme);
        Assert.Contains("| `cache-password` | `<cache-password>` |", readme);
        Assert.Contains("| `app.ConnectionStrings__cache` | `cache:6379,password=<cache-password>` |", readme);
    }

    [Fact]
    public async Task ASecretInAnArgumentIsOneErrorNamingTheParameter()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var apiKey = builder.AddParameter("api-key", secret: true);
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web")).WithArgs(apiKey.Resource);

        var message = await builder.MappingErrorAsync();

        Assert.Contains("'app': an argument holds secret parameter 'api-key', and a Secret reaches a container only through its environment", message);
    }

    [Fact]
    public async Task AParametersBuilderGivenAsAnArgumentIsItsValue()
    {
        var builder = PodModel.CreateBuilder(["--operation", "publish", "--Parameters:greeting=hello"]);
        var greeting = builder.AddParameter("greeting");
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web")).WithArgs(greeting);

        var pods = await builder.MapAsync();

        Assert.Equal(["hello"], pods.Pod("web").Container("app").Args);
    }

    [Fact]
    public async Task APlainParameterWithNoValueFailsWithinSecondsNamingItAndTheWaysToGiveIt()
    {
        var builder = PodModel.CreatePublishingBuilder();
        var greeting = builder.AddParameter("greeting");
        builder.AddContainer("app", "example/app").InPod(builder.AddPod("web")).WithEnvironment("GREETING", greeting);

        var message = await builder.MappingErrorAsync();

        Assert.Contains("Parameter 'greeting' has no value", message);
        Assert.Contains("'--Parameters:greeting=<value>'", message);
        Assert.Contains("dotnet user-secrets set Parameters:greeting <value>", message);
    }

    private static Dictionary<ParameterResource, string> ValuesOf(AppSecretValue value, string password) =>
        value.Parameters.Distinct().ToDictionary(p => p, p => p.Name.EndsWith("-password", StringComparison.Ordinal) ? password : "postgres");
}
