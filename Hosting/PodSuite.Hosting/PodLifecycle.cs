using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PodSuite.Hosting.Local;
using PodSuite.Hosting.Validation;

namespace PodSuite.Hosting;

/// <summary>
/// Wires the pod model into the app host once, however many pods it has: the model checks before anything starts
/// (run or publish), and in a local run the shared volume directories and the pods' dashboard states.
/// </summary>
internal static class PodLifecycle
{
    public static void Register(IDistributedApplicationBuilder builder)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(LocalSharedVolumes)))
        {
            return;
        }

        builder.Services.AddSingleton<LocalSharedVolumes>();
        builder.Services.TryAddSingleton<AppHostFailures>();
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            PodModelValidator.Validate(e.Model).ThrowIfAny(PodModelValidator.Heading);
            if (builder.ExecutionContext.IsRunMode)
            {
                e.Services.GetRequiredService<LocalSharedVolumes>().Create(e.Model);
            }

            return Task.CompletedTask;
        });

        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.AddHostedService<PodStateWatcher>();
        }
    }
}
