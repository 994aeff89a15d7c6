using System.Runtime.ExceptionServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PodSuite.Hosting.Kubernetes.Runtimes;

namespace PodSuite.Hosting.Kubernetes.Planning;

/// <summary>
/// The publish plan of this app host's pipeline run, made once and read by every step of the run: the pods when the
/// image steps are attached, the whole plan when the first step maps the pods. What planning reported (its warnings,
/// its errors) is given to every step that reads it, so each one's log says why it failed.
/// </summary>
internal sealed class PublishPlans(PublishSettings settings, DistributedApplicationModel model)
{
    private readonly Lazy<(IReadOnlyList<PodPlan> Pods, PublishReport Report)> _pods = new(() =>
    {
        var report = new PublishReport();
        return (PodPlan.From(model, settings.Options.DefaultServiceType, report), report);
    });

    private readonly SemaphoreSlim _once = new(1, 1);
    private (PublishPlan? Plan, PublishReport Report, DistributedApplicationException? Error)? _plan;

    /// <summary>
    /// The pods, or <see langword="null"/> when the settings cannot be bound or the pods have mistakes (a step reports
    /// them). The settings every object carries (namespace, label) are checked with the rest of the plan
    /// (<see cref="PublishPlan.CreateAsync"/>).
    /// </summary>
    public IReadOnlyList<PodPlan>? PodsOrNull() =>
        settings.OptionsOrNull() is not null && !_pods.Value.Report.Errors.Any ? _pods.Value.Pods : null;

    /// <summary>The plan; its warnings and errors are added to <paramref name="report"/>, and a plan that failed throws.</summary>
    public async Task<PublishPlan> GetAsync(
        PublishReport report, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        await _once.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _plan ??= await CreateAsync(executionContext, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _once.Release();
        }

        var (plan, planned, error) = _plan.Value;
        report.Warnings.AddRange(planned.Warnings);
        report.Errors.AddRange(planned.Errors);
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return plan!;
    }

    private async Task<(PublishPlan?, PublishReport, DistributedApplicationException?)> CreateAsync(
        DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        var report = new PublishReport();
        try
        {
            var options = settings.Options;
            var (pods, podsReport) = _pods.Value;
            report.Warnings.AddRange(podsReport.Warnings);
            report.Errors.AddRange(podsReport.Errors);
            var plan = await PublishPlan.CreateAsync(
                pods, options, RuntimeTarget.For(options.Runtime).Addresses, report, executionContext, cancellationToken).ConfigureAwait(false);
            return (plan, report, null);
        }
        catch (DistributedApplicationException ex)
        {
            return (null, report, ex);
        }
    }
}
