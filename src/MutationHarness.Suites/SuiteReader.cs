using System.Globalization;
using MutationHarness.Core.Verdicts;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace MutationHarness.Suites;

/// <summary>Reads a suite file (YAML). Every mistake is a <see cref="SuiteException"/> naming the file, the line and
/// what to write instead; unknown keys are mistakes too, so a misspelled <c>expect</c> cannot silently expect nothing.</summary>
public static class SuiteReader
{
    private const int MaxDepth = 64;
    private static readonly string[] TopKeys = ["name", "description", "inputs", "targets", "run", "expect"];
    private static readonly string[] RunKeys = ["timeout", "reruns", "databases", "jobs"];
    private static readonly string[] RuleKeys = ["verdict", "on", "reason", "link"];

    /// <summary>Reads the suite at <paramref name="path"/>.</summary>
    public static Suite Read(string path)
    {
        if (!File.Exists(path))
            throw new SuiteException($"suite not found: {path}");
        var stream = new YamlStream();
        try
        {
            RefuseDeepNesting(path);
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new SuiteException($"{path}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        var file = new Where(path);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new SuiteException($"{path}: a suite is a YAML mapping with name, inputs and expect");
        file.OnlyKeys(root, TopKeys);
        var name = file.Scalar(root, "name") ?? Path.GetFileNameWithoutExtension(path);
        var inputs = file.List(root, "inputs");
        if (inputs.Count == 0)
            throw new SuiteException($"{path}:{root.Start.Line}: the suite names no inputs: add 'inputs:' with files, folders or globs of pairs");
        return new Suite(name, path, inputs, file.List(root, "targets"), ReadRun(file, root), ReadExpect(file, root));
    }

    // YamlDotNet builds its node tree recursively: a file nested some thousands deep overflowed the stack, which ends
    // the process. Its parser is flat, so the nesting is measured on its events first.
    private static void RefuseDeepNesting(string path)
    {
        using var reader = new StreamReader(path);
        var parser = new Parser(reader);
        var depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is MappingStart or SequenceStart && ++depth > MaxDepth)
                throw new SuiteException($"{path}:{parser.Current.Start.Line}: nested more than {MaxDepth} deep: a suite is a mapping of lists and rules");
            if (parser.Current is MappingEnd or SequenceEnd)
                depth--;
        }
    }

    private static SuiteRunOptions ReadRun(Where file, YamlMappingNode root)
    {
        if (file.Child(root, "run") is not { } node)
            return new SuiteRunOptions(null, null, null, null);
        var run = file.Mapping(node, "run");
        file.OnlyKeys(run, RunKeys);
        return new SuiteRunOptions(file.Number(run, "timeout"), (int?)file.Number(run, "reruns"),
            (int?)file.Number(run, "databases"), (int?)file.Number(run, "jobs"));
    }

    private static SuiteExpectations ReadExpect(Where file, YamlMappingNode root)
    {
        if (file.Child(root, "expect") is not { } node)
            return new SuiteExpectations(Verdict.Verified, new Dictionary<string, IReadOnlyList<Expectation>>());
        var expect = file.Mapping(node, "expect");
        file.OnlyKeys(expect, ["default", "pairs"]);
        var fallback = file.Child(expect, "default") is { } given ? ParseVerdict(file, given, file.Text(given)) : Verdict.Verified;
        var pairs = new Dictionary<string, IReadOnlyList<Expectation>>(StringComparer.Ordinal);
        if (file.Child(expect, "pairs") is { } pairsNode)
        {
            foreach (var (key, value) in file.Mapping(pairsNode, "pairs").Children)
            {
                var id = file.Text(key);
                if (!pairs.TryAdd(id, ReadRules(file, value)))
                    throw new SuiteException($"{file.Path}:{key.Start.Line}: '{id}' is expected twice: give one entry per pair (a list for several rules)");
            }
        }
        return new SuiteExpectations(fallback, pairs);
    }

    private static List<Expectation> ReadRules(Where file, YamlNode node) => node switch
    {
        YamlSequenceNode list when list.Children.Count > 0 => [.. list.Children.Select(n => ReadRule(file, n))],
        YamlSequenceNode list => throw new SuiteException($"{file.Path}:{list.Start.Line}: an empty list of rules: give at least one verdict"),
        _ => [ReadRule(file, node)],
    };

    private static Expectation ReadRule(Where file, YamlNode node)
    {
        if (node is YamlScalarNode scalar)
            return ParseShortForm(file, scalar);
        var rule = file.Mapping(node, "a pair's rule");
        file.OnlyKeys(rule, RuleKeys);
        var verdictNode = file.Child(rule, "verdict")
            ?? throw new SuiteException($"{file.Path}:{rule.Start.Line}: a rule needs 'verdict' ({string.Join(", ", Verdicts.All.Select(v => v.Name()))})");
        var on = file.Scalar(rule, "on") is { } selector ? ParseSelector(file, file.Child(rule, "on")!, selector) : null;
        return new Expectation(ParseVerdict(file, verdictNode, file.Text(verdictNode)), on, file.Scalar(rule, "reason"), file.Scalar(rule, "link"));
    }

    // "relation-violated" or "relation-violated on mariadb >=10.5 <12".
    private static Expectation ParseShortForm(Where file, YamlScalarNode scalar)
    {
        var text = file.Text(scalar);
        var at = text.IndexOf(" on ", StringComparison.Ordinal);
        var verdict = ParseVerdict(file, scalar, at < 0 ? text : text[..at]);
        return new Expectation(verdict, at < 0 ? null : ParseSelector(file, scalar, text[(at + 4)..]), null, null);
    }

    private static ServerSelector ParseSelector(Where file, YamlNode node, string text)
    {
        try
        {
            return ServerSelector.Parse(text);
        }
        catch (FormatException e)
        {
            throw new SuiteException($"{file.Path}:{node.Start.Line}: {e.Message}");
        }
    }

    private static Verdict ParseVerdict(Where file, YamlNode node, string text)
    {
        foreach (var verdict in Verdicts.All)
        {
            if (verdict.Name() == text.Trim())
                return verdict;
        }
        throw new SuiteException($"{file.Path}:{node.Start.Line}: '{text}' is not a verdict: write one of {string.Join(", ", Verdicts.All.Select(v => v.Name()))}");
    }

    /// <summary>The file being read, for messages that name it and a line.</summary>
    private sealed class Where(string path)
    {
        public string Path { get; } = path;

        public YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public string Text(YamlNode node) => node is YamlScalarNode { Value: { } value }
            ? value
            : throw new SuiteException($"{Path}:{node.Start.Line}: expected a plain value here, not a {Kind(node)}");

        public string? Scalar(YamlMappingNode map, string key) => Child(map, key) is { } node ? Text(node) : null;

        public YamlMappingNode Mapping(YamlNode node, string what) => node as YamlMappingNode
            ?? throw new SuiteException($"{Path}:{node.Start.Line}: '{what}' must be a mapping (key: value lines), not a {Kind(node)}");

        public double? Number(YamlMappingNode map, string key)
        {
            if (Child(map, key) is not { } node)
                return null;
            return double.TryParse(Text(node), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new SuiteException($"{Path}:{node.Start.Line}: '{key}' must be a number of 0 or more");
        }

        /// <summary>A list of plain values; one plain value counts as a list of one.</summary>
        public List<string> List(YamlMappingNode map, string key) => Child(map, key) switch
        {
            null => [],
            YamlSequenceNode list => [.. list.Children.Select(Text)],
            var one => [Text(one)],
        };

        public void OnlyKeys(YamlMappingNode map, string[] known)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = Text(key);
                if (!known.Contains(name, StringComparer.Ordinal))
                    throw new SuiteException($"{Path}:{key.Start.Line}: unknown key '{name}' here: the keys are {string.Join(", ", known)}");
            }
        }

        private static string Kind(YamlNode node) => node switch
        {
            YamlSequenceNode => "list",
            YamlMappingNode => "mapping",
            _ => "value",
        };
    }
}

/// <summary>A suite file cannot be read or written; the message names the file, the line and what to change.</summary>
public sealed class SuiteException(string message) : Exception(message);
