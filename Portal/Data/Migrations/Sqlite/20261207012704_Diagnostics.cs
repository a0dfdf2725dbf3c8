using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Diagnostics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Diagnostics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupportMeasureId = table.Column<long>(type: "INTEGER", nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    IsConfidential = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Diagnostics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Diagnostics_SupportMeasures_SupportMeasureId",
                        column: x => x.SupportMeasureId,
                        principalTable: "SupportMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Diagnostics_AuthorId",
                table: "Diagnostics",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Diagnostics_SupportMeasureId",
                table: "Diagnostics",
                column: "SupportMeasureId",
                unique: true);

            // The diagnostic was the measure's first journal entry written as « Diagnostic initial : …
            // (mesure n° N) »: its text moves to the record, the journal keeps the event without the text.
            migrationBuilder.Sql(@"
                INSERT INTO ""Diagnostics"" (""SupportMeasureId"", ""WrittenOn"", ""AuthorId"", ""AuthorName"", ""Text"", ""IsConfidential"", ""CreatedAtUtc"")
                SELECT m.""Id"", j.""OccurredOn"", j.""AuthorId"", j.""AuthorName"",
                       substr(substr(j.""Text"", 22, length(j.""Text"") - 21 - length(char(10) || '(mesure n° ' || m.""Id"" || ')')), 1, 8000),
                       j.""IsConfidential"", j.""CreatedAtUtc""
                FROM ""SupportMeasures"" m
                JOIN ""JournalEntries"" j ON j.""Id"" = (SELECT min(e.""Id"") FROM ""JournalEntries"" e
                  WHERE e.""HouseholdId"" = m.""HouseholdId""
                    AND substr(e.""Text"", 1, 21) = 'Diagnostic initial : '
                    AND substr(e.""Text"", length(e.""Text"") - length(char(10) || '(mesure n° ' || m.""Id"" || ')') + 1) = char(10) || '(mesure n° ' || m.""Id"" || ')');");
            migrationBuilder.Sql(@"
                UPDATE ""JournalEntries"" SET ""Text"" = 'Diagnostic initial écrit (mesure n° ' || m.""Id"" || ').'
                FROM ""SupportMeasures"" m
                WHERE ""JournalEntries"".""Id"" = (SELECT min(e.""Id"") FROM ""JournalEntries"" e
                  WHERE e.""HouseholdId"" = m.""HouseholdId""
                    AND substr(e.""Text"", 1, 21) = 'Diagnostic initial : '
                    AND substr(e.""Text"", length(e.""Text"") - length(char(10) || '(mesure n° ' || m.""Id"" || ')') + 1) = char(10) || '(mesure n° ' || m.""Id"" || ')');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
                UPDATE ""JournalEntries"" SET ""Text"" = 'Diagnostic initial : ' || d.""Text"" || char(10) || '(mesure n° ' || d.""SupportMeasureId"" || ')'
                FROM ""Diagnostics"" d
                JOIN ""SupportMeasures"" m ON m.""Id"" = d.""SupportMeasureId""
                WHERE ""JournalEntries"".""HouseholdId"" = m.""HouseholdId""
                  AND ""JournalEntries"".""Text"" = 'Diagnostic initial écrit (mesure n° ' || d.""SupportMeasureId"" || ').';");
            migrationBuilder.DropTable(
                name: "Diagnostics");
        }
    }
}
