using System.Text;
using System.Xml;
using MutationHarness.Core.Text;

namespace MutationHarness.Evaluation;

/// <summary>Writes the scorecard as JUnit XML: one test case per example, grouped into one suite per strategy × dbms.</summary>
public static class JUnitReport
{
    /// <summary>Writes the XML to a stream; an example fails when a gating metric failed.</summary>
    public static async Task WriteAsync(Scorecard scorecard, Stream output, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", $"harness eval ({scorecard.Mode})");
        xml.WriteAttributeString("tests", scorecard.Examples.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", (scorecard.Examples.Count - scorecard.Passed).ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        foreach (var suite in scorecard.Examples.GroupBy(e => $"{e.Strategy ?? scorecard.Mode}.{e.Dbms ?? "any"}"))
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", $"eval.{suite.Key}");
            xml.WriteAttributeString("tests", suite.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteAttributeString("failures", suite.Count(e => !e.Passed).ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", "0");
            foreach (var example in suite)
                WriteCase(xml, $"eval.{suite.Key}", example);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        await output.FlushAsync(cancellationToken);
    }

    private static void WriteCase(XmlWriter xml, string className, ExampleResult example)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", className);
        xml.WriteAttributeString("name", Clean(example.Id));
        xml.WriteAttributeString("time", "0");
        if (!example.Passed)
        {
            var failed = string.Join(", ", example.FailedMetrics);
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean($"failed: {failed}"));
            xml.WriteAttributeString("type", example.FailedMetrics.First());
            xml.WriteString(Clean(string.Join("\n", example.Details)));
            xml.WriteEndElement();
        }
        if (example.Sql is not null)
            xml.WriteElementString("system-out", Clean(example.Sql));
        xml.WriteEndElement();
    }

    private static string Clean(string text) => XmlSafeText.Clean(text);
}
