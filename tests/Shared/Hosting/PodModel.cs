using Aspire.Hosting.Eventing;
using Microsoft.Extensions.DependencyInjection;

namespace PodSuite.Tests;

/// <summary>Builds app models in memory and runs the pod model's start-up step on them, with no processes.</summary>
internal static class PodModel
{
    public static IDistributedApplicationBuilder CreateBuilder(params string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, DisableDashboard = true });
        // Aspire's own start-up step names DCP resources and wants these set; nothing here starts DCP.
        builder.Configuration["DcpPublisher:CliPath"] = "dcp-is-not-started-by-model-tests";
        builder.Configuration["DcpPublisher:DashboardPath"] = "dashboard-is-not-started-by-model-tests";
        return builder;
    }

    public static IDistributedApplicationBuilder CreatePublishingBuilder() => CreateBuilder("--operation", "publish");

    /// <summary>Builds the app and raises <see cref="BeforeStartEvent"/>, where the pod model validates and prepares.</summary>
    public static async Task<DistributedApplication> BuildAndPrepareAsync(this IDistributedApplicationBuilder builder)
    {
        var app = builder.Build();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        await app.Services.GetRequiredService<IDistributedApplicationEventing>()
            .PublishAsync(new BeforeStartEvent(app.Services, model));
        return app;
    }

    public static async Task<string> ValidationErrorAsync(this IDistributedApplicationBuilder builder)
    {
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => builder.BuildAndPrepareAsync());
        Assert.StartsWith("The pod model is invalid:", error.Message);
        return error.Message;
    }
}

internal static class ResourceEnvironment
{
    /// <summary>The environment Aspire gives <paramref name="resource"/> when it runs or is published.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync(
        this IResource resource, DistributedApplicationOperation operation)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(operation), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        return configuration.EnvironmentVariables.ToDictionary();
    }
}
