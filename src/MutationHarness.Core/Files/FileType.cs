using System.Runtime.InteropServices;
using System.Text;

namespace MutationHarness.Core.Files;

/// <summary>The type of what a path names (following symlinks): .NET's file APIs cannot tell a FIFO or a device from a file.</summary>
internal static class FileType
{
    public enum Kind { Missing, Regular, Directory, Fifo, CharacterDevice, BlockDevice, Socket, Other }

    private const int AtFdCwd = -100;
    private const uint StatxType = 1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, stx_mode

    public static Kind Of(string path)
    {
        if (!OperatingSystem.IsLinux())
            return Directory.Exists(path) ? Kind.Directory : File.Exists(path) ? Kind.Regular : Kind.Missing;
        var buffer = new byte[StatxSize];
        var name = Encoding.UTF8.GetBytes(path + "\0");
        if (statx(AtFdCwd, name, 0, StatxType, buffer) != 0)
            return Kind.Missing;
        return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x8000 => Kind.Regular,
            0x4000 => Kind.Directory,
            0x1000 => Kind.Fifo,
            0x2000 => Kind.CharacterDevice,
            0x6000 => Kind.BlockDevice,
            0xC000 => Kind.Socket,
            _ => Kind.Other,
        };
    }

    public static string Describe(Kind kind) => kind switch
    {
        Kind.BlockDevice => "block device",
        Kind.CharacterDevice => "character device",
        Kind.Fifo => "FIFO",
        Kind.Socket => "socket",
        Kind.Directory => "directory",
        Kind.Regular => "regular file",
        _ => "special file",
    };

    // statx's struct has one layout on every Linux architecture, unlike stat's.
    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);
}
