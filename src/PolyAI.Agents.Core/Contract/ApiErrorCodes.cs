using System;
using System.Collections.Generic;
using System.Linq;
using PolyAI.Agents.Client;

namespace PolyAI.Agents.Contract;

/// <summary>One documented platform error code: what it means, whom it is about, and the error id it gets
/// when the generic one (resource + kind, e.g. VariantAlreadyExists) would not say enough.</summary>
internal sealed class ApiErrorCode
{
    public ApiErrorCode(string code, int? id, PolyAiFailureKind kind, ResourceKind? resource, string? errorName = null)
    {
        Code = code;
        Id = id;
        Kind = kind;
        Resource = resource;
        ErrorName = errorName;
    }

    public string Code { get; }

    /// <summary>The numeric id the nested error shape carries instead of (or with) the code.</summary>
    public int? Id { get; }

    public PolyAiFailureKind Kind { get; }

    public ResourceKind? Resource { get; }

    public string? ErrorName { get; }
}

/// <summary>
/// The platform error codes of the PolyAI error-code reference that the Agents API can answer with. A code
/// decides the kind of a failure over its HTTP status (a 400 VARIANTS_REMOVE_DEFAULT_ERROR is an invalid
/// operation, a 200 DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED is no failure at all), except that 401, 429 and
/// 5xx always keep their meaning.
/// </summary>
internal static class ApiErrorCodes
{
    /// <summary>The default variant of a branch cannot be removed; the module knows it before sending when it has read the variant.</summary>
    public static readonly ApiErrorCode RemoveDefaultVariant = new("VARIANTS_REMOVE_DEFAULT_ERROR", 26003, PolyAiFailureKind.InvalidOperation, ResourceKind.Variant, "DefaultVariantNotRemovable");

    /// <summary>Variables that fail the page's schema; the module finds them before sending.</summary>
    public static readonly ApiErrorCode ConfigValueInvalid = new("REAL_TIME_CONFIG_INVALID_FOR_SCHEMA", 29002, PolyAiFailureKind.InvalidArgument, ResourceKind.RealTimeConfig, "RealTimeConfigValueInvalid");

    /// <summary>A schema that is not a valid JSON Schema; the module finds it before sending when its validator cannot read it.</summary>
    public static readonly ApiErrorCode ConfigSchemaInvalid = new("REAL_TIME_CONFIG_INVALID_SCHEMA", 29004, PolyAiFailureKind.InvalidArgument, ResourceKind.RealTimeConfig, "RealTimeConfigSchemaInvalid");

    /// <summary>A promote to an environment that already runs the version; known before sending when the active deployments were read.</summary>
    public static readonly ApiErrorCode DeploymentAlreadyPublished = new("DEPLOYMENTS_ALREADY_PUBLISHED", 6009, PolyAiFailureKind.AlreadyExists, ResourceKind.Deployment, "DeploymentAlreadyPublished");

    /// <summary>A promote to live of a version pre-release does not run (412); known before sending when the active deployments were read.</summary>
    public static readonly ApiErrorCode PreReleaseNotReady = new("ErrPreReleaseNotReady", null, PolyAiFailureKind.PreconditionFailed, ResourceKind.Deployment, "DeploymentPreReleaseNotReady");

    public static IReadOnlyList<ApiErrorCode> All { get; } = new[]
    {
        new ApiErrorCode("AUTH_USER_NOT_FOUND", 3001, PolyAiFailureKind.Authentication, null),
        new ApiErrorCode("AUTH_USER_UNAUTHORISED", 3002, PolyAiFailureKind.Authentication, null),
        new ApiErrorCode("AUTH_USER_INVALID_TOKEN", 3003, PolyAiFailureKind.Authentication, null),
        new ApiErrorCode("USER_ACCESS_FORBIDDEN", 2, PolyAiFailureKind.PermissionDenied, null),
        new ApiErrorCode("EXTERNAL_USER_FORBIDDEN", 3, PolyAiFailureKind.PermissionDenied, null),
        new ApiErrorCode("ACCOUNT_INSUFFICIENT_PERMISSIONS", 1003, PolyAiFailureKind.PermissionDenied, null),
        new ApiErrorCode("PROJECT_NOT_FOUND", 15001, PolyAiFailureKind.NotFound, ResourceKind.Agent),
        new ApiErrorCode("PROJECT_ID_ALREADY_EXISTS", 15005, PolyAiFailureKind.AlreadyExists, ResourceKind.Agent),
        new ApiErrorCode("PROJECT_ID_INVALID", 15006, PolyAiFailureKind.InvalidArgument, ResourceKind.Agent),
        new ApiErrorCode("DEPLOYMENT_NOT_FOUND", 6001, PolyAiFailureKind.NotFound, ResourceKind.Deployment),
        new ApiErrorCode("DEPLOYMENTS_ENVIRONMENT_ALREADY_PUBLISHED", 6002, PolyAiFailureKind.Unchanged, ResourceKind.Deployment, "DeploymentAlreadyRunning"),
        new ApiErrorCode("DEPLOYMENTS_VALIDATION_FAILED", 6007, PolyAiFailureKind.InvalidArgument, ResourceKind.Deployment),
        new ApiErrorCode("DEPLOYMENTS_INVALID_ENVIRONMENT", 6008, PolyAiFailureKind.InvalidArgument, ResourceKind.Deployment, "DeploymentInvalidEnvironment"),
        DeploymentAlreadyPublished,
        PreReleaseNotReady,
        new ApiErrorCode("KNOWLEDGE_BASE_TOPIC_ALREADY_EXISTS", 11001, PolyAiFailureKind.AlreadyExists, ResourceKind.KnowledgeTopic),
        new ApiErrorCode("KNOWLEDGE_BASE_TOPICS_INVALID", 11005, PolyAiFailureKind.InvalidArgument, ResourceKind.KnowledgeTopic),
        new ApiErrorCode("KNOWLEDGE_BASE_RICH_TEXT_INVALID", 11006, PolyAiFailureKind.InvalidArgument, ResourceKind.KnowledgeTopic),
        new ApiErrorCode("PHONE_NUMBERS_INVALID_PHONE_NUMBER_FORMAT", 14003, PolyAiFailureKind.InvalidArgument, ResourceKind.PhoneNumber),
        new ApiErrorCode("PHONE_NUMBERS_CONNECTOR_DOES_NOT_EXIST", 14005, PolyAiFailureKind.NotFound, ResourceKind.Connector),
        new ApiErrorCode("PHONE_NUMBERS_NOT_FOUND", 14006, PolyAiFailureKind.NotFound, ResourceKind.PhoneNumber),
        new ApiErrorCode("PHONE_NUMBERS_ALREADY_EXISTS", 14007, PolyAiFailureKind.AlreadyExists, ResourceKind.PhoneNumber),
        new ApiErrorCode("CONNECTORS_NOT_FOUND", 14100, PolyAiFailureKind.NotFound, ResourceKind.Connector),
        new ApiErrorCode("CONNECTORS_VALIDATION_FAILED", 14101, PolyAiFailureKind.InvalidArgument, ResourceKind.Connector),
        new ApiErrorCode("VARIANTS_BAD_ATTRIBUTES_ERROR", 26001, PolyAiFailureKind.InvalidArgument, ResourceKind.Variant),
        new ApiErrorCode("VARIANTS_DUPLICATE_NAME_ERROR", 26002, PolyAiFailureKind.AlreadyExists, ResourceKind.Variant),
        RemoveDefaultVariant,
        new ApiErrorCode("REAL_TIME_CONFIG_FORBIDDEN_ACCESS", 29001, PolyAiFailureKind.PermissionDenied, ResourceKind.RealTimeConfig),
        ConfigValueInvalid,
        ConfigSchemaInvalid,
        new ApiErrorCode("REAL_TIME_CONFIG_UNKNOWN_CLIENT_ENVIRONMENT", 29006, PolyAiFailureKind.InvalidArgument, ResourceKind.RealTimeConfig, "RealTimeConfigUnknownEnvironment"),
    };

    private static readonly Dictionary<string, ApiErrorCode> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    private static readonly Dictionary<int, ApiErrorCode> ById = All.Where(c => c.Id is not null).ToDictionary(c => c.Id!.Value);

    /// <summary>The documented code an error names, by its code or else its numeric id; null when unknown.</summary>
    public static ApiErrorCode? Find(string? code, int? id) =>
        code is not null && ByCode.TryGetValue(code, out var byCode) ? byCode
        : id is { } number && ById.TryGetValue(number, out var byId) ? byId
        : null;
}
