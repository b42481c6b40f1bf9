using YamlDotNet.RepresentationModel;

namespace MutationHarness.Integration.Tests.Durable;

/// <summary>The Kubernetes manifest stays what its README says: an Indexed Job of shards that resume, and a merge step.</summary>
public sealed class KubernetesJobTests
{
    private static List<YamlMappingNode> Documents()
    {
        var path = Path.Combine(RepositoryRoot(), "deploy", "kubernetes", "verify-job.yaml");
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
            stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Text(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MutationHarness.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("the repository root (MutationHarness.sln) was not found above the test binaries");
    }

    [Fact]
    public void An_indexed_job_runs_one_resumable_shard_per_pod_and_a_merge_job_joins_as_many_reports()
    {
        var documents = Documents();
        var jobs = documents.Where(d => Text(d, "kind") == "Job").ToList();
        var verify = jobs.Single(j => ((YamlMappingNode)At(j, "spec")).Children.TryGetValue(new YamlScalarNode("completionMode"), out var mode)
            && ((YamlScalarNode)mode).Value == "Indexed");
        var merge = jobs.Single(j => j != verify);

        var shards = int.Parse(Text(verify, "spec", "completions"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(shards.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(verify, "spec", "parallelism"));
        Assert.True(shards > 1);
        foreach (var job in new[] { verify, merge })
        {
            var container = ((YamlSequenceNode)At(job, "spec", "template", "spec", "containers")).Children.Single();
            var env = ((YamlSequenceNode)At(container, "env")).Children.ToDictionary(e => Text(e, "name"), e => Text(e, "value"));
            Assert.Equal(shards.ToString(System.Globalization.CultureInfo.InvariantCulture), env["SHARDS"]);
        }

        var script = string.Join('\n', ((YamlSequenceNode)At(((YamlSequenceNode)At(verify, "spec", "template", "spec", "containers")).Children[0], "args")).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Contains("JOB_COMPLETION_INDEX + 1", script, StringComparison.Ordinal);
        Assert.Contains("--shard \"$shard/$SHARDS\" --resume", script, StringComparison.Ordinal);
        var mergeScript = string.Join('\n', ((YamlSequenceNode)At(((YamlSequenceNode)At(merge, "spec", "template", "spec", "containers")).Children[0], "args")).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Contains("harness merge /work/reports/shard-*.jsonl", mergeScript, StringComparison.Ordinal);

        // Both jobs mount the one shared volume the manifest claims.
        var claim = Text(documents.Single(d => Text(d, "kind") == "PersistentVolumeClaim"), "metadata", "name");
        foreach (var job in jobs)
        {
            var volume = ((YamlSequenceNode)At(job, "spec", "template", "spec", "volumes")).Children.Single();
            Assert.Equal(claim, Text(volume, "persistentVolumeClaim", "claimName"));
        }
    }
}
