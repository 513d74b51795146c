using System;

namespace PolyAI.Agents.Client;

/// <summary>Input rules checked before any request is sent.</summary>
internal static class Identifier
{
    /// <summary>True for a value that can be an id: not empty, not whitespace, not "." or ".." (URI
    /// normalization would turn those into a reference to the parent resource, escaped or not).</summary>
    public static bool IsValid(string? value) => !string.IsNullOrWhiteSpace(value) && value != "." && value != "..";

    /// <summary>Refuses empty, whitespace-only, '.' and '..' ids.</summary>
    public static void EnsureValid(string? value, string what)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException(NotValidMessage(value, what));
        }
    }

    /// <summary>What is wrong with a value that cannot be an id, for every place that refuses one.</summary>
    public static string NotValidMessage(object? value, string what) =>
        $"The {what} '{value}' is not valid: it must not be empty, whitespace, '.' or '..'.";

    /// <summary>True for an E.164 number: '+', a non-zero digit, then 1 to 14 more digits.</summary>
    public static bool IsE164(string? value)
    {
        if (value is null || value.Length < 3 || value.Length > 16 || value[0] != '+' || value[1] < '1' || value[1] > '9')
        {
            return false;
        }

        for (var i = 2; i < value.Length; i++)
        {
            if (value[i] < '0' || value[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws a clear message unless the value is an E.164 number.</summary>
    public static void EnsureE164(string? value)
    {
        if (!IsE164(value))
        {
            throw new ArgumentException(NotE164Message(value));
        }
    }

    /// <summary>What is wrong with a value that is not E.164, for every place that refuses one.</summary>
    public static string NotE164Message(object? value) =>
        $"'{value}' is not an E.164 phone number: expected '+' followed by the country code and number, up to 15 digits, no spaces or punctuation (for example +442071234567).";
}
