using System.Diagnostics;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Local;

/// <summary>A MariaDB data directory initialised once per server version, then copied for every run.</summary>
internal static class DataDirectoryTemplate
{
    private const string CompleteMarker = ".mutationharness-complete";

    /// <summary>Returns the template's path, creating it first (under a file lock) when no process has yet.</summary>
    public static async Task<(string Path, bool Created)> EnsureAsync(LocalInstallation installation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var root = installation.CacheDirectory;
        Directory.CreateDirectory(root);
        var name = $"mariadb-{Sanitize(installation.Binaries.Version)}-template";
        var template = Path.Combine(root, name);
        if (File.Exists(Path.Combine(template, CompleteMarker)))
            return (template, false);

        await using var fileLock = await FileLock.AcquireAsync(Path.Combine(root, name + ".lock"), timeout, cancellationToken);
        if (File.Exists(Path.Combine(template, CompleteMarker)))
            return (template, false);

        var staging = $"{template}.staging-{Environment.ProcessId}";
        if (Directory.Exists(template))
            Directory.Delete(template, recursive: true);
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        await InstallAsync(installation, staging, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(staging, CompleteMarker), installation.Binaries.Version, cancellationToken);
        Directory.Move(staging, template);
        return (template, true);
    }

    /// <summary>Copies a template into a fresh run directory.</summary>
    public static void CopyTo(string template, string destination)
    {
        foreach (var directory in Directory.EnumerateDirectories(template, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(template, directory)));
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(template, file);
            if (relative != CompleteMarker)
                File.Copy(file, Path.Combine(destination, relative));
        }
    }

    private static async Task InstallAsync(LocalInstallation installation, string dataDirectory, CancellationToken cancellationToken)
    {
        var (program, arguments) = installation.Command(installation.Binaries.InstallDb!,
            LocalServerArguments.InstallArguments(installation, installation.Inside(dataDirectory)));
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)
            ?? throw new TargetStartException(installation.TargetName, "mariadb-install-db could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var output = (await stdout) + (await stderr);
            throw new TargetStartException(installation.TargetName, $"initialising the data directory failed (exit code {process.ExitCode}).",
                LocalServerArguments.CommandLine(program, start.ArgumentList), LogTail.Of(output));
        }
    }

    private static string Sanitize(string version) =>
        new(version.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+' ? c : '_').ToArray());
}
