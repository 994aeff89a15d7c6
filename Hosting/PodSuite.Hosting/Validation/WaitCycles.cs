using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace PodSuite.Hosting.Validation;

/// <summary>
/// Finds resources that wait for each other in a cycle (WaitFor or WaitForCompletion), which Aspire would wait on
/// forever: none of them would ever start, and the app host would never report started.
/// </summary>
internal static class WaitCycles
{
    public static void Check(DistributedApplicationModel model, ModelErrors errors)
    {
        var done = new HashSet<IResource>();
        var path = new List<IResource>();
        foreach (var resource in model.Resources)
        {
            Visit(resource);
        }

        void Visit(IResource resource)
        {
            if (done.Contains(resource))
            {
                return;
            }

            var onPath = path.IndexOf(resource);
            if (onPath >= 0)
            {
                Report([.. path.Skip(onPath)], errors);
                return;
            }

            path.Add(resource);
            foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
            {
                Visit(wait.Resource);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(resource);
        }
    }

    private static void Report(List<IResource> cycle, ModelErrors errors)
    {
        var chain = string.Join(", which waits for ", cycle.Append(cycle[0]).Select(r => $"'{r.Name}'"));
        errors.Add(
            $"{chain}: they wait for each other in a cycle, so none of them would ever start. Remove one of these " +
            $"{nameof(ResourceBuilderExtensions.WaitFor)} or {nameof(ResourceBuilderExtensions.WaitForCompletion)} calls.");
    }
}
