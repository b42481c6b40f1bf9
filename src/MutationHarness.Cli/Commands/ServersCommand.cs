using System.CommandLine;
using System.Text.Json;
using MutationHarness.Containers;
using MutationHarness.Databases.Local.Versions;
using Spectre.Console;

namespace MutationHarness.Cli.Commands;

/// <summary><c>servers list|install|remove</c>: the MariaDB versions provisioned for <c>local:mariadb:&lt;version&gt;</c>.</summary>
internal static class ServersCommand
{
    public static Command Create()
    {
        var command = new Command("servers", $"""
            The MariaDB versions the harness runs locally with no Docker (local:mariadb:<version>): each is a Debian
            root built once with debootstrap (about 400 MB; needs root privileges) into {ServerRoots.Directory}
            (set {ServerRoots.DirectoryVariable} to move it), its server started under chroot. A verify run provisions
            a missing version by itself; these commands do it ahead of time, show what is there, and free the space.
            'servers image' turns a version's root into a container image with no registry (container:mariadb:<version>).

            Examples:
              harness servers list
              harness servers install 10.5 11.8
              harness verify pairs.jsonl --target local:mariadb:10.5 --target local:mariadb --target local:mariadb:11.8
              harness servers remove 10.5
              harness servers image mariadb:11.8 && harness verify pairs.jsonl --target container:mariadb:11.8
            """)
        {
            List(), Install(), Remove(), Image(),
        };
        return command;
    }

    /// <summary>A series as the user may write it: <c>10.5</c>, <c>mariadb:10.5</c> or <c>local:mariadb:10.5</c>.</summary>
    internal static MariaDbRelease Release(string text)
    {
        var version = text.Trim();
        foreach (var prefix in new[] { "local:", "mariadb:" })
        {
            if (version.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                version = version[prefix.Length..];
        }
        return MariaDbRelease.Find(version) ?? throw new UsageException($"unknown MariaDB version '{text}'; known: {MariaDbRelease.Known}");
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var command = new Command("list", "Show every MariaDB version the harness knows, whether it is provisioned, its server version and size, and whether the engine DOCKER_HOST names has its image.") { json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var rows = MariaDbRelease.All.Select(r => (Release: r, Root: ServerRoots.Find(r))).ToList();
            var images = await LocalMariaDbImage.BuiltAsync(cancellationToken);
            string? Image(MariaDbRelease release) => images is not null && images.ContainsKey(release.Version) ? LocalMariaDbImage.NameOf(release) : null;
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
                {
                    target = "local:mariadb:" + r.Release.Version,
                    suite = r.Release.Suite,
                    available = r.Release.Available,
                    installed = r.Root is not null,
                    server = r.Root?.ServerVersion,
                    bytes = r.Root?.Bytes,
                    path = r.Root?.Directory,
                    image = Image(r.Release),
                })));
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Simple)
                .AddColumns("target", "from", "status", "server", "size", "image");
            foreach (var (release, root) in rows)
            {
                var status = root is not null ? "installed" : release.Available ? "not installed" : "unavailable";
                table.AddRow(Markup.Escape("local:mariadb:" + release.Version), Markup.Escape(release.Source), status,
                    Markup.Escape(root?.ServerVersion ?? ""), root?.Size ?? "", Image(release) is null ? "" : "built");
            }
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }).Write(table);
            Console.WriteLine($"roots: {ServerRoots.Directory}");
            Console.WriteLine(images is null ? "images: no Docker engine answers (DOCKER_HOST); 'harness servers image mariadb:<version>' builds one where one does"
                : $"images: {LocalMariaDbImage.Repository}:<version>, built by 'harness servers image mariadb:<version>', run by container:mariadb:<version> when the official one cannot be pulled");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Install()
    {
        var versions = new Argument<string[]>("versions") { Description = "MariaDB series to provision: 10.5, 10.11, 11.8.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("install", "Provision MariaDB versions now (debootstrap, about 400 MB each, a minute or more); parallel harnesses wait for one another.") { versions };
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            // Several versions are provisioned side by side: most of the time goes to downloads.
            await Task.WhenAll(result.GetValue(versions)!.Select(Release).Distinct().Select(async release =>
            {
                var existing = ServerRoots.Find(release);
                var root = existing ?? await ServerRoots.EnsureAsync(release, Say, cancellationToken);
                Console.WriteLine($"local:mariadb:{release.Version}: MariaDB {root.ServerVersion}, {root.Size}, {root.Directory}" +
                    (existing is null ? "" : " (already installed)"));
            }));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Remove()
    {
        var versions = new Argument<string[]>("versions") { Description = "MariaDB series whose roots to delete.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("remove", "Delete provisioned MariaDB versions (refused while a server from one runs).") { versions };
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            foreach (var release in result.GetValue(versions)!.Select(Release).ToList())
            {
                var removed = await ServerRoots.RemoveAsync(release, cancellationToken);
                Console.WriteLine($"local:mariadb:{release.Version}: {(removed ? "removed" : "was not installed")}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Image()
    {
        var versions = new Argument<string[]>("versions") { Description = "MariaDB series to build images of: mariadb:10.5, mariadb:10.11, mariadb:11.8.", Arity = ArgumentArity.OneOrMore };
        var rebuild = new Option<bool>("--rebuild") { Description = "Build even when the engine's image is up to date." };
        var command = new Command("image", $"""
            Build the container image {LocalMariaDbImage.Repository}:<version> from a provisioned version (installed first
            when missing), through the Docker API of the engine DOCKER_HOST names (Docker, or Podman's 'podman system
            service'); no registry is needed. The image runs like the official one: MARIADB_ROOT_PASSWORD, MARIADB_DATABASE,
            port 3306, a health check. container:mariadb:<version> uses it when the official image cannot be pulled.
            An image built from the same root and recipe is kept (--rebuild builds it again).
            """) { versions, rebuild };
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            foreach (var release in result.GetValue(versions)!.Select(Release).Distinct().ToList())
            {
                var image = await LocalMariaDbImage.BuildAsync(release, result.GetValue(rebuild), Say, cancellationToken);
                Console.WriteLine($"{image.Name}: MariaDB {image.ServerVersion}, " +
                    (image.Built ? $"built in {image.Elapsed.TotalSeconds:0} s" : "up to date (already built from this root)"));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Progress of slow server starts, on standard error.</summary>
    internal static void Say(string message) => Console.Error.WriteLine("harness: " + message);
}
