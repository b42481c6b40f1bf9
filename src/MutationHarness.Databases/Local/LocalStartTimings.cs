namespace MutationHarness.Databases.Local;

/// <summary>Where a local server's start time went; a cold start includes building the data-directory template.</summary>
public sealed record LocalStartTimings(bool TemplateCreated, TimeSpan Template, TimeSpan Copy, TimeSpan ServerReady, TimeSpan Total);
