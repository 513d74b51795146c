using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PolyAI.Agents.Contract;

namespace PolyAI.Agents.Client;

internal sealed partial class PolyAiClient
{
    /// <summary>The clientEnv the API uses when an import does not name one.</summary>
    internal const string DefaultClientEnv = Environments.Live;

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

        var description = connectorId is null ? $"List phone numbers of agent '{agentId}'" : $"List phone numbers of connector '{connectorId}' of agent '{agentId}'";
        return Request(ApiOperations.ListPhoneNumbers, description, agentId)
            .WithQuery("connectorId", connectorId)
            .StreamAsync("phoneNumbers", ApiJsonContext.Wire.PhoneNumberDto, dto => Map(agentId, dto), onNumbers, cancellationToken);
    }

    /// <summary>P5: one number, by its E.164 form.</summary>
    public Task<PhoneNumber> GetPhoneNumberAsync(string agentId, string number, CancellationToken cancellationToken)
    {
        Identifier.EnsureE164(number);
        return Request(ApiOperations.GetPhoneNumber, $"Get phone number '{number}' of agent '{agentId}'", agentId, number)
            .SendAsync(dto => Map(agentId, dto), cancellationToken);
    }

    /// <summary>P4: the numbers found and the numbers the agent does not have, as the API listed them.</summary>
    public Task<BatchResult<PhoneNumber>> GetPhoneNumbersAsync(string agentId, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        EnsureItems(numbers, "phone number", Identifier.EnsureE164);
        return Request(ApiOperations.GetPhoneNumbersBatch, $"Get {numbers.Count} phone numbers of agent '{agentId}'", agentId)
            .WithBody(new BatchGetPhoneNumbersBody { PhoneNumbers = numbers.ToList() })
            .SendAsync(
                response => new BatchResult<PhoneNumber>(
                    RequiredList(response.Found, "found").Select(n => Map(agentId, n)).ToList(),
                    RequiredList(response.NotFound, "notFound")),
                cancellationToken);
    }

    /// <summary>P6: imports one number (201). A number that already exists is a 409 (AlreadyExists).
    /// <paramref name="clientEnv"/> null leaves it to the API (live).</summary>
    public Task<PhoneNumberImport> ImportPhoneNumberAsync(string agentId, string number, string? clientEnv, CancellationToken cancellationToken)
    {
        Identifier.EnsureE164(number);
        return Request(ApiOperations.ImportPhoneNumber, $"Import phone number '{number}' into agent '{agentId}'", agentId, number)
            .WithBody(new ImportPhoneNumberBody { ClientEnv = clientEnv })
            .SendAsync(response => new PhoneNumberImport(agentId, Required(response.Imported, "imported"), clientEnv ?? DefaultClientEnv), cancellationToken);
    }

    /// <summary>P2: imports several numbers into one environment (201). The API lists what it imported and
    /// skips the rest; one result per requested number, in the order given: imported, or AlreadyExists.</summary>
    public Task<IReadOnlyList<BatchItemResult<PhoneNumberImport>>> ImportPhoneNumbersAsync(
        string agentId, IReadOnlyCollection<string> numbers, string? clientEnv, CancellationToken cancellationToken)
    {
        EnsureItems(numbers, "phone number", Identifier.EnsureE164);
        return Request(ApiOperations.ImportPhoneNumbers, $"Import {numbers.Count} phone numbers into agent '{agentId}'", agentId)
            .WithBody(new ImportPhoneNumbersBody { PhoneNumbers = numbers.ToList(), ClientEnv = clientEnv })
            .SendAsync(response => MapImportResults(agentId, numbers, clientEnv ?? DefaultClientEnv, response), cancellationToken);
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

                var description = $"Import phone number '{number}' into agent '{agentId}'";
                return BatchItemResult<PhoneNumberImport>.Failed(number, new PolyAiApiException(
                    PolyAiFailureKind.AlreadyExists, description,
                    $"{description}: the API did not import it (a bulk import skips numbers that already exist, in this or another agent).",
                    ResourceKind.PhoneNumber));
            })
            .ToList();
    }

    /// <summary>P7: routes a number to a connector of the same agent; returns the number as the API now has it.</summary>
    public Task<PhoneNumber> ReassignPhoneNumberAsync(string agentId, string number, string connectorId, CancellationToken cancellationToken)
    {
        Identifier.EnsureE164(number);
        Identifier.EnsureValid(connectorId, "connector id");
        return Request(ApiOperations.ReassignPhoneNumber, $"Route phone number '{number}' of agent '{agentId}' to connector '{connectorId}'", agentId, number)
            .WithBody(new ReassignPhoneNumberBody { ConnectorId = connectorId })
            .SendAsync(dto => Map(agentId, dto), cancellationToken);
    }

    /// <summary>P8: releases one number. A retry that finds nothing after a lost response is RemovalUnconfirmed.</summary>
    public Task<PhoneNumberRemoval> DeletePhoneNumberAsync(string agentId, string number, CancellationToken cancellationToken)
    {
        Identifier.EnsureE164(number);
        return Request(ApiOperations.DeletePhoneNumber, $"Delete phone number '{number}' of agent '{agentId}'", agentId, number)
            .SendAsync(response => new PhoneNumberRemoval(agentId, Required(response.Deleted, "deleted")), cancellationToken);
    }

    /// <summary>P3: releases several numbers (a JSON body on DELETE), each on its own. One result per requested
    /// number, in the order given: released, or why not.</summary>
    public Task<IReadOnlyList<BatchItemResult<PhoneNumberRemoval>>> DeletePhoneNumbersAsync(string agentId, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        EnsureItems(numbers, "phone number", Identifier.EnsureE164);
        return Request(ApiOperations.DeletePhoneNumbers, $"Delete {numbers.Count} phone numbers of agent '{agentId}'", agentId)
            .WithBody(new DeletePhoneNumbersBody { PhoneNumbers = numbers.ToList() })
            .SendAsync((response, info) => MapDeleteResults(agentId, numbers, response, info.EarlierAttemptMayHaveApplied, info.CorrelationId), cancellationToken);
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

        var operation = ApiOperations.DeletePhoneNumbers;
        var results = new List<BatchItemResult<PhoneNumberRemoval>>(numbers.Count);
        foreach (var number in numbers)
        {
            var description = $"Delete phone number '{number}' of agent '{agentId}'";
            if (deleted.Contains(number))
            {
                results.Add(BatchItemResult<PhoneNumberRemoval>.Success(number, new PhoneNumberRemoval(agentId, number)));
            }
            else if (errors.TryGetValue(number, out var error))
            {
                var failure = BatchItemFailure.From(operation, description, error, PolyAiFailureKind.Rejected, correlationId);
                if (failure.Kind == PolyAiFailureKind.NotFound && earlierAttemptMayHaveApplied)
                {
                    failure = RemovalUnconfirmed(
                        description, ResourceKind.PhoneNumber, $"the response to an earlier attempt of this bulk delete was lost, and the retry reported the number as not found ({error})", failure.ApiError);
                }

                results.Add(BatchItemResult<PhoneNumberRemoval>.Failed(number, failure));
            }
            else
            {
                results.Add(BatchItemResult<PhoneNumberRemoval>.Failed(number, InvalidItem(operation, description, "listed the number neither as deleted nor as an error, so whether it was released is unknown")));
            }
        }

        return results;
    }

    internal static PhoneNumber Map(string agentId, PhoneNumberDto? dto)
    {
        dto = Required(dto, "phone number");
        return new PhoneNumber(
            agentId,
            Required(dto.Number, "number"),
            Required(dto.ProjectId, "projectId"),
            Required(dto.AccountId, "accountId"),
            Required(dto.ClientEnv, "clientEnv"),
            string.IsNullOrEmpty(dto.ConnectorId) ? null : dto.ConnectorId);
    }
}
