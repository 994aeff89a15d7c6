using System.Reflection;
using PublicApiGenerator;

namespace PodSuite.Tests;

/// <summary>A package's public API as C# declarations, for comparison with its reviewed baseline in <c>api/</c>.</summary>
internal static class PublicApi
{
    private static readonly ApiGeneratorOptions s_options = new()
    {
        // Which test projects see internals, and the target framework, are not part of the API.
        ExcludeAttributes = ["System.Runtime.CompilerServices.InternalsVisibleToAttribute", "System.Runtime.Versioning.TargetFrameworkAttribute"],
    };

    public static string Of(Assembly assembly) => assembly.GeneratePublicApi(s_options).ReplaceLineEndings("\n") + "\n";
}
