using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waypoint.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnonymityFreeze : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SpentMark",
                table: "mindset_invitations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedOn",
                table: "mindset_campaigns",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "mindset_published_results",
                columns: table => new
                {
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComparedWithId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Results = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mindset_published_results", x => x.CampaignId);
                    table.ForeignKey(
                        name: "FK_mindset_published_results_mindset_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "mindset_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mindset_published_results_mindset_campaigns_ComparedWithId",
                        column: x => x.ComparedWithId,
                        principalTable: "mindset_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mindset_published_results_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mindset_invitations_SpentMark",
                table: "mindset_invitations",
                column: "SpentMark",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mindset_published_results_ComparedWithId",
                table: "mindset_published_results",
                column: "ComparedWithId");

            migrationBuilder.CreateIndex(
                name: "IX_mindset_published_results_OrganisationId",
                table: "mindset_published_results",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mindset_published_results");

            migrationBuilder.DropIndex(
                name: "IX_mindset_invitations_SpentMark",
                table: "mindset_invitations");

            migrationBuilder.DropColumn(
                name: "SpentMark",
                table: "mindset_invitations");

            migrationBuilder.DropColumn(
                name: "PublishedOn",
                table: "mindset_campaigns");
        }
    }
}
