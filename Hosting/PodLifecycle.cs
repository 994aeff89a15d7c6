using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kubernetes;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

/// <summary>Wires the pod model into the app host once, however many pods it has.</summary>
internal static class PodLifecycle
{
    public static void Register(IDistributedApplicationBuilder builder)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(LocalSharedVolumes)))
        {
            return;
        }

        builder.Services.AddSingleton<LocalSharedVolumes>();
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            var errors = PodModelValidator.Validate(e.Model);
            if (errors.Count > 0)
            {
                throw new DistributedApplicationException(
                    $"The pod model is invalid:{Environment.NewLine}- " + string.Join($"{Environment.NewLine}- ", errors));
            }

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

        KubernetesPublishing.AddPublishStep(builder);
    }
}
