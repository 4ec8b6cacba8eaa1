using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Waypoint.Core.Audit;
using Waypoint.Core.Mindset;
using Waypoint.Core.Organisations;

namespace Waypoint.Data;

/// <summary>A change, seen just before it is saved. Keys are made by the application, so they are known by then.</summary>
internal sealed record PendingAudit(
    Guid? OrganisationId,
    string EntityType,
    AuditAction Action,
    string? Before,
    string EntityId,
    string? After);

/// <summary>Turns tracked changes into audit entries, leaving out secrets.</summary>
internal static class AuditTrail
{
    /// <summary>Values that must never be copied into the audit trail.</summary>
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SecretHash", "Xml",
    };

    /// <summary>
    /// The survey's responses and invitations are never audited. An audit entry records who acted and when: for a
    /// response that would tie a person (or a moment) to their answers, and for an invitation the moment it was
    /// spent, which could be matched to a response. Anonymity outweighs the trail here (see ADR 0008). Published
    /// results are figures no one wrote (and would copy every comment into the trail).
    /// </summary>
    public static bool Describes(EntityEntry entry) =>
        entry.Entity is not AuditEntry and not DataProtectionKey and not IdempotentRequest
        and not Response and not Answer and not FeatureComment and not Invitation and not PublishedResults
        && entry.Metadata.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) != true;

    /// <summary>States and kinds by name, so that the trail reads without the source code.</summary>
    private static readonly JsonSerializerOptions Options = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static PendingAudit Capture(EntityEntry entry)
    {
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Created,
            EntityState.Deleted => AuditAction.Deleted,
            _ => AuditAction.Updated,
        };
        var before = action == AuditAction.Created ? null : Serialise(entry, original: true);
        var organisationId = entry.Entity switch
        {
            ITenantOwned owned => owned.OrganisationId,
            Organisation organisation => organisation.Id,
            _ => (Guid?)null,
        };

        return new PendingAudit(
            organisationId,
            entry.Metadata.ClrType.Name,
            action,
            before,
            string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
            action == AuditAction.Deleted ? null : Serialise(entry, original: false));
    }

    private static string Serialise(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (Secret.Contains(property.Metadata.Name))
            {
                continue;
            }

            values[property.Metadata.Name] = original ? property.OriginalValue : property.CurrentValue;
        }

        // Value objects kept in the row (a step's risk assessment) are part of the record too.
        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                values[$"{complex.Metadata.Name}.{property.Metadata.Name}"] = original ? property.OriginalValue : property.CurrentValue;
            }
        }

        return JsonSerializer.Serialize(values, Options);
    }
}
