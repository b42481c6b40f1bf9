using System.Buffers;

namespace MutationHarness.FineTuning;

/// <summary>Reads a stream as raw byte lines (no decoding, so bad UTF-8 is seen, not replaced).</summary>
internal sealed class JsonlLineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _start;
    private int _end;
    private bool _endOfStream;

    public JsonlLineReader(Stream stream) => _stream = stream;

    /// <summary>The 1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The current line without its line break (valid until the next read).</summary>
    public ReadOnlyMemory<byte> Line { get; private set; }

    /// <summary>Whether the current line ended with a line break (the last line of a truncated file does not).</summary>
    public bool Terminated { get; private set; }

    public async ValueTask<bool> ReadLineAsync(CancellationToken cancellationToken)
    {
        var searchFrom = _start;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', searchFrom, _end - searchFrom);
            if (newline >= 0)
            {
                SetLine(_start, newline, terminated: true);
                _start = newline + 1;
                return true;
            }
            if (_endOfStream)
            {
                if (_start == _end)
                    return false;
                SetLine(_start, _end, terminated: false);
                _start = _end;
                return true;
            }
            searchFrom = _end - _start;
            await FillAsync(cancellationToken);
        }
    }

    private void SetLine(int from, int to, bool terminated)
    {
        if (to > from && _buffer[to - 1] == (byte)'\r')
            to--;
        LineNumber++;
        Line = _buffer.AsMemory(from, to - from);
        Terminated = terminated;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        // Keep the unfinished line, moved to the front; grow when one line fills the buffer.
        var pending = _end - _start;
        if (pending == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, _start, larger, 0, pending);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
        }
        _start = 0;
        _end = pending;
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0)
            _endOfStream = true;
        _end += read;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
