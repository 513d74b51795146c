using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PolyAI.Agents.Tests.Support;

/// <summary>A read-only stream whose reads never complete until the read's token or the release token fires;
/// <c>onRead</c> runs as each read starts (a test cancels from there, without racing a timer).</summary>
internal sealed class HangingStream : Stream
{
    private readonly CancellationToken _release;
    private readonly Action? _onRead;

    public HangingStream(CancellationToken release, Action? onRead = null)
    {
        _release = release;
        _onRead = onRead;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _onRead?.Invoke();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _release);
        await Task.Delay(Timeout.Infinite, linked.Token);
        return 0;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A read-only stream whose every read throws an IOException (a connection reset mid-body).</summary>
internal sealed class BrokenStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count) => throw new IOException("Connection reset by peer (stub).");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromException<int>(new IOException("Connection reset by peer (stub)."));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromException<int>(new IOException("Connection reset by peer (stub)."));

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
