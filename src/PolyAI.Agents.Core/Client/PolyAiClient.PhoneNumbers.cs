using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Json;

namespace PolyAI.Agents.Client;

public sealed partial class PolyAiClient
{
    /// <summary>The clientEnv the API uses when an import does not name one.</summary>
    internal const string DefaultClientEnv = "live";

    /// <summary>P1: all numbers of an agent, or only those routed to one connector.</summary>
    public async Task<IReadOnlyList<PhoneNumber>> ListPhoneNumbersAsync(string agentId, string? connectorId, CancellationToken cancellationToken)
    {
        var numbers = new List<PhoneNumber>();
        await ListPhoneNumbersAsync(agentId, connectorId, numbers.AddRange, cancellationToken).ConfigureAwait(false);
        return numbers;
    }

    /// <summary>P1, streamed: numbers are handed to <paramref name="onNumbers"/> as they are read, so a list
    /// of 100,000 numbers is never held in memory whole.</summary>
    public Task<int> ListPhoneNumbersAsync(string agentId, string? connectorId, Action<IReadOnlyList<PhoneNumber>> onNumbers, CancellationToken cancellationToken)
    {
        if (connectorId is not null)
        {
            Identifier.EnsureValid(connectorId, "connector id");
        }

        var what = connectorId is null ? $"List phone numbers of agent '{agentId}'" : $"List phone numbers of connector '{connectorId}' of agent '{agentId}'";
        return SendAsync(
            HttpMethod.Get, ApiRoute.WithQuery(ApiRoute.PhoneNumbers(agentId), "connectorId", connectorId), null, what, cancellationToken, readOnly: false, goneCode: null,
            (stream, _, token) => JsonArrayStream.ReadAsync(stream, "phoneNumbers", ApiJsonContext.Wire.PhoneNumberDto, dto => Map(agentId, dto), onNumbers, token));
    }

    /// <summary>P5: one number, by its E.164 form.</summary>
    public Task<PhoneNumber> GetPhoneNumberAsync(string agentId, string number, CancellationToken cancellationToken)
    {
        Identifier.EnsureE164(number);
        return SendAsync(
            HttpMethod.Get, ApiRoute.PhoneNumber(agentId, number), null, ApiJsonContext.Wire.PhoneNumberDto,
            dto => Map(agentId, dto),
            $"Get phone number '{number}' of agent '{agentId}'", cancellationToken);
    }

    /// <summary>P4: the numbers found and the numbers the agent does not have, as the API listed them.</summary>
    public Task<BatchResult<PhoneNumber>> GetPhoneNumbersAsync(string agentId, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        EnsureNumbers(numbers);
        var body = Serialize(new BatchGetPhoneNumbersBody { PhoneNumbers = numbers.ToList() }, ApiJsonContext.Wire.BatchGetPhoneNumbersBody);
        return SendAsync(
            HttpMethod.Post, ApiRoute.PhoneNumbersBatch(agentId), body, ApiJsonContext.Wire.BatchGetPhoneNumbersResponse,
            response => new BatchResult<PhoneNumber>(
                RequiredList(response.Found, "found").Select(n => Map(agentId, n)).ToList(),
                RequiredList(response.NotFound, "notFound")),
            $"Get {numbers.Count} phone numbers of agent '{agentId}'", cancellationToken, readOnly: true);
    }

    /// <summary>P6: imports one number (201). A number that already exists is a 409 (Conflict).
    /// <paramref name="clientEnv"/> null leaves it to the API (live).</summary>
    public Task<PhoneNumberImport> ImportPhoneNumberAsync(string agentId, string number, string? clientEnv, CancellationToken cancellationToken)
    {
        Identifier.EnsureE164(number);
        var body = Serialize(new ImportPhoneNumberBody { ClientEnv = clientEnv }, ApiJsonContext.Wire.ImportPhoneNumberBody);
        return SendAsync(
            HttpMethod.Post, ApiRoute.PhoneNumber(agentId, number), body, ApiJsonContext.Wire.ImportPhoneNumberResponse,
            response => new PhoneNumberImport(agentId, Required(response.Imported, "imported"), clientEnv ?? DefaultClientEnv),
            $"Import phone number '{number}' into agent '{agentId}'", cancellationToken);
    }

    /// <summary>P2: imports several numbers into one environment (201). The API lists what it imported and
    /// skips the rest; one result per requested number, in the order given: imported, or a Conflict.</summary>
    public Task<IReadOnlyList<BatchItemResult<PhoneNumberImport>>> ImportPhoneNumbersAsync(
        string agentId, IReadOnlyCollection<string> numbers, string? clientEnv, CancellationToken cancellationToken)
    {
        EnsureNumbers(numbers);
        var body = Serialize(new ImportPhoneNumbersBody { PhoneNumbers = numbers.ToList(), ClientEnv = clientEnv }, ApiJsonContext.Wire.ImportPhoneNumbersBody);
        return SendAsync(
            HttpMethod.Post, ApiRoute.PhoneNumbers(agentId), body, ApiJsonContext.Wire.ImportPhoneNumbersResponse,
            response => MapImportResults(agentId, numbers, clientEnv ?? DefaultClientEnv, response),
            $"Import {numbers.Count} phone numbers into agent '{agentId}'", cancellationToken);
    }

    internal static IReadOnlyList<BatchItemResult<PhoneNumberImport>> MapImportResults(
        string agentId, IReadOnlyCollection<string> numbers, string clientEnv, ImportPhoneNumbersResponse response)
    {
        var imported = new HashSet<string>(RequiredList(response.Imported, "imported"), StringComparer.Ordinal);
        return numbers
            .Select(number =>
            {
                if (imported.Contains(number))
                {
                    return BatchItemResult<PhoneNumberImport>.Success(number, new PhoneNumberImport(agentId, number, clientEnv));
                }

                var operation = $"Import phone number '{number}' into agent '{agentId}'";
                return BatchItemResult<PhoneNumberImport>.Failed(number, new PolyAiApiException(
                    PolyAiFailureKind.Conflict, operation,
                    $"{operation}: the API did not import it (a bulk import skips numbers that already exist, in this or another agent)."));
            })
            .ToList();
    }

    /// <summary>P7: routes a number to a connector of the same agent; returns the number as the API now has it.</summary>
    public Task<PhoneNumber> ReassignPhoneNumberAsync(string agentId, string number, string connectorId, CancellationToken cancellationToken)
    {
        Identifier.EnsureE164(number);
        Identifier.EnsureValid(connectorId, "connector id");
        var body = Serialize(new ReassignPhoneNumberBody { ConnectorId = connectorId }, ApiJsonContext.Wire.ReassignPhoneNumberBody);
        return SendAsync(
            Patch, ApiRoute.PhoneNumber(agentId, number), body, ApiJsonContext.Wire.PhoneNumberDto,
            dto => Map(agentId, dto),
            $"Route phone number '{number}' of agent '{agentId}' to connector '{connectorId}'", cancellationToken);
    }

    /// <summary>P8: releases one number. A retry that finds nothing after a lost response is RemovalUnconfirmed.</summary>
    public Task<PhoneNumberRemoval> DeletePhoneNumberAsync(string agentId, string number, CancellationToken cancellationToken)
    {
        Identifier.EnsureE164(number);
        return SendAsync(
            HttpMethod.Delete, ApiRoute.PhoneNumber(agentId, number), null, ApiJsonContext.Wire.DeletePhoneNumberResponse,
            response => new PhoneNumberRemoval(agentId, Required(response.Deleted, "deleted")),
            $"Delete phone number '{number}' of agent '{agentId}'", cancellationToken, goneCode: "PHONE_NUMBERS_NOT_FOUND");
    }

    /// <summary>P3: releases several numbers (a JSON body on DELETE), each on its own. One result per requested
    /// number, in the order given: released, or why not.</summary>
    public Task<IReadOnlyList<BatchItemResult<PhoneNumberRemoval>>> DeletePhoneNumbersAsync(string agentId, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        EnsureNumbers(numbers);
        var body = Serialize(new DeletePhoneNumbersBody { PhoneNumbers = numbers.ToList() }, ApiJsonContext.Wire.DeletePhoneNumbersBody);
        return SendAsync(
            HttpMethod.Delete, ApiRoute.PhoneNumbers(agentId), body, ApiJsonContext.Wire.DeletePhoneNumbersResponse,
            (response, info) => MapDeleteResults(agentId, numbers, response, info.EarlierAttemptMayHaveApplied, info.CorrelationId),
            $"Delete {numbers.Count} phone numbers of agent '{agentId}'", cancellationToken);
    }

    /// <summary>
    /// Pairs each requested number with the answer: in <c>deleted</c>, or in <c>errors</c> (left out when empty).
    /// After a retry whose earlier attempt may have been applied, "not found" most likely means that attempt
    /// released it: that is RemovalUnconfirmed, not NotFound. A number in neither list is an invalid answer for it.
    /// </summary>
    internal static IReadOnlyList<BatchItemResult<PhoneNumberRemoval>> MapDeleteResults(
        string agentId, IReadOnlyCollection<string> numbers, DeletePhoneNumbersResponse response, bool earlierAttemptMayHaveApplied, string? correlationId = null)
    {
        var deleted = new HashSet<string>(RequiredList(response.Deleted, "deleted"), StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in response.Errors is null ? Array.Empty<DeletePhoneNumberErrorItemDto>() : RequiredList(response.Errors, "errors"))
        {
            errors[Required(item.PhoneNumber, "errors[].phoneNumber")] = Required(item.Error, "errors[].error");
        }

        var results = new List<BatchItemResult<PhoneNumberRemoval>>(numbers.Count);
        foreach (var number in numbers)
        {
            var operation = $"Delete phone number '{number}' of agent '{agentId}'";
            if (deleted.Contains(number))
            {
                results.Add(BatchItemResult<PhoneNumberRemoval>.Success(number, new PhoneNumberRemoval(agentId, number)));
            }
            else if (errors.TryGetValue(number, out var error))
            {
                var failure = BatchItemFailure.From(operation, error, PolyAiFailureKind.Rejected, correlationId);
                if (failure.Kind == PolyAiFailureKind.NotFound && earlierAttemptMayHaveApplied)
                {
                    failure = RemovalUnconfirmed(
                        operation, $"the response to an earlier attempt of this bulk delete was lost, and the retry reported the number as not found ({error})", failure.ApiError);
                }

                results.Add(BatchItemResult<PhoneNumberRemoval>.Failed(number, failure));
            }
            else
            {
                results.Add(BatchItemResult<PhoneNumberRemoval>.Failed(number, InvalidItem(operation, "listed the number neither as deleted nor as an error, so whether it was released is unknown")));
            }
        }

        return results;
    }

    private static void EnsureNumbers(IReadOnlyCollection<string> numbers)
    {
        if (numbers.Count == 0)
        {
            throw new ArgumentException("At least one phone number is required.", nameof(numbers));
        }

        foreach (var number in numbers)
        {
            Identifier.EnsureE164(number);
        }
    }
}
