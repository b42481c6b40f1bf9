namespace MutationHarness.Databases.Local.Versions;

/// <summary>A provisioned Debian root holding one MariaDB series, ready to run under chroot.</summary>
/// <param name="Release">The series it holds.</param>
/// <param name="Directory">The root directory.</param>
/// <param name="ServerVersion">What its <c>mariadbd --version</c> says, e.g. <c>10.5.23-MariaDB-0+deb11u1</c>.</param>
/// <param name="Bytes">Its size on disk when it was provisioned.</param>
/// <param name="Provisioned">When it was provisioned (UTC).</param>
public sealed record ServerRoot(MariaDbRelease Release, string Directory, string ServerVersion, long Bytes, DateTime Provisioned)
{
    /// <summary>The size for people: <c>359 MB</c>.</summary>
    public string Size => ServerRoots.Megabytes(Bytes);
}
