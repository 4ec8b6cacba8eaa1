using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waypoint.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Steps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "risk_appetites",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risk_appetites", x => new { x.OrganisationId, x.Category });
                    table.ForeignKey(
                        name: "FK_risk_appetites_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "step_settings",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MaximumWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Holidays = table.Column<string>(type: "TEXT", nullable: false),
                    Averse = table.Column<int>(type: "INTEGER", nullable: false),
                    Minimal = table.Column<int>(type: "INTEGER", nullable: false),
                    Cautious = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<int>(type: "INTEGER", nullable: false),
                    Eager = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_step_settings", x => x.OrganisationId);
                    table.ForeignKey(
                        name: "FK_step_settings_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OutcomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpectedEffect = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Because = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Owners = table.Column<string>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BoxOverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BoxOverriddenBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadyOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RiskMaterialised = table.Column<bool>(type: "INTEGER", nullable: true),
                    MaterialisedImpact = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SignOff = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HasLearning = table.Column<bool>(type: "INTEGER", nullable: false),
                    RiskCategory = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RiskImpact = table.Column<int>(type: "INTEGER", nullable: true),
                    RiskLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    RiskMitigations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RiskReversibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_steps_AspNetUsers_BoxOverriddenBy",
                        column: x => x.BoxOverriddenBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_steps_AspNetUsers_DecidedBy",
                        column: x => x.DecidedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_steps_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_steps_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_steps_outcomes_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "outcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "learning",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NextSteps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    IndicatorFrom = table.Column<decimal>(type: "TEXT", nullable: true),
                    IndicatorTo = table.Column<decimal>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learning_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_learning_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_learning_steps_StepId",
                        column: x => x.StepId,
                        principalTable: "steps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learning_AuthorId",
                table: "learning",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_learning_OrganisationId_IsPublic",
                table: "learning",
                columns: new[] { "OrganisationId", "IsPublic" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_StepId",
                table: "learning",
                column: "StepId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_steps_BoxOverriddenBy",
                table: "steps",
                column: "BoxOverriddenBy");

            migrationBuilder.CreateIndex(
                name: "IX_steps_DecidedBy",
                table: "steps",
                column: "DecidedBy");

            migrationBuilder.CreateIndex(
                name: "IX_steps_IndicatorId",
                table: "steps",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_steps_OrganisationId_OutcomeId",
                table: "steps",
                columns: new[] { "OrganisationId", "OutcomeId" });

            migrationBuilder.CreateIndex(
                name: "IX_steps_OrganisationId_Status",
                table: "steps",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_steps_OutcomeId",
                table: "steps",
                column: "OutcomeId");

            // Full-text search over learning with SQLite's own FTS5, kept in step with the table by triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE learning_search USING fts5(LearningId UNINDEXED, WhatHappened, Evidence, NextSteps, tokenize = 'porter unicode61');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER learning_search_insert AFTER INSERT ON learning BEGIN
                    INSERT INTO learning_search (LearningId, WhatHappened, Evidence, NextSteps) VALUES (new.Id, new.WhatHappened, new.Evidence, new.NextSteps);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER learning_search_update AFTER UPDATE ON learning BEGIN
                    DELETE FROM learning_search WHERE LearningId = old.Id;
                    INSERT INTO learning_search (LearningId, WhatHappened, Evidence, NextSteps) VALUES (new.Id, new.WhatHappened, new.Evidence, new.NextSteps);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER learning_search_delete AFTER DELETE ON learning BEGIN
                    DELETE FROM learning_search WHERE LearningId = old.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER learning_search_delete;");
            migrationBuilder.Sql("DROP TRIGGER learning_search_update;");
            migrationBuilder.Sql("DROP TRIGGER learning_search_insert;");
            migrationBuilder.Sql("DROP TABLE learning_search;");
            migrationBuilder.DropTable(
                name: "learning");

            migrationBuilder.DropTable(
                name: "risk_appetites");

            migrationBuilder.DropTable(
                name: "step_settings");

            migrationBuilder.DropTable(
                name: "steps");
        }
    }
}
