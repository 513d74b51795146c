namespace PolyAI.Agents.Emulator;

/// <summary>The documented errors of the telephony operations.</summary>
internal static class TelephonyErrors
{
    public static ApiError ConnectorNotFound(string connectorId) =>
        ApiErrors.Documented(404, "CONNECTORS_NOT_FOUND", $"Connector '{connectorId}' was not found.", "connectorId");

    public static ApiError ConnectorValidationFailed(string field, string message) =>
        ApiErrors.Documented(400, "CONNECTORS_VALIDATION_FAILED", message, field);

    public static ApiError PhoneNumberNotFound(string number, string? detail = null) =>
        ApiErrors.Documented(404, "PHONE_NUMBERS_NOT_FOUND", detail ?? $"Phone number '{number}' was not found.", "phoneNumber");

    public static ApiError PhoneNumberAlreadyExists(string number) =>
        ApiErrors.Documented(409, "PHONE_NUMBERS_ALREADY_EXISTS", $"Phone number '{number}' already exists.", "phoneNumber");

    public static ApiError InvalidPhoneNumberFormat(string field, string number) =>
        ApiErrors.Documented(400, "PHONE_NUMBERS_INVALID_PHONE_NUMBER_FORMAT", $"'{number}' is not a valid E.164 phone number.", field);

    public static ApiError PhoneConnectorDoesNotExist(string connectorId) =>
        ApiErrors.Documented(404, "PHONE_NUMBERS_CONNECTOR_DOES_NOT_EXIST", $"Connector '{connectorId}' does not exist.", "connectorId");
}
