using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Testing;

namespace Portal.Tests.Jobs;

/// What the fault tests do to a running site and how they read what it left in its database: a
/// burst of sign-ups (one email each) and test sheets (one document each) through real HTTP, then
/// the rows, the stored documents and the messages at the SMTP server.
public static class WorkBurst
{
    public sealed record Row(long Id, int Status, string? MessageId, int Documents);

    /// Fires sign-ups and document requests at a node, a few at a time, until told to stop or done.
    /// Requests cut by a kill are simply lost requests: what counts is what reached the database.
    public static async Task<int> RunAsync(Func<HttpClient> anonymous, HttpClient admin, Random rng, int signUps, int documents, string tag)
    {
        var work = Enumerable.Range(0, signUps).Select(i => (Email: true, I: i))
            .Concat(Enumerable.Range(0, documents).Select(i => (Email: false, I: i)))
            .OrderBy(_ => rng.Next()).ToList();
        string adminToken;
        try
        {
            adminToken = Forms.Token(await (await admin.GetAsync("/admin/documents")).Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (Cut(ex))
        {
            return 0;
        }
        var done = 0;
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (w, _) =>
        {
            try
            {
                if (w.Email)
                {
                    using var client = anonymous();
                    await Forms.PostAsync(client, "/compte/inscription", new()
                    {
                        ["Input.FullName"] = $"Rafale {tag} {w.I}", ["Input.Email"] = $"rafale-{tag}-{w.I}@exemple.fr",
                        ["Input.Password"] = "Bonjour-Passerelle-1", ["Input.ConfirmPassword"] = "Bonjour-Passerelle-1", ["Input.AcceptPrivacy"] = "true",
                    });
                }
                else
                {
                    await admin.PostAsync("/admin/documents?handler=Generate",
                        new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = adminToken }));
                }
                Interlocked.Increment(ref done);
            }
            catch (Exception ex) when (Cut(ex) || ex is InvalidOperationException)
            {
            }
        });
        return done;
    }

    /// What a request cut by the kill throws: usually an HttpRequestException, but a connection
    /// accepted just before the kill can surface the socket's own error, unwrapped.
    private static bool Cut(Exception ex) =>
        ex is HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException or IOException;

    /// The rows made after this point (the demo data has its own, some deliberately failed).
    public sealed record Baseline(long Email, long Document);

    public static async Task<Baseline> BaselineAsync(TestDatabase db)
    {
        var emails = await QueryAsync(db, """SELECT COALESCE(MAX("Id"), 0), 0, NULL, 0 FROM "OutboundEmails" """);
        var documents = await QueryAsync(db, """SELECT COALESCE(MAX("Id"), 0), 0, NULL, 0 FROM "DocumentRequests" """);
        return new Baseline(emails[0].Id, documents[0].Id);
    }

    public static async Task<List<Row>> EmailsAsync(TestDatabase db, Baseline since) =>
        await QueryAsync(db, $"""SELECT "Id", "Status", "MessageId", 0 FROM "OutboundEmails" WHERE "Id" > {since.Email}""");

    public static async Task<List<Row>> DocumentsAsync(TestDatabase db, Baseline since) =>
        await QueryAsync(db, $"""SELECT r."Id", r."Status", NULL, (SELECT COUNT(*) FROM "GeneratedDocuments" g WHERE g."DocumentRequestId" = r."Id") FROM "DocumentRequests" r WHERE r."Id" > {since.Document}""");

    /// Waits until the burst has put at least that many new email rows and document rows in the
    /// database, so a kill lands in the middle of real work.
    public static async Task UnderWayAsync(TestDatabase db, Baseline since, int emails, int documents)
    {
        // Both kinds, each counted: a kill then always cuts work of both kinds, however the machine's
        // speed orders slow sign-ups (password hashing) and quick document requests.
        var emailsBefore = (await EmailsAsync(db, since)).Count;
        var documentsBefore = (await DocumentsAsync(db, since)).Count;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (((await EmailsAsync(db, since)).Count < emailsBefore + emails || (await DocumentsAsync(db, since)).Count < documentsBefore + documents)
               && DateTime.UtcNow < deadline)
            await Task.Delay(50);
    }

    /// Waits until no row is pending or running; returns how long it took.
    public static async Task<TimeSpan> DrainedAsync(TestDatabase db, Baseline since, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var open = (await EmailsAsync(db, since)).Concat(await DocumentsAsync(db, since)).Count(r => r.Status is 0 or 1);
            if (open == 0) return watch.Elapsed;
            if (watch.Elapsed > timeout) throw new TimeoutException($"{open} rows still open after {timeout.TotalSeconds} s");
            await Task.Delay(250);
        }
    }

    /// Every row done; every document stored once; every email at the server once, or twice with the
    /// same Message-Id (the window the README states). Returns the number of emails received twice.
    public static async Task<int> AssertDoneOnceAsync(TestDatabase db, Baseline since, MailDev mail)
    {
        var emails = await EmailsAsync(db, since);
        var documents = await DocumentsAsync(db, since);
        Assert.All(emails, e => Assert.Equal(2, e.Status));
        Assert.All(documents, d => Assert.Equal(2, d.Status));
        Assert.All(documents, d => Assert.Equal(1, d.Documents));
        var received = (await mail.AllAsync()).GroupBy(m => (m.MessageId ?? "").Trim('<', '>')).ToDictionary(g => g.Key, g => g.Count());
        var twice = 0;
        foreach (var e in emails)
        {
            var n = received.GetValueOrDefault(e.MessageId!);
            Assert.True(n is 1 or 2, $"email {e.Id} ({e.MessageId}) received {n} times");
            if (n == 2) twice++;
        }
        return twice;
    }

    private static async Task<List<Row>> QueryAsync(TestDatabase db, string sql)
    {
        await using DbConnection connection = db.Provider == "Postgres" ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(new Row(Convert.ToInt64(reader.GetValue(0)), Convert.ToInt32(reader.GetValue(1)), reader.IsDBNull(2) ? null : reader.GetString(2), Convert.ToInt32(reader.GetValue(3))));
        return rows;
    }

    public static async Task<HttpStatusCode> DownloadAsync(HttpClient client, long id) =>
        (await client.GetAsync($"/admin/documents?handler=Download&id={id}")).StatusCode;
}
