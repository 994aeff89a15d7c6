using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PodSuite.Hosting.Local;
using PodSuite.Hosting.Validation;

namespace PodSuite.Hosting;

/// <summary>
/// Wires the pod model into the app host once, however many pods it has: before anything starts (run or publish), the
/// model is completed (<see cref="PodModelHooks.Completing"/>), checked, then acted on (<see cref="PodModelHooks.Validated"/>),
/// in that order whatever order the app host's calls came in; in a local run, the shared volume directories, the pods'
/// dashboard states, and the pods that need a container runtime held back when there is none. Images configured under
/// <c>PodSuite:Images</c> replace the model's first (<see cref="ImageOverrides"/>).
/// </summary>
internal static class PodLifecycle
{
    /// <summary>Registers the pod model's lifecycle, once, and returns its hooks.</summary>
    public static PodModelHooks Register(IDistributedApplicationBuilder builder)
    {
        if (builder.Services.FirstOrDefault(s => s.ServiceType == typeof(PodModelHooks))?.ImplementationInstance is PodModelHooks registered)
        {
            return registered;
        }

        var hooks = new PodModelHooks();
        builder.Services.AddSingleton(hooks);
        builder.Services.AddSingleton<LocalSharedVolumes>();
        builder.Services.AddSingleton<PodsWithoutRuntime>();
        builder.Services.TryAddSingleton<AppHostFailures>();
        builder.Eventing.Subscribe<BeforeStartEvent>(async (e, cancellationToken) =>
        {
            ImageOverrides.Apply(e.Model, builder.Configuration,
                e.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ImageOverrides).FullName!));
            foreach (var complete in hooks.Completing)
            {
                await complete(e, cancellationToken).ConfigureAwait(false);
            }

            PodModelValidator.Validate(e.Model).ThrowIfAny(PodModelValidator.Heading);
            foreach (var act in hooks.Validated)
            {
                await act(e, cancellationToken).ConfigureAwait(false);
            }

            if (builder.ExecutionContext.IsRunMode)
            {
                e.Services.GetRequiredService<LocalSharedVolumes>().Create(e.Model);
                e.Services.GetRequiredService<PodsWithoutRuntime>().Apply(e.Model, builder.Configuration,
                    e.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PodsWithoutRuntime).FullName!));
            }
        });

        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.AddHostedService<PodStateWatcher>();
        }

        return hooks;
    }
}
