using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sunshine.Application.Common.Interfaces;
using Sunshine.Domain.Registry;
using Sunshine.Infrastructure.Security;

namespace Sunshine.Bench;

/// <summary>
/// The limit of scenarios 4 and 5: a minimal ASP.NET Core endpoint over raw Npgsql, no authentication, no
/// Mediator, no EF Core, one SQL statement (a person with county, household and consents) or one batch (a page of
/// people and the count), answering the same JSON as the API — the sensitive columns decrypted with the API's own
/// key file and masked alike. It runs as its own process (<c>--scenario raw-server</c>), as the API does.
/// </summary>
public static class RawServer
{
    public const string PersonSql =
        """
        SELECT p.id, p.name, p.id_number, p.certificate_number, p.category, p.level, p.sex, p.county_id, r.name,
               p.township, p.village, p.registration, p.phone, p.tags, p.status, p.status_changed_on, m.household_id,
               p.xmin::text::bigint,
               (SELECT coalesce(json_agg(json_build_object('scope', c.scope, 'givenOn', c.given_on, 'withdrawnOn', c.withdrawn_on) ORDER BY c.given_on), '[]')::text
                FROM person_consents c WHERE c.person_id = p.id)
        FROM persons p
        JOIN regions r ON r.id = p.county_id
        LEFT JOIN household_members m ON m.person_id = p.id
        WHERE p.id = $1
        """;

    public const string PageSql =
        """
        SELECT p.id, p.name, p.id_number, p.category, p.level, p.sex, p.county_id, r.name, p.township, p.village,
               p.registration, p.tags, p.status, h.id, coalesce(h.is_registered_poor, false)
        FROM persons p
        JOIN regions r ON r.id = p.county_id
        LEFT JOIN household_members m ON m.person_id = p.id
        LEFT JOIN households h ON h.id = m.household_id
        WHERE p.county_id = $1
        ORDER BY p.name, p.id
        LIMIT $2 OFFSET $3
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault()
            ?? throw new ArgumentException($"--{name} is required.");
        var protector = SensitiveDataProtector.FromOptions(new SensitiveDataOptions { KeyFile = Arg("key-file") }, mayCreateKeyFile: false);
        await using var database = new NpgsqlDataSourceBuilder(Arg("db")).Build();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Arg("urls"));
        var app = builder.Build();
        app.MapGet("/persons/{id:guid}", async (Guid id, HttpContext http) =>
        {
            await using var command = database.CreateCommand(PersonSql);
            command.Parameters.AddWithValue(id);
            await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
            if (!await reader.ReadAsync(http.RequestAborted))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            http.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
            json.WriteStartObject();
            json.WriteString("id", reader.GetGuid(0));
            json.WriteString("name", reader.GetString(1));
            json.WriteString("idNumberMasked", MaskId(protector.Unprotect(SensitiveKind.ResidentIdNumber, reader.GetFieldValue<byte[]>(2))));
            json.WriteString("certificateNumberMasked", MaskCertificate(protector.Unprotect(SensitiveKind.CertificateNumber, reader.GetFieldValue<byte[]>(3))));
            json.WriteString("category", reader.GetString(4));
            json.WriteString("level", reader.GetString(5));
            json.WriteString("sex", reader.GetString(6));
            json.WriteString("countyId", reader.GetGuid(7));
            json.WriteString("countyName", reader.GetString(8));
            json.WriteString("township", reader.GetString(9));
            json.WriteString("village", reader.GetString(10));
            json.WriteString("registration", reader.GetString(11));
            if (reader.IsDBNull(12))
            {
                json.WriteNull("phoneMasked");
            }
            else
            {
                json.WriteString("phoneMasked", PhoneNumber.Create(protector.Unprotect(SensitiveKind.Phone, reader.GetFieldValue<byte[]>(12))).Masked);
            }

            WriteTags(json, reader.GetInt32(13));
            json.WriteString("status", reader.GetString(14));
            if (reader.IsDBNull(15))
            {
                json.WriteNull("statusChangedOn");
            }
            else
            {
                json.WriteString("statusChangedOn", reader.GetFieldValue<DateOnly>(15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            if (reader.IsDBNull(16))
            {
                json.WriteNull("householdId");
            }
            else
            {
                json.WriteString("householdId", reader.GetGuid(16));
            }

            json.WritePropertyName("consents");
            json.WriteRawValue(reader.GetString(18));
            json.WriteNumber("version", reader.GetInt64(17));
            json.WriteEndObject();
        });

        app.MapGet("/persons", async (Guid countyId, int? page, int? pageSize, HttpContext http) =>
        {
            var size = Math.Clamp(pageSize ?? 20, 1, 100);
            var number = Math.Max(1, page ?? 1);
            await using var batch = database.CreateBatch();
            var rows = new NpgsqlBatchCommand(PageSql);
            rows.Parameters.AddWithValue(countyId);
            rows.Parameters.AddWithValue(size);
            rows.Parameters.AddWithValue((number - 1) * size);
            var count = new NpgsqlBatchCommand("SELECT count(*) FROM persons WHERE county_id = $1");
            count.Parameters.AddWithValue(countyId);
            batch.BatchCommands.Add(rows);
            batch.BatchCommands.Add(count);
            await using var reader = await batch.ExecuteReaderAsync(http.RequestAborted);
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
            json.WriteStartObject();
            json.WriteStartArray("items");
            while (await reader.ReadAsync(http.RequestAborted))
            {
                json.WriteStartObject();
                json.WriteString("id", reader.GetGuid(0));
                json.WriteString("name", reader.GetString(1));
                json.WriteString("idNumberMasked", MaskId(protector.Unprotect(SensitiveKind.ResidentIdNumber, reader.GetFieldValue<byte[]>(2))));
                json.WriteString("category", reader.GetString(3));
                json.WriteString("level", reader.GetString(4));
                json.WriteString("sex", reader.GetString(5));
                json.WriteString("countyId", reader.GetGuid(6));
                json.WriteString("countyName", reader.GetString(7));
                json.WriteString("township", reader.GetString(8));
                json.WriteString("village", reader.GetString(9));
                json.WriteString("registration", reader.GetString(10));
                WriteTags(json, reader.GetInt32(11));
                json.WriteString("status", reader.GetString(12));
                if (reader.IsDBNull(13))
                {
                    json.WriteNull("householdId");
                }
                else
                {
                    json.WriteString("householdId", reader.GetGuid(13));
                }

                json.WriteBoolean("isRegisteredPoor", reader.GetBoolean(14));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            await reader.NextResultAsync(http.RequestAborted);
            await reader.ReadAsync(http.RequestAborted);
            json.WriteNumber("page", number);
            json.WriteNumber("pageSize", size);
            json.WriteNumber("totalCount", reader.GetInt64(0));
            json.WriteEndObject();
        });

        await app.RunAsync();
        return 0;
    }

    private static string MaskId(string value) => value[..6] + new string('*', 8) + value[14..];

    private static string MaskCertificate(string value) => value[..6] + new string('*', 8) + value[14..18] + "**";

    private static void WriteTags(Utf8JsonWriter json, int tags)
    {
        json.WriteStartArray("tags");
        foreach (var tag in new[] { PersonTags.SpecialistCommitteeMember, PersonTags.UniversityStudent, PersonTags.VocationalStudent })
        {
            if ((tags & (int)tag) == (int)tag)
            {
                json.WriteStringValue(tag.ToString());
            }
        }

        json.WriteEndArray();
    }
}
