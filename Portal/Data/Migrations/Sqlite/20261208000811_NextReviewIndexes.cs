using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NextReviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportMeasures_Status_NextReviewOn",
                table: "SupportMeasures");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_SupportMeasureId",
                table: "Reviews");

            migrationBuilder.CreateIndex(
                name: "IX_SupportMeasures_NextReview",
                table: "SupportMeasures",
                columns: new[] { "Status", "NextReviewOn", "HouseholdStatus", "HouseholdTeamId", "HouseholdReferentId", "Kind", "StartsOn", "TotalMonths" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_SupportMeasureId_MonthsFromStart",
                table: "Reviews",
                columns: new[] { "SupportMeasureId", "MonthsFromStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportMeasures_NextReview",
                table: "SupportMeasures");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_SupportMeasureId_MonthsFromStart",
                table: "Reviews");

            migrationBuilder.CreateIndex(
                name: "IX_SupportMeasures_Status_NextReviewOn",
                table: "SupportMeasures",
                columns: new[] { "Status", "NextReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_SupportMeasureId",
                table: "Reviews",
                column: "SupportMeasureId");
        }
    }
}
