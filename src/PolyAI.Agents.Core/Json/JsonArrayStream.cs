using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace PolyAI.Agents.Json;

/// <summary>
/// Reads a JSON object of the form <c>{"items":[{...},{...}], ...}</c> from a stream and hands the elements
/// of the named array over as they are read, in batches of what each read from the network completed, so the
/// first items reach the caller before the last byte arrives and memory holds one buffer, not the list.
/// (System.Text.Json streams root-level arrays only.)
/// The whole body is still checked: a missing array, a truncated body or trailing garbage is a
/// <see cref="JsonException"/> (after the items read so far have been handed over).
/// </summary>
internal static class JsonArrayStream
{
    private const int InitialBufferSize = 64 * 1024;
    private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

    public static async Task<int> ReadAsync<TItem, TResult>(
        Stream stream,
        string arrayProperty,
        JsonTypeInfo<TItem> itemType,
        Func<TItem, TResult> map,
        Action<IReadOnlyList<TResult>> onItems,
        CancellationToken cancellationToken)
    {
        var parser = new Parser<TItem, TResult>(Encoding.UTF8.GetBytes(arrayProperty), itemType, map);
        var buffer = new byte[InitialBufferSize];
        var length = 0;
        var endOfStream = false;
        var atStart = true;
        while (true)
        {
            if (!endOfStream)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2); // one element larger than the buffer
                }

                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                endOfStream = read == 0;
                length += read;
            }

            if (atStart)
            {
                // A UTF-8 byte order mark, which Utf8JsonReader does not skip (JsonSerializer does, for the other endpoints).
                if (length < Utf8Bom.Length && !endOfStream)
                {
                    continue;
                }

                atStart = false;
                if (new ReadOnlySpan<byte>(buffer, 0, length).StartsWith(Utf8Bom))
                {
                    length -= Utf8Bom.Length;
                    Buffer.BlockCopy(buffer, Utf8Bom.Length, buffer, 0, length);
                }
            }

            var consumed = parser.Parse(new ReadOnlySpan<byte>(buffer, 0, length), endOfStream);
            var items = parser.TakeItems();
            if (items.Count > 0)
            {
                onItems(items);
            }

            if (parser.Done)
            {
                await EnsureOnlyWhitespaceFollowsAsync(stream, buffer, consumed, length, cancellationToken).ConfigureAwait(false);
                return parser.Count;
            }

            if (endOfStream)
            {
                throw new JsonException($"The body ended before the JSON was complete (after {parser.Count} '{arrayProperty}' items).");
            }

            Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
        }
    }

    private static async Task EnsureOnlyWhitespaceFollowsAsync(Stream stream, byte[] buffer, int start, int length, CancellationToken cancellationToken)
    {
        while (true)
        {
            for (var i = start; i < length; i++)
            {
                if (buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    throw new JsonException("Unexpected data after the end of the JSON body.");
                }
            }

            start = 0;
            length = await stream.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (length == 0)
            {
                return;
            }
        }
    }

    /// <summary>The parse state between buffers. A class, because Utf8JsonReader (a ref struct) cannot live
    /// across the awaits of the read loop: each buffer gets a new reader resumed from <see cref="_state"/>.</summary>
    private sealed class Parser<TItem, TResult>
    {
        private enum Stage
        {
            Root,
            Properties,
            Items,
            Done,
        }

        private readonly byte[] _arrayProperty;
        private readonly JsonTypeInfo<TItem> _itemType;
        private readonly Func<TItem, TResult> _map;
        private List<TResult> _items = new();
        private JsonReaderState _state;
        private Stage _stage = Stage.Root;
        private bool _arraySeen;

        public Parser(byte[] arrayProperty, JsonTypeInfo<TItem> itemType, Func<TItem, TResult> map)
        {
            _arrayProperty = arrayProperty;
            _itemType = itemType;
            _map = map;
        }

        /// <summary>The items completed since the last call.</summary>
        public List<TResult> TakeItems()
        {
            var items = _items;
            _items = new List<TResult>();
            return items;
        }

        public int Count { get; private set; }

        public bool Done => _stage == Stage.Done;

        /// <summary>Parses what it can; returns how many bytes were consumed (the rest is kept for the next call).</summary>
        public int Parse(ReadOnlySpan<byte> data, bool isFinalBlock)
        {
            var reader = new Utf8JsonReader(data, isFinalBlock, _state);
            var consumed = 0;
            while (_stage != Stage.Done)
            {
                var checkpoint = reader;
                if (!reader.Read())
                {
                    break;
                }

                if (!Step(ref reader))
                {
                    reader = checkpoint; // the value is not complete in this buffer: read it again with more data
                    break;
                }

                consumed = (int)reader.BytesConsumed;
                _state = reader.CurrentState;
            }

            return consumed;
        }

        /// <summary>Handles the token just read; false when a whole value is needed but not yet in the buffer.</summary>
        private bool Step(ref Utf8JsonReader reader)
        {
            switch (_stage)
            {
                case Stage.Root:
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException("The body is not a JSON object.");
                    }

                    _stage = Stage.Properties;
                    return true;

                case Stage.Properties when reader.TokenType == JsonTokenType.EndObject:
                    if (!_arraySeen)
                    {
                        throw new JsonException($"The required property '{Encoding.UTF8.GetString(_arrayProperty)}' is missing.");
                    }

                    _stage = Stage.Done;
                    return true;

                case Stage.Properties:
                    var isOurs = reader.ValueTextEquals(_arrayProperty);
                    var value = reader;
                    if (!value.Read())
                    {
                        return false;
                    }

                    if (isOurs && value.TokenType == JsonTokenType.StartArray)
                    {
                        reader.Read();
                        _arraySeen = true;
                        _stage = Stage.Items;
                        return true;
                    }

                    if (isOurs)
                    {
                        throw new JsonException($"The property '{Encoding.UTF8.GetString(_arrayProperty)}' is not an array.");
                    }

                    if (!value.TrySkip())
                    {
                        return false;
                    }

                    reader = value; // another property: skipped whole
                    return true;

                case Stage.Items when reader.TokenType == JsonTokenType.EndArray:
                    _stage = Stage.Properties;
                    return true;

                case Stage.Items:
                    var element = reader;
                    if (!element.TrySkip())
                    {
                        return false;
                    }

                    var item = JsonSerializer.Deserialize(ref reader, _itemType)
                        ?? throw new JsonException($"The list '{Encoding.UTF8.GetString(_arrayProperty)}' contains null.");
                    Count++;
                    _items.Add(_map(item));
                    return true;

                default:
                    return true;
            }
        }
    }
}
