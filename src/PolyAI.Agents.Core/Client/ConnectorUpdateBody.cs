using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolyAI.Agents.Client;

/// <summary>
/// Writes C6 and C3 bodies by hand: only the fields given, and <c>"variantId": null</c> when the variant is
/// cleared. The Wire context leaves every null out, so it cannot express that explicit null.
/// </summary>
internal static class ConnectorUpdateBody
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Refuses an update the API would misread: no connector id, a variant both set and cleared,
    /// blank ids, or nothing to change.</summary>
    public static void Validate(ConnectorUpdate update)
    {
        if (update is null)
        {
            throw new ArgumentNullException(nameof(update));
        }

        Identifier.EnsureValid(update.ConnectorId, "connector id");
        if (update.ClearVariant && update.VariantId is not null)
        {
            throw new ArgumentException($"The update of connector '{update.ConnectorId}' both sets and clears the variant; choose one.");
        }

        if (update.VariantId is not null)
        {
            Identifier.EnsureValid(update.VariantId, "variant id");
        }

        if (update.ProjectId is not null)
        {
            Identifier.EnsureValid(update.ProjectId, "project id");
        }

        if (update.AsrLangCode is { } asr && string.IsNullOrWhiteSpace(asr))
        {
            throw new ArgumentException($"The ASR language code of connector '{update.ConnectorId}' must not be empty.");
        }

        if (update.VoiceName is { } voice && string.IsNullOrWhiteSpace(voice))
        {
            throw new ArgumentException($"The voice name of connector '{update.ConnectorId}' must not be empty.");
        }

        if (update.SetsNothing)
        {
            throw new ArgumentException($"The update of connector '{update.ConnectorId}' changes nothing: give a variant (or clear it), an ASR language, a voice or a project.");
        }
    }

    /// <summary>UpdateConnectorBody: <c>{"variantId":...,"asrLangCode":...,"voiceName":...,"projectId":...}</c>, given fields only.</summary>
    public static byte[] Single(ConnectorUpdate update) => Write(writer => WriteItem(writer, update, includeConnectorId: false));

    /// <summary>BatchUpdateConnectorsBody: <c>{"updates":[{"connectorId":...,...}]}</c>, in the order given.</summary>
    public static byte[] Batch(IEnumerable<ConnectorUpdate> updates) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("updates");
        foreach (var update in updates)
        {
            WriteItem(writer, update, includeConnectorId: true);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteItem(Utf8JsonWriter writer, ConnectorUpdate update, bool includeConnectorId)
    {
        writer.WriteStartObject();
        if (includeConnectorId)
        {
            writer.WriteString("connectorId", update.ConnectorId);
        }

        if (update.ClearVariant)
        {
            writer.WriteNull("variantId");
        }
        else if (update.VariantId is not null)
        {
            writer.WriteString("variantId", update.VariantId);
        }

        if (update.AsrLangCode is not null)
        {
            writer.WriteString("asrLangCode", update.AsrLangCode);
        }

        if (update.VoiceName is not null)
        {
            writer.WriteString("voiceName", update.VoiceName);
        }

        if (update.ProjectId is not null)
        {
            writer.WriteString("projectId", update.ProjectId);
        }

        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
