using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Waypoint.Infrastructure.Web;

/// <summary>Describes the API as a whole in the OpenAPI document: its purpose and how to authenticate.</summary>
public sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Waypoint API",
            Version = "v1",
            Description = "Read and change an organisation's Waypoint data. Authenticate with a bearer token made by " +
                "'waypoint tokens create'. Errors are RFC 9457 problem details naming the field at fault, whatever the Accept header. " +
                "Enum values are their names, never numbers; text may not hold control characters (a NUL) or half a surrogate pair; " +
                "dates are between 1900-01-01 and 2100-12-31; lists may not hold null items. Open data, which needs no token, is under /open/{org}.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A token from 'waypoint tokens create', sent as 'Authorization: Bearer wp_…'.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}

/// <summary>Marks an operation open to everyone (answering a survey) as needing no token, overriding the document's default.</summary>
public sealed class AnonymousOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            // An empty list of requirements: no authentication for this operation.
            operation.Security = [];
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Documents optimistic concurrency (ADR 0010) on every change: a PUT needs the ETag it read in <c>If-Match</c> (428
/// without it, 412 when the record changed meanwhile, checked by the database as it writes), and a change the database
/// refuses as a duplicate answers 409.
/// </summary>
public sealed class ConcurrencyOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? string.Empty;
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any()
            || !(method.Equals("PUT", StringComparison.OrdinalIgnoreCase) || method.Equals("POST", StringComparison.OrdinalIgnoreCase)))
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= [];
        if (method.Equals("PUT", StringComparison.OrdinalIgnoreCase))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = true,
                Description = "The ETag you read (the record's revision). The change is written only if the record is still at that revision.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Responses.TryAdd("412", Problem("The record changed since the ETag in If-Match was read: nothing was written. Read it again."));
            operation.Responses.TryAdd("428", Problem("No If-Match was sent."));
        }
        else
        {
            operation.Responses.TryAdd("422", Problem("The Idempotency-Key was used in the last 24 hours for a different request."));
        }

        operation.Responses.TryAdd("409", Problem("The database already holds this (a repeat, or a request racing another): nothing was written."));
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType() },
    };
}

/// <summary>Documents the optional <c>Idempotency-Key</c> header on every POST that needs a token.</summary>
public sealed class IdempotentOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)
            || context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyMiddleware.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Any unique string of 1 to 255 visible ASCII characters, such as a UUID. A repeat with the same key " +
                "within 24 hours gets the first answer again (with Idempotent-Replayed: true) and changes nothing; the same key " +
                "with a different request is refused with 422.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Data.IdempotentRequest.KeyMaxLength },
        });
        return Task.CompletedTask;
    }
}

/// <summary>Says on every rate-limited operation that it may be refused for its allowance (ADR 0012).</summary>
public sealed class RateLimitedOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RateLimitedAsAttribute>().LastOrDefault() is { } limited)
        {
            var whose = limited.Kind == RateLimitKind.Api
                ? "this person (all their tokens together) or, without a valid token, this client address"
                : "this client address";
            operation.Responses ??= [];
            operation.Responses.TryAdd("429", new OpenApiResponse
            {
                Description = $"Too many requests from {whose}: problem details, with Retry-After giving the seconds to wait.",
                Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                },
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType() },
            });
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Declares what the generator leaves out of each operation's parameters: the organisation in every path (bound by
/// the route group, not by the handlers), and what paging accepts.
/// </summary>
public sealed class ParameterDescriptions : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        if (context.Description.RelativePath?.Contains("{org}", StringComparison.Ordinal) == true && operation.Parameters.All(p => p.Name != "org"))
        {
            operation.Parameters.Insert(0, new OpenApiParameter
            {
                Name = "org",
                In = ParameterLocation.Path,
                Required = true,
                Description = "The organisation's short name, as in its addresses, such as anytown.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            parameter.Description ??= parameter.Name switch
            {
                "page" => "Which page, from 1 (the default). A page past the last is empty; a page below 1 is refused with 400.",
                "pageSize" => $"How many items a page holds, from 1 to {Api.MaxPageSize} ({Api.DefaultPageSize} unless given); outside that range is refused with 400.",
                _ => null,
            };
        }

        return Task.CompletedTask;
    }
}
