using System.Xml.Linq;

namespace PodSuite.Hosting.Kubernetes.Building;

/// <summary>
/// The files a project's image is built from: everything in its directory and in those of the projects it references,
/// transitively (build output and hidden directories aside), and the MSBuild and SDK files above them (<c>*.props</c>,
/// <c>*.targets</c>, <c>global.json</c>, <c>NuGet.config</c>) up to the repository's or the solution's root, and outside any
/// repository or solution, within the projects' own tree. The walk stays inside those
/// directories: a symbolic link, to a file or a directory, is an input by where it points, and is neither read nor
/// followed (so a link out of the project reads nothing there, and a link loop ends).
/// </summary>
internal static class ProjectInputs
{
    private static readonly HashSet<string> s_skippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };
    private static readonly string[] s_buildFilePatterns = ["*.props", "*.targets", "global.json", "NuGet.config"];

    /// <summary>The inputs, by their paths relative to the root (with '/'), sorted.</summary>
    public static IReadOnlyList<(string Relative, FileSystemInfo Entry)> Of(string projectPath)
    {
        var directories = ProjectDirectories(Path.GetFullPath(projectPath)).ToList();
        var root = RootOf(Path.GetDirectoryName(Path.GetFullPath(projectPath))!, directories);
        var files = new SortedDictionary<string, FileSystemInfo>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            foreach (var entry in EntriesUnder(new DirectoryInfo(directory)))
            {
                files[Relative(root, entry.FullName)] = entry;
            }

            for (var parent = Directory.GetParent(directory); parent is not null && IsUnder(parent.FullName, root); parent = parent.Parent)
            {
                foreach (var file in s_buildFilePatterns.SelectMany(pattern => parent.EnumerateFiles(pattern)))
                {
                    files[Relative(root, file.FullName)] = file;
                }
            }
        }

        return [.. files.Select(f => (f.Key, f.Value))];
    }

    // The project's directory and those of every project it references, transitively.
    private static IEnumerable<string> ProjectDirectories(string projectPath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([projectPath]);
        while (pending.TryPop(out var project))
        {
            if (!seen.Add(project) || !File.Exists(project))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(project)!;
            foreach (var reference in XDocument.Load(project).Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
            {
                if (reference.Attribute("Include")?.Value is { Length: > 0 } include)
                {
                    pending.Push(Path.GetFullPath(Path.Combine(directory, include.Replace('\\', Path.DirectorySeparatorChar))));
                }
            }
        }

        return seen.Select(p => Path.GetDirectoryName(p)!).Distinct();
    }

    // Its files, and its directories' (a link to a directory is an entry of its own, not descended into).
    private static IEnumerable<FileSystemInfo> EntriesUnder(DirectoryInfo directory) =>
        directory.EnumerateFiles().Concat<FileSystemInfo>(directory.EnumerateDirectories()
            .Where(d => !s_skippedDirectories.Contains(d.Name) && !d.Name.StartsWith('.'))
            .SelectMany(d => d.LinkTarget is null ? EntriesUnder(d) : [d]));

    // The repository's or the solution's root (a .git, global.json or solution file), so that a clone anywhere gives the
    // same inputs; outside any, the projects' own tree (the deepest directory holding all of them), so that nothing
    // above the app, nor where it lies, is an input.
    private static string RootOf(string directory, IReadOnlyList<string> projectDirectories)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git"))
                || File.Exists(Path.Combine(current.FullName, "global.json"))
                || current.EnumerateFiles("*.sln").Any() || current.EnumerateFiles("*.slnx").Any())
            {
                return current.FullName;
            }
        }

        var common = projectDirectories[0];
        while (!projectDirectories.All(d => IsUnder(d, common)) && Path.GetDirectoryName(common) is { } parent)
        {
            common = parent;
        }

        return common;
    }

    private static bool IsUnder(string path, string root) =>
        Path.GetRelativePath(root, path) is var relative && relative != ".." && !relative.StartsWith($"..{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !Path.IsPathRooted(relative);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
}
