using Aspire.Hosting;

namespace PodSuite.Hosting.Validation;

/// <summary>
/// The mistakes found in an app model, collected so that all of them are reported at once, each naming the resources
/// involved and the fix. Model checks and the publisher's planning both report through it.
/// </summary>
internal sealed class ModelErrors
{
    private readonly List<string> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string error)
    {
        if (!_errors.Contains(error))
        {
            _errors.Add(error);
        }
    }

    /// <summary>Adds the errors of <paramref name="other"/>, in their order.</summary>
    public void AddRange(ModelErrors other)
    {
        foreach (var error in other._errors)
        {
            Add(error);
        }
    }

    /// <summary>Throws one exception listing every error under <paramref name="heading"/>, if there is any.</summary>
    public void ThrowIfAny(string heading)
    {
        if (_errors.Count > 0)
        {
            throw new DistributedApplicationException(
                $"{heading}{Environment.NewLine}- " + string.Join($"{Environment.NewLine}- ", _errors));
        }
    }
}
