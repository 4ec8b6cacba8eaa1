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

/// <summary>An invitation keeps a token hash and whether it is spent: no person, no time, no response.</summary>
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
