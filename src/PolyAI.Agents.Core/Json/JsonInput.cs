using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolyAI.Agents.Json;

/// <summary>
/// The one converter from a free-form value a user gives (config variables and schemas, variant attribute values,
/// a request body of the escape hatch) to the JSON that is sent: dictionaries (Hashtable, OrderedDictionary, any
/// IDictionary with string keys), lists and arrays, strings, numbers, booleans, null, dates (ISO 8601), GUIDs and
/// enums (their name), and at the top level a string of JSON text. The host adapts its own objects first
/// (<c>adapt</c>, given the value and where it is: PowerShell turns a PSCustomObject into its properties and
/// refuses a script block). Anything
/// that cannot be JSON (another kind of object, a value that contains itself, nesting deeper than
/// <see cref="MaxDepth"/>) is an <see cref="ArgumentException"/> that says where, before anything is sent.
/// </summary>
internal static class JsonInput
{
    public const int MaxDepth = 64;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The value as one JSON element. <paramref name="what"/> names it in messages, e.g. "-Variable".</summary>
    public static JsonElement ToElement(object? value, string what, Func<object, string, object?>? adapt = null)
    {
        adapt ??= static (v, _) => v;
        if (adapt(value ?? DBNull.Value, what) is string text)
        {
            return ParseText(text, what);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, value, what, adapt, new Stack<(object Given, object Adapted)>());
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static JsonElement ParseText(string text, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{what} is a string but not JSON text ({ex.Message}); give a hashtable, a [pscustomobject] or JSON text.", ex);
        }
    }

    // open: the containers being written, as given and as adapted. A wrapped object is compared by what it wraps,
    // a PSCustomObject (adapted anew each time) by itself.
    private static void Write(Utf8JsonWriter writer, object? value, string path, Func<object, string, object?> adapt, Stack<(object Given, object Adapted)> open)
    {
        if (open.Count >= MaxDepth)
        {
            throw new ArgumentException($"{path} is nested more than {MaxDepth} levels deep, which is too deep to send as JSON.");
        }

        var original = value;
        value = value is null ? null : adapt(value, path);
        switch (value)
        {
            case null or DBNull:
                writer.WriteNullValue();
                return;
            case string text:
                writer.WriteStringValue(text);
                return;
            case char character:
                writer.WriteStringValue(character.ToString());
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case Enum name:
                writer.WriteStringValue(name.ToString());
                return;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                return;
            case ulong large:
                writer.WriteNumberValue(large);
                return;
            case float or double:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    throw new ArgumentException($"{path} is {number}, which JSON cannot represent.");
                }

                writer.WriteNumberValue(number);
                return;
            case decimal exact:
                writer.WriteNumberValue(exact);
                return;
            case DateTime date:
                writer.WriteStringValue(date.ToString("o", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset moment:
                writer.WriteStringValue(moment.ToString("o", CultureInfo.InvariantCulture));
                return;
            case Guid id:
                writer.WriteStringValue(id.ToString());
                return;
            case JsonElement element:
                element.WriteTo(writer);
                return;
        }

        foreach (var (given, adapted) in open)
        {
            if (ReferenceEquals(given, original) || ReferenceEquals(adapted, value))
            {
                throw new ArgumentException($"{path} contains itself, so it cannot be sent as JSON.");
            }
        }

        open.Push((original!, value));
        switch (value)
        {
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (adapt(entry.Key, path) is not string key)
                    {
                        throw new ArgumentException($"{path} has the key '{entry.Key}', which is not a string; JSON object keys are strings.");
                    }

                    writer.WritePropertyName(key);
                    Write(writer, entry.Value, $"{path}.{key}", adapt, open);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in items)
                {
                    Write(writer, item, $"{path}[{index++}]", adapt, open);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"{path} is a {value.GetType().FullName}, which cannot be sent as JSON: give a hashtable, a [pscustomobject], a list, a string, a number, a boolean or null.");
        }

        open.Pop();
    }
}
