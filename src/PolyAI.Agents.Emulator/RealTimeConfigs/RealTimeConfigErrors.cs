namespace PolyAI.Agents.Emulator;

/// <summary>The documented errors of real-time configs (29002, 29004, 29006; api-notes.md §10).</summary>
internal static class RealTimeConfigErrors
{
    public static ApiError UnknownEnvironment(string clientEnv) =>
        ApiErrors.Documented(400, "REAL_TIME_CONFIG_UNKNOWN_CLIENT_ENVIRONMENT",
            $"'{clientEnv}' is not a client environment: use sandbox, pre-release or live.", "clientEnv");

    public static ApiError InvalidSchema(string problem) =>
        ApiErrors.Documented(400, "REAL_TIME_CONFIG_INVALID_SCHEMA", $"The schema is not a valid JSON Schema (draft 7): {problem}", "schema");

    public static ApiError InvalidForSchema(string variable, string problem) =>
        ApiErrors.Documented(400, "REAL_TIME_CONFIG_INVALID_FOR_SCHEMA",
            $"The variables do not satisfy the page's schema; nothing was changed: {problem}", variable.Length == 0 ? "variables" : variable);
}
