using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MutationHarness.Core.Tests;

/// <summary>The README's layer sketch says which project references which, and which packages each takes: it must
/// match the <c>.csproj</c> files, so a newcomer can trust it.</summary>
public sealed partial class LayerSketchTests
{
    [GeneratedRegex(@"^(MutationHarness\.\w+)\s+->\s+(.*?)\s*(?:\[(.*)\])?$", RegexOptions.Multiline)]
    private static partial Regex SketchLine();

    [Fact]
    public void The_readme_layer_sketch_matches_the_project_references()
    {
        var root = RepositoryRoot();
        var sketch = SketchLine().Matches(File.ReadAllText(Path.Combine(root, "README.md")))
            .ToDictionary(m => m.Groups[1].Value, m => m);
        var projects = Directory.GetDirectories(Path.Combine(root, "src"), "MutationHarness.*");

        Assert.Equal(projects.Select(Path.GetFileName).Order(), sketch.Keys.Order());
        foreach (var project in projects)
        {
            var name = Path.GetFileName(project);
            var file = XDocument.Load(Path.Combine(project, name + ".csproj"));
            var references = file.Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value).Replace("MutationHarness.", string.Empty, StringComparison.Ordinal));
            var packages = file.Descendants("PackageReference").Select(p => p.Attribute("Include")!.Value).ToList();
            var line = sketch[name];
            var drawn = line.Groups[2].Value == "(nothing)" ? [] : line.Groups[2].Value.Split(", ");
            var drawnPackages = line.Groups[3].Success ? line.Groups[3].Value.Split(", ") : [];

            Assert.True(drawn.Order().SequenceEqual(references.Order()), $"{name}: the sketch says -> {string.Join(", ", drawn)}, the project references {string.Join(", ", references)}");
            Assert.True(packages.All(p => drawnPackages.Any(d => p.StartsWith(d, StringComparison.Ordinal)))
                        && drawnPackages.All(d => packages.Any(p => p.StartsWith(d, StringComparison.Ordinal))),
                $"{name}: the sketch says [{string.Join(", ", drawnPackages)}], the project takes {string.Join(", ", packages)}");
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MutationHarness.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("the repository root (MutationHarness.sln) is not above the tests");
    }
}
