using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waypoint.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Guarantees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "IX_teams_OrganisationId_Name",
                table: "teams",
                newName: "ix_teams_one_per_name");

            migrationBuilder.RenameIndex(
                name: "IX_services_OrganisationId_Name",
                table: "services",
                newName: "ix_services_one_per_name");

            migrationBuilder.RenameIndex(
                name: "IX_mindset_groups_CampaignId_Name",
                table: "mindset_groups",
                newName: "ix_respondent_groups_one_per_name");

            migrationBuilder.RenameIndex(
                name: "IX_memberships_OrganisationId_UserId",
                table: "memberships",
                newName: "ix_memberships_one_per_person");

            migrationBuilder.RenameIndex(
                name: "IX_measurements_SupersedesId",
                table: "measurements",
                newName: "ix_measurements_one_correction");

            migrationBuilder.RenameIndex(
                name: "IX_indicators_OrganisationId_Name",
                table: "indicators",
                newName: "ix_indicators_one_per_name");

            migrationBuilder.RenameIndex(
                name: "IX_check_ins_SupersedesId",
                table: "check_ins",
                newName: "ix_check_ins_one_edit");

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "targets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "steps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "WasDeclined",
                table: "steps",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "step_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "services",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "outcomes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "organisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "mindset_groups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "mindset_frameworks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "mindset_campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "memberships",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "learning",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "indicators",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotent_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_idempotent_requests_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_measurements_one_per_date",
                table: "measurements",
                columns: new[] { "IndicatorId", "Date" },
                unique: true,
                filter: "\"SupersedesId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_check_ins_one_per_period",
                table: "check_ins",
                columns: new[] { "OutcomeId", "AuthorId", "PeriodStart" },
                unique: true,
                filter: "\"SupersedesId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_idempotent_requests_one_per_key",
                table: "idempotent_requests",
                columns: new[] { "OrganisationId", "PersonId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_idempotent_requests_OrganisationId_At",
                table: "idempotent_requests",
                columns: new[] { "OrganisationId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotent_requests");

            migrationBuilder.DropIndex(
                name: "ix_measurements_one_per_date",
                table: "measurements");

            migrationBuilder.DropIndex(
                name: "ix_check_ins_one_per_period",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "teams");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "steps");

            migrationBuilder.DropColumn(
                name: "WasDeclined",
                table: "steps");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "step_settings");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "services");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "outcomes");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "mindset_groups");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "mindset_frameworks");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "mindset_campaigns");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "memberships");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "learning");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "indicators");

            migrationBuilder.RenameIndex(
                name: "ix_teams_one_per_name",
                table: "teams",
                newName: "IX_teams_OrganisationId_Name");

            migrationBuilder.RenameIndex(
                name: "ix_services_one_per_name",
                table: "services",
                newName: "IX_services_OrganisationId_Name");

            migrationBuilder.RenameIndex(
                name: "ix_respondent_groups_one_per_name",
                table: "mindset_groups",
                newName: "IX_mindset_groups_CampaignId_Name");

            migrationBuilder.RenameIndex(
                name: "ix_memberships_one_per_person",
                table: "memberships",
                newName: "IX_memberships_OrganisationId_UserId");

            migrationBuilder.RenameIndex(
                name: "ix_measurements_one_correction",
                table: "measurements",
                newName: "IX_measurements_SupersedesId");

            migrationBuilder.RenameIndex(
                name: "ix_indicators_one_per_name",
                table: "indicators",
                newName: "IX_indicators_OrganisationId_Name");

            migrationBuilder.RenameIndex(
                name: "ix_check_ins_one_edit",
                table: "check_ins",
                newName: "IX_check_ins_SupersedesId");
        }
    }
}
