using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Contract;
using PolyAI.Agents.Json;
using Xunit;

namespace PolyAI.Agents.Tests;

/// <summary>The streaming reader behind the list cmdlets: items handed over while the body still arrives.</summary>
public sealed class JsonArrayStreamTests
{
    private static string Number(int i) => $$"""{"number":"+1555{{i:D7}}","projectId":"P","accountId":"ws","clientEnv":"live"}""";

    private static string Body(int count, string before = "", string after = "") =>
        "{" + before + "\"phoneNumbers\":[" + string.Join(",", Enumerable.Range(0, count).Select(Number)) + "]" + after + "}";

    private static async Task<(int Count, List<string> Numbers, int Batches)> Read(Stream stream)
    {
        var numbers = new List<string>();
        var batches = 0;
        var count = await JsonArrayStream.ReadAsync(
            stream, "phoneNumbers", ApiJsonContext.Wire.PhoneNumberDto, dto => dto.Number!,
            items => { batches++; numbers.AddRange(items); }, CancellationToken.None);
        return (count, numbers, batches);
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5000)]
    public async Task ReadsEveryItem_InOrder_AcrossBufferBoundaries(int count)
    {
        var (read, numbers, _) = await Read(Utf8(Body(count)));

        Assert.Equal(count, read);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"+1555{i:D7}"), numbers);
    }

    [Fact]
    public async Task ReadsThroughAStreamThatReturnsOneByteAtATime()
    {
        var (read, numbers, _) = await Read(new TrickleStream(Encoding.UTF8.GetBytes(Body(40)), 1));

        Assert.Equal(40, read);
        Assert.Equal("+15550000039", numbers[^1]);
    }

    [Theory]
    [InlineData(64 * 1024)]
    [InlineData(1)]
    public async Task SkipsAUtf8ByteOrderMark_AsJsonSerializerDoes(int bytesPerRead)
    {
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Body(3))).ToArray();

        var (read, _, _) = await Read(new TrickleStream(body, bytesPerRead));

        Assert.Equal(3, read);
    }

    [Fact]
    public async Task SkipsOtherProperties_BeforeAndAfter_IncludingNestedOnes()
    {
        var body = Body(3, before: "\"meta\":{\"a\":[1,2,{\"b\":\"]}\"}]},\"x\":1,", after: ",\"tail\":[[],{}],\"s\":\"phoneNumbers\"");

        var (read, _, _) = await Read(Utf8(body));

        Assert.Equal(3, read);
    }

    [Fact]
    public async Task AnElementLargerThanTheBuffer_IsReadWhole()
    {
        var large = new string('x', 200_000);
        var body = "{\"phoneNumbers\":[{\"number\":\"+15550000001\",\"projectId\":\"" + large + "\",\"accountId\":\"ws\",\"clientEnv\":\"live\"}]}";

        var (read, numbers, _) = await Read(Utf8(body));

        Assert.Equal(1, read);
        Assert.Equal("+15550000001", numbers.Single());
    }

    [Fact]
    public async Task HandsOverTheFirstItems_BeforeTheBodyHasEnded()
    {
        var first = Encoding.UTF8.GetBytes("{\"phoneNumbers\":[" + string.Join(",", Enumerable.Range(0, 50).Select(Number)) + ",");
        using var release = new SemaphoreSlim(0);
        var stream = new PausingStream(first, Encoding.UTF8.GetBytes(Number(50) + "]}"), release);
        var seen = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var reading = JsonArrayStream.ReadAsync(
            stream, "phoneNumbers", ApiJsonContext.Wire.PhoneNumberDto, dto => dto.Number!,
            items => seen.TrySetResult(items.Count), CancellationToken.None);

        var handedOver = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(handedOver >= 49, "the items complete in the first part arrive before the rest is sent");
        Assert.False(reading.IsCompleted);
        release.Release();
        Assert.Equal(51, await reading);
    }

    [Theory]
    [InlineData("{\"other\":[]}", "missing")]
    [InlineData("{\"phoneNumbers\":{}}", "not an array")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"phoneNumbers\":[null]}", "contains null")]
    [InlineData("{\"phoneNumbers\":[{\"number\":\"+1\"}]}", "")]
    [InlineData("{\"phoneNumbers\":[]} trailing", "")]
    [InlineData("", "")]
    [InlineData("<html>502</html>", "")]
    public async Task NotTheDocumentedShape_IsAJsonException(string body, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<JsonException>(() => Read(Utf8(body)));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATruncatedBody_IsAJsonException_AfterTheCompleteItemsWereHandedOver()
    {
        var body = Body(10);
        var numbers = new List<string>();

        await Assert.ThrowsAnyAsync<JsonException>(() => JsonArrayStream.ReadAsync(
            Utf8(body.Substring(0, body.Length / 2)), "phoneNumbers", ApiJsonContext.Wire.PhoneNumberDto, dto => dto.Number!,
            numbers.AddRange, CancellationToken.None));

        Assert.InRange(numbers.Count, 1, 9);
    }

    [Fact]
    public async Task AMapThatRefusesAnItem_StopsTheRead()
    {
        await Assert.ThrowsAnyAsync<JsonException>(() => JsonArrayStream.ReadAsync<PhoneNumberDto, string>(
            Utf8(Body(3)), "phoneNumbers", ApiJsonContext.Wire.PhoneNumberDto, _ => throw new JsonException("refused"),
            _ => { }, CancellationToken.None));
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(base.Read(buffer.Span[..Math.Min(buffer.Length, chunk)]));
    }

    /// <summary>Sends the first part, then waits for a signal before sending the rest.</summary>
    private sealed class PausingStream(byte[] first, byte[] rest, SemaphoreSlim release) : Stream
    {
        private int _stage;

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            switch (_stage++)
            {
                case 0:
                    Array.Copy(first, 0, buffer, offset, first.Length);
                    return first.Length;
                case 1:
                    await release.WaitAsync(cancellationToken);
                    Array.Copy(rest, 0, buffer, offset, rest.Length);
                    return rest.Length;
                default:
                    return 0;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
