using System.Diagnostics;
using MutationHarness.Databases.Local;
using MutationHarness.TestSupport;
using MySqlConnector;

namespace MutationHarness.Databases.Tests;

/// <summary>Another local user must not reach the embedded server while a run uses it (issue 9, item 2).</summary>
public sealed class EmbeddedServerAccessTests(MariaDbServerFixture server)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_server_listens_on_no_tcp_port()
    {
        // Given the running embedded server
        var pid = server.Target.ServerProcessId;

        // When its open sockets are matched against the machine's listening TCP sockets
        var listening = ListeningTcpInodes();
        var own = Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Where(target => target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(target => target![8..^1])
            .ToHashSet();

        // Then none of them is a TCP listener: a root login over TCP has nothing to connect to
        Assert.NotEmpty(own);
        Assert.Empty(own.Intersect(listening));
        await using var reader = new MySqlConnection(server.Target.ReaderConnectionString);
        await reader.OpenAsync(Token);
        await using var command = new MySqlCommand("SELECT @@skip_networking", reader);
        Assert.Equal(1, Convert.ToInt32(await command.ExecuteScalarAsync(Token), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("root")]
    public async Task A_root_login_on_the_socket_without_the_runs_password_is_refused(string password)
    {
        // Given the socket of the running server
        var socket = LocalServerArguments.SocketPath(server.Target.RunDirectory);

        // When root logs in with no password, or a guessed one
        await using var connection = new MySqlConnection(LocalAccounts.SocketConnectionString(socket, "root", password));
        var refused = await Assert.ThrowsAsync<MySqlException>(() => connection.OpenAsync(Token));

        // Then the server refuses it (while the harness's own root login, with the run's password, works)
        Assert.Equal(MySqlErrorCode.AccessDenied, refused.ErrorCode);
        await using var harness = new MySqlConnection(server.Target.RootConnectionString);
        await harness.OpenAsync(Token);
    }

    [Fact]
    public async Task The_socket_lives_in_a_directory_only_this_user_can_enter()
    {
        // Given the run directory holding the socket
        var directory = server.Target.RunDirectory;

        // Then it is 0700
        Assert.SkipWhen(OperatingSystem.IsWindows(), "the embedded server runs on Linux only");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(directory));

        // And when this process may act as another user, that user cannot even reach the socket
        if (Environment.IsPrivilegedProcess && ServerBinaries.Which("setpriv") is { } setpriv && ServerBinaries.Which("mariadb") is { } client)
        {
            var start = new ProcessStartInfo(setpriv) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--", client, "--no-defaults",
                         "--socket=" + LocalServerArguments.SocketPath(directory), "-uroot", "-e", "SELECT 1" })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync(Token);
            await process.WaitForExitAsync(Token);
            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("(13)", error, StringComparison.Ordinal); // EACCES: the directory is closed to it
        }
    }

    private static HashSet<string> ListeningTcpInodes()
    {
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
                continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == "0A") // 0A = LISTEN
                    inodes.Add(fields[9]);
            }
        }
        return inodes;
    }
}
