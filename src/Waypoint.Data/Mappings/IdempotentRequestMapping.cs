using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Organisations;

namespace Waypoint.Data.Mappings;

internal sealed class IdempotentRequestMapping : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("idempotent_requests");
        builder.HasKey(r => r.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Key).HasMaxLength(IdempotentRequest.KeyMaxLength).IsRequired();
        builder.Property(r => r.Fingerprint).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.Property(r => r.ETag).HasMaxLength(200);
        // One answer per key and person: of two requests racing with one key, the database keeps the first.
        builder.HasIndex(r => new { r.OrganisationId, r.PersonId, r.Key }).IsUnique().HasDatabaseName(UniqueRules.OneAnswerPerIdempotencyKey);
        builder.HasIndex(r => new { r.OrganisationId, r.At });
    }
}
