using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Waypoint.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Mindset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SourceCampaignId",
                table: "outcomes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceFeatureNumber",
                table: "outcomes",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "mindset_frameworks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    BasedOnId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    features = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mindset_frameworks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mindset_frameworks_mindset_frameworks_BasedOnId",
                        column: x => x.BasedOnId,
                        principalTable: "mindset_frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mindset_frameworks_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mindset_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FrameworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mindset_campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mindset_campaigns_mindset_frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "mindset_frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mindset_campaigns_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mindset_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LinkCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ByInvitation = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mindset_groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mindset_groups_mindset_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "mindset_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mindset_groups_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mindset_invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Spent = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mindset_invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mindset_invitations_mindset_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "mindset_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mindset_invitations_mindset_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "mindset_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mindset_invitations_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mindset_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mindset_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mindset_responses_mindset_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "mindset_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mindset_responses_mindset_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "mindset_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mindset_responses_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mindset_answers",
                columns: table => new
                {
                    FeatureNumber = table.Column<int>(type: "integer", nullable: false),
                    StatementNumber = table.Column<int>(type: "integer", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mindset_answers", x => new { x.ResponseId, x.FeatureNumber, x.StatementNumber });
                    table.ForeignKey(
                        name: "FK_mindset_answers_mindset_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "mindset_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mindset_comments",
                columns: table => new
                {
                    FeatureNumber = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mindset_comments", x => new { x.ResponseId, x.FeatureNumber });
                    table.ForeignKey(
                        name: "FK_mindset_comments_mindset_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "mindset_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outcomes_SourceCampaignId",
                table: "outcomes",
                column: "SourceCampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_mindset_campaigns_FrameworkId",
                table: "mindset_campaigns",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_mindset_campaigns_OrganisationId_ClosesOn",
                table: "mindset_campaigns",
                columns: new[] { "OrganisationId", "ClosesOn" });

            migrationBuilder.CreateIndex(
                name: "IX_mindset_frameworks_BasedOnId",
                table: "mindset_frameworks",
                column: "BasedOnId");

            migrationBuilder.CreateIndex(
                name: "IX_mindset_frameworks_OrganisationId_Name_Version",
                table: "mindset_frameworks",
                columns: new[] { "OrganisationId", "Name", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mindset_groups_CampaignId_Name",
                table: "mindset_groups",
                columns: new[] { "CampaignId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mindset_groups_LinkCode",
                table: "mindset_groups",
                column: "LinkCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mindset_groups_OrganisationId",
                table: "mindset_groups",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_mindset_invitations_CampaignId_GroupId",
                table: "mindset_invitations",
                columns: new[] { "CampaignId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_mindset_invitations_GroupId",
                table: "mindset_invitations",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_mindset_invitations_OrganisationId",
                table: "mindset_invitations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_mindset_invitations_TokenHash",
                table: "mindset_invitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mindset_responses_CampaignId_GroupId",
                table: "mindset_responses",
                columns: new[] { "CampaignId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_mindset_responses_GroupId",
                table: "mindset_responses",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_mindset_responses_OrganisationId",
                table: "mindset_responses",
                column: "OrganisationId");

            migrationBuilder.AddForeignKey(
                name: "FK_outcomes_mindset_campaigns_SourceCampaignId",
                table: "outcomes",
                column: "SourceCampaignId",
                principalTable: "mindset_campaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_outcomes_mindset_campaigns_SourceCampaignId",
                table: "outcomes");

            migrationBuilder.DropTable(
                name: "mindset_answers");

            migrationBuilder.DropTable(
                name: "mindset_comments");

            migrationBuilder.DropTable(
                name: "mindset_invitations");

            migrationBuilder.DropTable(
                name: "mindset_responses");

            migrationBuilder.DropTable(
                name: "mindset_groups");

            migrationBuilder.DropTable(
                name: "mindset_campaigns");

            migrationBuilder.DropTable(
                name: "mindset_frameworks");

            migrationBuilder.DropIndex(
                name: "IX_outcomes_SourceCampaignId",
                table: "outcomes");

            migrationBuilder.DropColumn(
                name: "SourceCampaignId",
                table: "outcomes");

            migrationBuilder.DropColumn(
                name: "SourceFeatureNumber",
                table: "outcomes");
        }
    }
}
