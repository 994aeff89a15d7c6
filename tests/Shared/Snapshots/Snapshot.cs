using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace PodSuite.Tests;

/// <summary>
/// Compares generated text with a reviewable file checked in beside the tests, failing with a readable diff. With
/// <c>PODSUITE_UPDATE_SNAPSHOTS=1</c> it writes the file instead, for review in the commit.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "PODSUITE_UPDATE_SNAPSHOTS";

    private const int ContextLines = 3;

    /// <summary>Asserts that the file at <paramref name="path"/> (relative to the repository) holds <paramref name="actual"/>.</summary>
    public static void Match(string path, string actual)
    {
        var file = Path.Combine(TestRepository.Root, path);
        var expected = File.Exists(file) ? File.ReadAllText(file) : null;
        if (expected == actual)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, actual);
            return;
        }

        Assert.Fail(expected is null
            ? $"{path} does not exist. Review the output below, then write it with {UpdateVariable}=1:\n{actual}"
            : $"{path} differs from what is generated now (- the file, + generated). If the change is intended, rewrite it with {UpdateVariable}=1 and review the diff:\n{Diff(expected, actual)}");
    }

    /// <summary>The lines that differ, with a few around them, each marked '-' (expected) or '+' (actual).</summary>
    public static string Diff(string expected, string actual)
    {
        var lines = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false).Lines;
        var changed = lines.Select((l, i) => (l, i)).Where(x => x.l.Type is not ChangeType.Unchanged).Select(x => x.i).ToList();
        var shown = changed.SelectMany(i => Enumerable.Range(i - ContextLines, (2 * ContextLines) + 1)).Where(i => i >= 0 && i < lines.Count).ToHashSet();
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!shown.Contains(i))
            {
                if (i > 0 && shown.Contains(i - 1))
                {
                    text.AppendLine("  ...");
                }

                continue;
            }

            var mark = lines[i].Type switch { ChangeType.Deleted => '-', ChangeType.Inserted => '+', _ => ' ' };
            text.Append(mark).Append(' ').AppendLine(lines[i].Text);
        }

        return text.ToString();
    }
}
