using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>One open connection whose session settings were set once; it remembers its database and deadline.</summary>
internal sealed class PinnedSession(MySqlConnection connection, (string Fingerprint, string[] Values) pinned) : IAsyncDisposable
{
    public MySqlConnection Connection { get; } = connection;

    /// <summary>The watched session variables right after pinning; after every statement they must still read so.</summary>
    public (string Fingerprint, string[] Values) Pinned { get; } = pinned;

    /// <summary>Set once a statement ran: the session is reset before its next use.</summary>
    public bool Used { get; set; }

    /// <summary>Set by a reset: the pinning statement goes out with the next statement's deadline, in one round trip.</summary>
    public bool NeedsPin { get; set; }

    /// <summary>The database the session is in, so <c>USE</c> is sent only on a change.</summary>
    public string? Database { get; set; }

    /// <summary>The server-side deadline last set on the session, so it is sent only on a change.</summary>
    public TimeSpan? ServerDeadline { get; set; }

    /// <summary>Set when the session may be in an unknown state (a cancel, a lost connection); it is then closed, not reused.</summary>
    public bool Broken { get; set; }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
