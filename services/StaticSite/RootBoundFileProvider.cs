using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace PodSuite.StaticSite;

/// <summary>
/// The site's files, never one whose real path (every symbolic link followed) lies outside the root: a link placed in
/// the shared volume to <c>/proc/self/environ</c> or <c>/etc/passwd</c> is not found, as is one to a directory outside.
/// Links that stay within the root are served.
/// </summary>
public sealed class RootBoundFileProvider : IFileProvider, IDisposable
{
    // As the kernel gives up (ELOOP): a chain of links longer than this is a loop.
    private const int MaxLinks = 40;

    private readonly PhysicalFileProvider _files;
    private readonly string _realRoot;

    public RootBoundFileProvider(string root)
    {
        _files = new PhysicalFileProvider(root);
        _realRoot = RealPath(_files.Root) ?? throw new DirectoryNotFoundException($"The static site's directory '{root}' does not exist.");
    }

    public IFileInfo GetFileInfo(string subpath)
    {
        var file = _files.GetFileInfo(subpath);
        return file.Exists && !IsWithinRoot(file.PhysicalPath) ? new NotFoundFileInfo(subpath) : file;
    }

    public IDirectoryContents GetDirectoryContents(string subpath)
    {
        var contents = _files.GetDirectoryContents(subpath);
        return contents.Exists && !IsWithinRoot(Path.Combine(_files.Root, subpath.TrimStart('/'))) ? NotFoundDirectoryContents.Singleton : contents;
    }

    public IChangeToken Watch(string filter) => _files.Watch(filter);

    public void Dispose() => _files.Dispose();

    private bool IsWithinRoot(string? path) =>
        path is not null && RealPath(path) is { } real
        && (real == _realRoot || real.StartsWith(_realRoot.EndsWith('/') ? _realRoot : _realRoot + "/", StringComparison.Ordinal));

    /// <summary>The path with every symbolic link in it followed, as <c>realpath(3)</c> gives it; <see langword="null"/> for a loop.</summary>
    public static string? RealPath(string path)
    {
        var links = 0;
        var pending = new Stack<string>(Path.GetFullPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var resolved = "/";
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? "/";
                continue;
            }

            var next = Path.Join(resolved, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // The link's target replaces it, and is itself resolved part by part: from / when absolute, else from here.
            if (target.StartsWith('/'))
            {
                resolved = "/";
            }

            foreach (var targetPart in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(targetPart);
            }
        }

        return resolved;
    }
}
