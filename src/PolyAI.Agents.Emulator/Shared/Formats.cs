using System.Text.RegularExpressions;

namespace PolyAI.Agents.Emulator;

/// <summary>Value formats the emulator validates. <c>\z</c> is used instead of <c>$</c> so a trailing newline never passes.</summary>
internal static partial class Formats
{
    public static readonly IReadOnlySet<string> ClientEnvironments =
        new HashSet<string>(StringComparer.Ordinal) { "sandbox", "pre-release", "live" };

    public const string DefaultClientEnv = "live";

    /// <summary>E.164: '+', a non-zero digit, then 1-14 more digits.</summary>
    public static bool IsE164(string value) => E164().IsMatch(value);

    /// <summary>Language code such as <c>en-GB</c>.</summary>
    public static bool IsLanguageCode(string value) => LanguageCode().IsMatch(value);

    /// <summary>Voice name such as <c>en-GB-Neural2-A</c>: a language code, '-', then anything.</summary>
    public static bool IsVoiceName(string value) => VoiceName().IsMatch(value);

    /// <summary>The <c>ll-CC</c> prefix of a voice name, which becomes the connector's ttsLangCode.</summary>
    public static string TtsLangCodeOf(string voiceName)
    {
        var firstDash = voiceName.IndexOf('-', StringComparison.Ordinal);
        var secondDash = voiceName.IndexOf('-', firstDash + 1);
        return voiceName[..secondDash];
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}\z", RegexOptions.CultureInvariant)]
    private static partial Regex E164();

    [GeneratedRegex(@"^[a-z]{2,3}-[A-Z]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"^[a-z]{2,3}-[A-Z]{2}-.+\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex VoiceName();
}
