using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waypoint.Core.Mindset;
using Waypoint.Core.Organisations;

namespace Waypoint.Data.Mappings;

internal sealed class FrameworkMapping : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> builder)
    {
        builder.ToTable("mindset_frameworks");
        builder.HasKey(f => f.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Framework>().WithMany().HasForeignKey(f => f.BasedOnId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Name).HasMaxLength(Framework.NameMaxLength).IsRequired();
        builder.HasIndex(f => new { f.OrganisationId, f.Name, f.Version }).IsUnique();
        builder.Ignore(f => f.StatementCount);
        // A version is read and written whole, so its features and statements live in one JSON column beside it.
        builder.OwnsMany(f => f.Features, feature =>
        {
            feature.ToJson("features");
            feature.OwnsMany(f => f.Statements);
        });
    }
}

internal sealed class CampaignMapping : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("mindset_campaigns");
        builder.HasKey(c => c.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Framework>().WithMany().HasForeignKey(c => c.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Name).HasMaxLength(Campaign.NameMaxLength).IsRequired();
        builder.HasIndex(c => new { c.OrganisationId, c.ClosesOn });
    }
}

/// <summary>
/// A closed campaign's results as published, kept whole as one JSON document: they are read and written whole, and
/// never change, so nothing is gained by taking them apart.
/// </summary>
internal sealed class PublishedResultsMapping : IEntityTypeConfiguration<PublishedResults>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public void Configure(EntityTypeBuilder<PublishedResults> builder)
    {
        builder.ToTable("mindset_published_results");
        builder.HasKey(p => p.CampaignId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithOne().HasForeignKey<PublishedResults>(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(p => p.ComparedWithId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Results).HasConversion(r => Write(r), text => Read(text)).IsRequired();
    }

    private static string Write(CampaignResults results) => JsonSerializer.Serialize(results, Json);

    private static CampaignResults Read(string text) =>
        JsonSerializer.Deserialize<CampaignResults>(text, Json) ?? throw new InvalidOperationException("Published results are missing.");
}

internal sealed class RespondentGroupMapping : IEntityTypeConfiguration<RespondentGroup>
{
    public void Configure(EntityTypeBuilder<RespondentGroup> builder)
    {
        builder.ToTable("mindset_groups");
        builder.HasKey(g => g.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(g => g.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(g => g.Name).HasMaxLength(RespondentGroup.NameMaxLength).IsRequired();
        builder.Property(g => g.LinkCode).HasMaxLength(32).IsRequired();
        builder.HasIndex(g => g.LinkCode).IsUnique();
        builder.HasIndex(g => new { g.CampaignId, g.Name }).IsUnique().HasDatabaseName(UniqueRules.OneGroupPerName);
    }
}

/// <summary>An invitation keeps a token hash and whether its place holds a spend (and whose mark): no person, no time, no response.</summary>
internal sealed class InvitationMapping : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("mindset_invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RespondentGroup>().WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        // A token is spent once: two answers racing with the same token cannot both leave its mark.
        builder.Property(i => i.SpentMark).HasMaxLength(64);
        builder.HasIndex(i => i.SpentMark).IsUnique();
        builder.HasIndex(i => new { i.CampaignId, i.GroupId });
    }
}

/// <summary>
/// A response keeps a random id, its campaign and group, and the day. Its answers and comments are keyed by the
/// response and the statement, with no sequence of their own that would record the order people answered in.
/// </summary>
internal sealed class ResponseMapping : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> builder)
    {
        builder.ToTable("mindset_responses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RespondentGroup>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CampaignId, r.GroupId });
        builder.OwnsMany(r => r.Answers, answer =>
        {
            answer.ToTable("mindset_answers");
            answer.WithOwner().HasForeignKey("ResponseId");
            answer.HasKey("ResponseId", nameof(Answer.FeatureNumber), nameof(Answer.StatementNumber));
            answer.Property(a => a.Value).HasConversion<int>();
        });
        builder.OwnsMany(r => r.Comments, comment =>
        {
            comment.ToTable("mindset_comments");
            comment.WithOwner().HasForeignKey("ResponseId");
            comment.HasKey("ResponseId", nameof(FeatureComment.FeatureNumber));
            comment.Property(c => c.Text).HasMaxLength(Response.CommentMaxLength).IsRequired();
        });
    }
}
