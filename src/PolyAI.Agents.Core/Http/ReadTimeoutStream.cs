using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PolyAI.Agents.Http;

/// <summary>
/// A response body whose every read has the session's time limit: a server that stops sending times out,
/// while the time the caller spends with what it already read (a slow pipeline downstream of a streamed list)
/// never counts. <paramref name="timer"/> is the body's timeout source; cancelling it aborts the response.
/// </summary>
internal sealed class ReadTimeoutStream(Stream inner, CancellationTokenSource timer, TimeSpan limit) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        timer.CancelAfter(limit);
        try
        {
            return inner.Read(buffer, offset, count);
        }
        finally
        {
            timer.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        timer.CancelAfter(limit);
        try
        {
            return await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            timer.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
