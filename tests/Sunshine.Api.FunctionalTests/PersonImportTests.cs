using System.Net;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Sunshine.Api.FunctionalTests.Infrastructure;
using Sunshine.Domain.AccessControl;

namespace Sunshine.Api.FunctionalTests;

public sealed class PersonImportTests(SunshineApp app)
{
    private const string Header = "姓名,身份证号,残疾证号,区县,乡镇（街道）,村（社区）,户籍类型,联系电话,标签";

    [Theory]
    [InlineData("Xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("Csv", "text/csv")]
    public async Task The_template_has_the_chinese_headers(string format, string contentType)
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.CityOfficer);

        var response = await officer.GetAsync($"/api/person-imports/template?format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var headers = format == "Csv"
            ? Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Trim().Split(',')
            : ((IDictionary<string, object?>)new MemoryStream(bytes).Query(useHeaderRow: false).First()).Values.Select(v => v?.ToString()).ToArray();
        Assert.Equal(Header.Split(','), headers);
    }

    [Fact]
    public async Task Without_import_valid_rows_nothing_is_written_while_any_row_fails()
    {
        var county = await app.RegionIdAsync("430724");
        var (officer, account) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var good = Enumerable.Range(0, 3).Select(_ => Row(TestPeople.NewIdNumber(), "430724")).ToList();
        var watermark = await app.AuditWatermarkAsync();

        var job = await ImportAsync(officer, Csv([.. good, Row("43995019800101001X", "430724"), Row(TestPeople.NewIdNumber(), "430724", registration: "海外")]), importValidRows: false);

        var rejections = job.GetProperty("rejections").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("field").GetString(), r.GetProperty("code").GetString())).ToList();
        Assert.True(rejections.SequenceEqual([(5, "idNumber", "id_number.check_digit"), (6, "registration", "import.registration_unknown")]), job.ToString());
        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal(5, job.GetProperty("totalRows").GetInt32());
        Assert.Equal(3, job.GetProperty("validRows").GetInt32());
        Assert.Equal(2, job.GetProperty("rejectedRows").GetInt32());
        Assert.Equal(0, job.GetProperty("importedRows").GetInt32());
        Assert.DoesNotContain(await app.AuditRowsAfterAsync(watermark, actorId: account.Id), r => r.EntityType == "Person" || r.Changes.Contains("\"imported\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_import_valid_rows_the_valid_ones_are_created_with_one_audit_row_for_the_batch()
    {
        var county = await app.RegionIdAsync("430724");
        var (officer, account) = await app.SignInAsNewAsync(Roles.CountyOfficer, county);
        var ids = Enumerable.Range(0, 4).Select(_ => TestPeople.NewIdNumber()).ToList();
        var watermark = await app.AuditWatermarkAsync();

        var job = await ImportAsync(officer, Csv([.. ids.Select(id => Row(id, "临澧县")), Row(ids[0], "430724"), Row(TestPeople.NewIdNumber(), "430702")]), importValidRows: true);

        Assert.Equal(4, job.GetProperty("importedRows").GetInt32());
        var rejections = job.GetProperty("rejections").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Equal(["import.id_number_repeated", "scope.county_not_allowed"], rejections);
        foreach (var id in ids)
        {
            var found = await (await officer.GetAsync($"/api/persons?idNumber={id}")).ShouldBeJsonAsync();
            Assert.Equal(1, found.GetProperty("totalCount").GetInt32());
        }

        var rows = (await app.AuditRowsAfterAsync(watermark, actorId: account.Id)).Where(r => r.Action == "ProcessPersonImport").ToList();
        var batch = Assert.Single(rows);
        Assert.Equal("PersonImport", batch.EntityType);
        var details = JsonDocument.Parse(batch.Changes).RootElement;
        Assert.Equal(4, details.GetProperty("created").GetInt32());
        Assert.Equal(4, details.GetProperty("personIds").GetArrayLength());
        Assert.DoesNotContain(ids[0], batch.Changes, StringComparison.Ordinal);

        var again = await ImportAsync(officer, Csv([Row(ids[1], "430724")]), importValidRows: true);
        Assert.Equal("person.id_number_taken", again.GetProperty("rejections")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_xlsx_file_and_a_gb18030_csv_are_read()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var xlsxId = TestPeople.NewIdNumber();
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object?>
            {
                ["姓名"] = "表格导入", ["身份证号"] = xlsxId, ["残疾证号"] = xlsxId + "11", ["区县"] = "430725", ["乡镇（街道）"] = "漳江街道",
                ["村（社区）"] = null, ["户籍类型"] = "城镇", ["联系电话"] = null, ["标签"] = "专职委员、大学生",
            },
        });

        var xlsx = await ImportAsync(officer, (stream.ToArray(), "people.xlsx"), importValidRows: false);
        Assert.Equal(1, xlsx.GetProperty("importedRows").GetInt32());

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbId = TestPeople.NewIdNumber();
        var gb = Encoding.GetEncoding("GB18030").GetBytes(Header + "\n" + Row(gbId, "桃源县") + "\n");
        var gbJob = await ImportAsync(officer, (gb, "people-gbk.csv"), importValidRows: false);
        Assert.Equal(1, gbJob.GetProperty("importedRows").GetInt32());
        var person = await (await officer.GetAsync($"/api/persons?idNumber={gbId}")).ShouldBeJsonAsync();
        Assert.Equal("导入人员", person.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_or_lacks_columns_fails_with_a_message_and_imports_nothing()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.CityOfficer);

        var garbage = await ImportAsync(officer, ([0x50, 0x4B, 0x03, 0x04, 0x00], "broken.xlsx"), importValidRows: true);
        Assert.Equal("Failed", garbage.GetProperty("status").GetString());
        Assert.Equal(0, garbage.GetProperty("importedRows").GetInt32());

        var noColumns = await ImportAsync(officer, (Encoding.UTF8.GetBytes("名字,号码\n张三,1\n"), "wrong.csv"), importValidRows: true);
        Assert.Equal("Failed", noColumns.GetProperty("status").GetString());
        Assert.Contains("身份证号", noColumns.GetProperty("failureMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal("import.columns_missing", noColumns.GetProperty("failureCode").GetString());
        Assert.Equal("import.file_unreadable", garbage.GetProperty("failureCode").GetString());
    }

    [Fact]
    public async Task Uploads_are_checked_for_type_and_size()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.CityOfficer);

        var text = await Upload(officer, (Encoding.UTF8.GetBytes("x"), "people.txt"), importValidRows: false);
        Assert.Contains("file", HttpAssertions.FieldsOf(await text.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")));

        var huge = await Upload(officer, (new byte[(21 * 1024 * 1024)], "people.csv"), importValidRows: false);
        await huge.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Fact]
    public async Task Ten_thousand_rows_with_37_bad_ones_report_exactly_those_37()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var bad = new HashSet<int>(Enumerable.Range(0, 37).Select(i => 100 + (i * 263)));
        var rows = new List<string>();
        for (var i = 0; i < 10_000; i++)
        {
            rows.Add(bad.Contains(i) ? BadRow(i) : Row(TestPeople.NewIdNumber(), "430726"));
        }

        var job = await ImportAsync(officer, Csv(rows), importValidRows: false, timeoutSeconds: 180);

        Assert.Equal(10_000, job.GetProperty("totalRows").GetInt32());
        Assert.Equal(37, job.GetProperty("rejectedRows").GetInt32());
        Assert.Equal(9_963, job.GetProperty("validRows").GetInt32());
        Assert.Equal(0, job.GetProperty("importedRows").GetInt32());
        var reported = job.GetProperty("rejections").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()).Distinct().Order().ToList();
        Assert.Equal(bad.Select(i => i + 2).Order(), reported);
        Assert.All(job.GetProperty("rejections").EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task Ten_thousand_valid_rows_are_registered_in_one_transaction_with_one_audit_row()
    {
        var (officer, account) = await app.SignInAsNewAsync(Roles.CityOfficer);
        var ids = Enumerable.Range(0, 10_000).Select(_ => TestPeople.NewIdNumber()).ToList();
        var watermark = await app.AuditWatermarkAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var job = await ImportAsync(officer, Csv(ids.Select(id => Row(id, "430703"))), importValidRows: false, timeoutSeconds: 600);

        Assert.Equal(10_000, job.GetProperty("importedRows").GetInt32());
        Assert.Single(await app.AuditRowsAfterAsync(watermark, actorId: account.Id), r => r.Action == "ProcessPersonImport");
        var found = await (await officer.GetAsync($"/api/persons?idNumber={ids[^1]}")).ShouldBeJsonAsync();
        Assert.Equal(1, found.GetProperty("totalCount").GetInt32());
        TestContext.Current.SendDiagnosticMessage($"Imported 10,000 people in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>A different fault in each bad row, so every kind of rejection is exercised.</summary>
    private static string BadRow(int i) => (i % 5) switch
    {
        0 => Row("43995019800101001X", "430726"),
        1 => Row(TestPeople.NewIdNumber(), "999999"),
        2 => Row(TestPeople.NewIdNumber(), "430726", registration: "未知"),
        3 => Row(TestPeople.NewIdNumber(), "430726", phone: "12345"),
        _ => Row(TestPeople.NewIdNumber(), "430726", name: string.Empty),
    };

    private static string Row(string id, string county, string registration = "农村", string phone = "", string name = "导入人员") =>
        $"{name},{id},{id}42,{county},城关镇,太平村,{registration},{phone},";

    private static (byte[] Content, string Name) Csv(IEnumerable<string> rows) =>
        (Encoding.UTF8.GetBytes(Header + "\n" + string.Join('\n', rows) + "\n"), "people.csv");

    private static Task<HttpResponseMessage> Upload(HttpClient client, (byte[] Content, string Name) file, bool importValidRows) =>
        TestImports.UploadAsync(client, "person-imports", file, importValidRows);

    private static Task<JsonElement> ImportAsync(HttpClient client, (byte[] Content, string Name) file, bool importValidRows, int timeoutSeconds = 60) =>
        TestImports.RunAsync(client, "person-imports", file, importValidRows, timeoutSeconds);
}
