using System.Globalization;
using System.Text;
using System.Xml;
using MutationHarness.Core.Text;
using MutationHarness.Core.Verdicts;

namespace MutationHarness.Suites;

/// <summary>How a judged suite is shown: the terminal summary, JUnit XML for a CI's test tab, Markdown for a CI step page.</summary>
public static class SuiteReports
{
    private const int ListedAtMost = 20;

    /// <summary>The lines a terminal shows: a count line, then every changed case, then the known failures that still reproduce.</summary>
    public static string Text(SuiteJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        var cases = judgement.Cases;
        var several = judgement.Servers.Count > 1;
        var changed = cases.Where(c => !c.Held).ToList();
        var known = cases.Where(c => c.Known).ToList();
        var text = new StringBuilder();
        text.Append($"suite {judgement.Suite.Name}: {cases.Count:N0} cases ({Pairs(judgement)} on {string.Join(", ", judgement.Servers.Select(Describe))}): ");
        text.Append($"{cases.Count(c => c.Held):N0} held ({cases.Count(c => c.Held && !c.Known):N0} verified, {known.Count:N0} known failures still reproducing), ");
        text.Append($"{changed.Count:N0} changed\n");
        foreach (var @case in changed.Take(ListedAtMost))
            text.Append($"  CHANGED {@case.Name(several)}: {@case.Summary}\n");
        if (changed.Count > ListedAtMost)
            text.Append($"  … and {changed.Count - ListedAtMost:N0} more changed (see --junit or --markdown for all)\n");
        if (known.Count > 0)
            text.Append($"  known, still reproducing: {string.Join(", ", known.Select(c => c.Name(several)))}\n");
        return text.ToString();
    }

    /// <summary>JUnit XML: a test suite per server, a test case per pair; a changed case fails with the old and new
    /// verdict, the reason and the witness; a known failure passes and says so in its output.</summary>
    public static async Task WriteJUnitAsync(SuiteJudgement judgement, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", Clean(judgement.Suite.Name));
        xml.WriteAttributeString("tests", Number(judgement.Cases.Count));
        xml.WriteAttributeString("failures", Number(judgement.Cases.Count(c => !c.Held)));
        foreach (var group in judgement.Cases.GroupBy(c => c.Server?.Target))
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", Clean(group.Key is null ? $"{judgement.Suite.Name}: expected pairs missing from the inputs" : $"{judgement.Suite.Name} on {group.Key}"));
            xml.WriteAttributeString("tests", Number(group.Count()));
            xml.WriteAttributeString("failures", Number(group.Count(c => !c.Held)));
            xml.WriteAttributeString("errors", "0");
            foreach (var @case in group)
                WriteCase(xml, judgement.Suite.Name, @case);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        await output.FlushAsync(cancellationToken);
    }

    private static void WriteCase(XmlWriter xml, string suite, SuiteCase @case)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Clean(@case.Server is null ? suite : $"{suite}.{@case.Server.Flavor.ToLowerInvariant()}"));
        xml.WriteAttributeString("name", Clean(@case.Strategy is null ? @case.Id : $"{@case.Id} ({@case.Strategy})"));
        xml.WriteAttributeString("time", "0");
        if (!@case.Held)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", @case.Observed is { } seen ? $"{@case.Expected.Name()} -> {seen.Name()}" : "missing");
            xml.WriteAttributeString("message", Clean(@case.Summary));
            xml.WriteString(Clean(@case.Summary + (@case.Witness is null ? "" : "\nwitness:\n" + @case.Witness)));
            xml.WriteEndElement();
        }
        else if (@case.Known)
        {
            xml.WriteElementString("system-out", Clean(@case.Summary + (@case.Witness is null ? "" : "\nwitness:\n" + @case.Witness)));
        }
        xml.WriteEndElement();
    }

    /// <summary>A Markdown page: the counts, the changed cases with old and new verdict, the known failures with their links.</summary>
    public static string Markdown(SuiteJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        var several = judgement.Servers.Count > 1;
        var cases = judgement.Cases;
        var text = new StringBuilder($"## Suite {judgement.Suite.Name}\n\n");
        text.Append(cases.All(c => c.Held) ? "**Every expectation held.**" : $"**{cases.Count(c => !c.Held):N0} of {cases.Count:N0} cases changed.**");
        text.Append($" {Pairs(judgement)} on {string.Join(", ", judgement.Servers.Select(Describe))}; ");
        text.Append($"{cases.Count(c => c.Held && !c.Known):N0} verified, {cases.Count(c => c.Known):N0} known failures still reproducing.\n\n");
        if (cases.Any(c => !c.Held))
        {
            text.Append("| changed | expected | got | why |\n|---|---|---|---|\n");
            foreach (var @case in cases.Where(c => !c.Held))
                text.Append($"| {Cell(@case.Name(several))} | {@case.Expected.Name()} | {@case.Observed?.Name() ?? "(missing)"} | {Cell(@case.Observation ?? @case.Rule?.Reason ?? "")} |\n");
            text.Append('\n');
        }
        if (cases.Any(c => c.Known))
        {
            text.Append("| known failure | verdict | reason or link |\n|---|---|---|\n");
            foreach (var @case in cases.Where(c => c.Known))
                text.Append($"| {Cell(@case.Name(several))} | {@case.Expected.Name()} | {Cell(@case.Rule?.Link ?? @case.Rule?.Reason ?? "")} |\n");
        }
        return text.ToString();
    }

    private static string Pairs(SuiteJudgement judgement) => $"{judgement.Observed.Count:N0} pairs";

    private static string Describe(ServerIdentity server) => $"{server.Target} ({server.Flavor} {server.Version})";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Clean(string text) => XmlSafeText.Clean(text);
}
