using System.Globalization;
using Microsoft.Extensions.Primitives;
using PolyAI.Agents.Contract;
using Environments = PolyAI.Agents.Contract.Environments;

namespace PolyAI.Agents.Emulator;

/// <summary>A validated D3 body: the environment to publish to (sandbox when none is given) and the message.</summary>
internal sealed record PublishRequest(string Environment, string? Message);

/// <summary>A validated D4 body: the target as given (checked against the deployment later) and the message.</summary>
internal sealed record PromoteRequest(string? TargetEnvironment, string? Message);

/// <summary>
/// The bodies of D3-D5 (each required, {} is enough, additionalProperties false) and the query of D1
/// (environment required, limit a positive integer).
/// </summary>
internal static class DeploymentBodies
{
    public static PublishRequest Publish(string? body)
    {
        var obj = JsonBody.ParseObject(body);
        JsonBody.AllowOnly(obj, null, "deploymentMessage", "environment");
        var environment = JsonBody.OptionalString(obj, "environment") is { } given
            ? DeploymentErrors.EnsureEnvironment(given, "environment")
            : Environments.Sandbox;
        return new PublishRequest(environment, JsonBody.OptionalString(obj, "deploymentMessage"));
    }

    public static PromoteRequest Promote(string? body)
    {
        var obj = JsonBody.ParseObject(body);
        JsonBody.AllowOnly(obj, null, "deploymentMessage", "targetEnvironment");
        return new PromoteRequest(JsonBody.OptionalString(obj, "targetEnvironment"), JsonBody.OptionalString(obj, "deploymentMessage"));
    }

    /// <summary>D5: the message, if any.</summary>
    public static string? Rollback(string? body)
    {
        var obj = JsonBody.ParseObject(body);
        JsonBody.AllowOnly(obj, null, "deploymentMessage");
        return JsonBody.OptionalString(obj, "deploymentMessage");
    }

    /// <summary>D1's environment: required, one of sandbox, pre-release, live (the spec's enum), else 400 VALIDATION_ERROR.</summary>
    public static string Environment(IReadOnlyDictionary<string, StringValues> query) =>
        Single(query, "environment") is { } environment && Environments.All.Contains(environment, StringComparer.Ordinal)
            ? environment
            : throw new ApiException(ApiErrors.Validation("environment",
                $"The query parameter 'environment' is required and must be one of {string.Join(", ", Environments.All)}."));

    /// <summary>D1's limit: absent, or a positive integer (one beyond int's range is "all").</summary>
    public static int? Limit(IReadOnlyDictionary<string, StringValues> query)
    {
        if (!query.ContainsKey("limit"))
        {
            return null;
        }

        var text = Single(query, "limit");
        if (text is not { Length: > 0 } || !text.All(char.IsAsciiDigit) || text.All(c => c == '0'))
        {
            throw new ApiException(ApiErrors.Validation("limit", $"The query parameter 'limit' must be a positive integer, not '{text}'."));
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : int.MaxValue;
    }

    /// <summary>The one value of a query parameter; null when it is absent or given more than once.</summary>
    private static string? Single(IReadOnlyDictionary<string, StringValues> query, string name) =>
        query.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
}
